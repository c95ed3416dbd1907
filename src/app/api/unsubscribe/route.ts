// POST /api/unsubscribe?token=…[&scope=all] - public: a signed unsubscribe link (also the RFC 8058 one-click target)
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { unsubscribeWithToken } from "@/features/notifications/unsubscribe";

const query = z.object({ token: z.string().min(10).max(2000), scope: z.enum(["kind", "all"]).default("kind") });

export const POST = apiRoute("POST /api/unsubscribe", { query }, async ({ query }) => {
  const target = await unsubscribeWithToken(query.token, query.scope);
  return { unsubscribed: true, kind: target.kind, label: target.label };
});
