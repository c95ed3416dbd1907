// POST /api/sessions/:uuid/request_reschedule - a coach cancels with a reason and sends the invitee a rebook link
import { apiRoute } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { cancelSession } from "@/features/sessions/cancel-session";
import { cancelSessionBody, sessionUuidParams } from "@/features/sessions/session-params";

export const POST = apiRoute(
  "POST /api/sessions/[uuid]/request_reschedule",
  { params: sessionUuidParams, body: cancelSessionBody },
  ({ user, scope, params, body, ip, userAgent }) => {
    if (user.role === "realtor") throw new AppError("forbidden", "Realtors reschedule with Calendly's reschedule link on the session page.");
    return cancelSession({ user, scope }, params.uuid, { reason: body.reason, requestReschedule: true, request: { ip, userAgent } });
  },
);
