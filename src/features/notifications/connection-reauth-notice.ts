import { and, eq, sql } from "drizzle-orm";
import type { SyncExecutor } from "@/features/calendly/sync/sync-hooks";
import { calendlyConnections, user } from "@/lib/db/schema";
import { isRole } from "@/lib/auth/permissions";
import type { ConnectionReauthPayload } from "./message-payloads";
import { queueMessage } from "./queue-message";

/**
 * Tells a coach their Calendly connection needs re-authorization, with the reconnect link. Called in the transaction
 * that marks the connection `needs_reauth`; one message per token generation (a reconnect bumps the token version,
 * so a later breakage is told again, a repeated refusal of the same tokens is not). Deactivated accounts get nothing.
 */
export async function queueConnectionReauthNotice(tx: SyncExecutor, connectionId: string, reason: string | null): Promise<void> {
  const [row] = await tx
    .select({ tokenVersion: calendlyConnections.tokenVersion, userId: user.id, name: user.name, email: user.email, role: user.role, timeZone: user.timeZone })
    .from(calendlyConnections)
    .innerJoin(user, eq(user.id, calendlyConnections.userId))
    // A deactivated (or erased) coach cannot reconnect: nothing to tell.
    .where(and(eq(calendlyConnections.id, connectionId), sql`coalesce(${user.banned}, false) = false`));
  if (!row) return;
  await queueMessage(tx, {
    idempotencyKey: `connection-reauth:${connectionId}:${row.tokenVersion}`,
    kind: "connection_reauth",
    recipient: { userId: row.userId, email: row.email, name: row.name, role: isRole(row.role) ? row.role : "coach", timeZone: row.timeZone },
    payload: { reason } satisfies ConnectionReauthPayload,
  });
}
