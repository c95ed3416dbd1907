// GET /api/sessions/ics - the filtered session list as one .ics download
import { apiRoute } from "@/lib/api/handler";
import { listSessionsQuerySchema } from "@/features/sessions/list-sessions-query";
import { buildSessionsCalendar, icsResponse, sessionRowsForExport } from "@/features/sessions/session-ics";

export const GET = apiRoute("GET /api/sessions/ics", { query: listSessionsQuerySchema }, async ({ user, scope, query }) => {
  const rows = await sessionRowsForExport({ user, scope }, query);
  return icsResponse(buildSessionsCalendar(rows, { user, scope }, { name: "Sessionly sessions" }), { filename: "sessions.ics" });
});
