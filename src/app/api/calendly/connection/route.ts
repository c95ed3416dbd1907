// GET /api/calendly/connection - the signed-in coach's Calendly connection health
import { apiRoute } from "@/lib/api/handler";
import { listConnectionStatuses } from "@/features/calendly/connection/connection-status";

export const dynamic = "force-dynamic";

export const GET = apiRoute("GET /api/calendly/connection", {}, async ({ user }) => {
  const [connection] = await listConnectionStatuses({ userId: user.id });
  return { connection: connection ?? null };
});
