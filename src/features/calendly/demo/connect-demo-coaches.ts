import { eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { user } from "@/lib/db/schema";
import { logger } from "@/lib/logger";
import { calendlyClientForToken } from "../calendly-api";
import { connectWithPersonalAccessToken } from "../connection/connect-calendly";
import { findConnectionByUserId } from "../connection/connection-repository";
import { reconcileConnection } from "../sync/reconcile-connection";

/**
 * Embedded demo: the demo coaches start connected to their emulator accounts through the ordinary connection code
 * (personal access tokens, webhook subscription, event types, backfill), so `npm start` shows real data at once.
 * Idempotent: a coach already connected to a Calendly user the emulator still knows is left alone.
 */
export async function connectDemoCoaches(tokenFor: (email: string) => string, options: { offerAll?: boolean } = {}) {
  const coaches = await getDb().select().from(user).where(eq(user.role, "coach"));
  const connected: string[] = [];
  for (const coach of coaches) {
    let token: string;
    try {
      token = tokenFor(coach.email);
    } catch {
      continue; // not a demo coach
    }
    const existing = await findConnectionByUserId(coach.id);
    if (existing && existing.status === "connected") {
      const me = await calendlyClientForToken(token).getCurrentUser().catch(() => null);
      if (me && me.uri === existing.calendlyUserUri) continue;
    }
    const actor = { id: coach.id, name: coach.name, role: "coach" as const };
    const connection = await connectWithPersonalAccessToken(actor, token, { backfill: "none" });
    await reconcileConnection(connection.id, { kind: "backfill", trigger: "connect" });
    if (options.offerAll ?? true) {
      // The demo offers everything that can be offered; real coaches choose.
      await getDb().execute(sql`
        update calendly_event_types set offered = (active and deleted_at is null and scheduling_url_valid)
         where connection_id = ${connection.id}`);
    }
    connected.push(coach.email);
  }
  if (connected.length) logger.info({ coaches: connected.length }, "demo coaches connected to the Calendly emulator");
  return connected;
}
