// GET /api/sessions/:uuid/notifications - a session's reminder schedule and the messages sent about it
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { getSessionNotificationsOrThrow } from "@/features/notifications/get-session-notifications";

export const GET = apiRoute("GET /api/sessions/[uuid]/notifications", { params: z.object({ uuid: z.string().min(1).max(100) }) }, async ({ user, scope, params }) =>
  getSessionNotificationsOrThrow(user, scope, params.uuid),
);
