// POST /api/calendly/cancel_events - cancel several sessions with one reason; a result per session
import { apiRoute } from "@/lib/api/handler";
import { cancelSessions } from "@/features/sessions/cancel-sessions";
import { cancelSessionsBody } from "@/features/sessions/session-params";

export const POST = apiRoute("POST /api/calendly/cancel_events", { body: cancelSessionsBody }, ({ user, scope, body, ip, userAgent }) =>
  cancelSessions({ user, scope }, { uuids: body.uuids, reason: body.reason, request: { ip, userAgent } }),
);
