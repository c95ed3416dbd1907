// POST /api/calendly/disconnect - revoke, unsubscribe, wipe tokens; history stays
import { apiRoute } from "@/lib/api/handler";
import { disconnectCalendly } from "@/features/calendly/connection/connect-calendly";

export const dynamic = "force-dynamic";

export const POST = apiRoute("POST /api/calendly/disconnect", {}, async ({ user }) => {
  await disconnectCalendly(user);
  return { disconnected: true };
});
