// GET /api/calendly/scheduled_events - the viewer's sessions, filtered, sorted, keyset-paged
import { apiRoute } from "@/lib/api/handler";
import { listSessions } from "@/features/sessions/list-sessions";
import { listSessionsQuerySchema } from "@/features/sessions/list-sessions-query";

export const GET = apiRoute("GET /api/calendly/scheduled_events", { query: listSessionsQuerySchema }, ({ user, scope, query }) =>
  listSessions({ user, scope }, query),
);
