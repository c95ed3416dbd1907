// GET /api/admin/mailbox/:id - one message as its recipient sees it (HTML, plain text, calendar invite)
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { getMailboxMessageOrThrow } from "@/features/notifications/admin-mailbox";

export const GET = apiRoute("GET /api/admin/mailbox/[id]", { params: z.object({ id: z.uuid() }) }, async ({ params }) => getMailboxMessageOrThrow(params.id));
