// GET /api/admin/mailbox - every outbox message, newest first (keyset pages)
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { listMailbox } from "@/features/notifications/admin-mailbox";

const query = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  status: z.enum(["pending", "sending", "sent", "failed", "suppressed"]).optional(),
  q: z.string().trim().max(200).optional(),
});

export const GET = apiRoute("GET /api/admin/mailbox", { query }, async ({ query }) => listMailbox(query));
