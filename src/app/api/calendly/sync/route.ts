// POST /api/calendly/sync - "sync now": reconcile the coach's copy with Calendly (admins may name a coach)
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { requestSync } from "@/features/calendly/sync/request-sync";

export const dynamic = "force-dynamic";

const body = z.object({ coachUserId: z.string().min(1).max(100).optional() });

export const POST = apiRoute("POST /api/calendly/sync", { body }, async ({ user, scope, body }) => {
  return requestSync(user, scope, body.coachUserId);
});
