// GET /api/calendly/sessions/:uuid - one session's details and the viewer's actions on it
import { apiRoute } from "@/lib/api/handler";
import { getSessionDetails } from "@/features/sessions/get-session-details";
import { sessionUuidParams } from "@/features/sessions/session-params";

export const GET = apiRoute("GET /api/calendly/sessions/[uuid]", { params: sessionUuidParams }, async ({ user, scope, params }) => ({
  session: await getSessionDetails({ user, scope }, params.uuid),
}));
