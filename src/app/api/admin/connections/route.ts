// GET /api/admin/connections - every coach's Calendly connection health (admins)
import { apiRoute } from "@/lib/api/handler";
import { forbidden } from "@/lib/errors";
import { listConnectionStatuses } from "@/features/calendly/connection/connection-status";

export const dynamic = "force-dynamic";

export const GET = apiRoute("GET /api/admin/connections", {}, async ({ scope }) => {
  if (scope !== "any") throw forbidden();
  return { connections: await listConnectionStatuses() };
});
