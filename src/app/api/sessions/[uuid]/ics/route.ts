// GET /api/sessions/:uuid/ics - one session as an .ics download
import { apiRoute } from "@/lib/api/handler";
import { getSessionOrThrow } from "@/features/sessions/get-session-or-throw";
import { buildSessionsCalendar, icsResponse } from "@/features/sessions/session-ics";
import { sessionUuidParams } from "@/features/sessions/session-params";

export const GET = apiRoute("GET /api/sessions/[uuid]/ics", { params: sessionUuidParams }, async ({ user, scope, params }) => {
  const row = await getSessionOrThrow({ user, scope }, params.uuid);
  return icsResponse(buildSessionsCalendar([row], { user, scope }, { name: row.name }), { filename: `session-${row.uuid}.ics` });
});
