// POST /api/admin/mailbox/:id/retry - send a permanently failed message again
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { retryFailedMessage } from "@/features/notifications/admin-jobs";

export const POST = apiRoute("POST /api/admin/mailbox/[id]/retry", { params: z.object({ id: z.uuid() }) }, async ({ user, params, ip, userAgent }) =>
  retryFailedMessage(user, params.id, { ip, userAgent }),
);
