// POST /api/admin/jobs/:id/retry - put a dead-letter job back on its own queue
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { retryDeadLetterJob } from "@/features/notifications/admin-jobs";

export const POST = apiRoute("POST /api/admin/jobs/[id]/retry", { params: z.object({ id: z.uuid() }) }, async ({ user, params, ip, userAgent }) =>
  retryDeadLetterJob(user, params.id, { ip, userAgent }),
);
