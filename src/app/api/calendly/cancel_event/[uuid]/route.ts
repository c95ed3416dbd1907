// POST /api/calendly/cancel_event/:uuid - cancel one session at Calendly, then in the copy
import { apiRoute } from "@/lib/api/handler";
import { cancelSession } from "@/features/sessions/cancel-session";
import { cancelSessionBody, sessionUuidParams } from "@/features/sessions/session-params";

export const POST = apiRoute(
  "POST /api/calendly/cancel_event/[uuid]",
  { params: sessionUuidParams, body: cancelSessionBody },
  ({ user, scope, params, body, ip, userAgent }) => cancelSession({ user, scope }, params.uuid, { reason: body.reason, request: { ip, userAgent } }),
);
