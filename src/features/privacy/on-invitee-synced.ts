import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { erasedEmailHash } from "./privacy-config";
import { scrubInvitees } from "./scrub-invitees";

/**
 * Sync hook (call it from `onInviteeSynced` in src/features/calendly/sync/sync-hooks.ts): a webhook or
 * reconciliation that brings back an invitee whose data was purged, or an old booking of an erased person, is
 * scrubbed again in the same transaction. Bookings made after an erasure are new and are left alone.
 */
type Executor = Pick<Database, "execute">;

export async function onInviteeSyncedForPrivacy(tx: Executor, change: { inviteeUri: string }): Promise<void> {
  const [row] = (
    await tx.execute<{ uuid: string; email_normalized: string; created_at: Date; purged: boolean }>(sql`
      select i.uuid, i.email_normalized, i.calendly_created_at as created_at,
             exists (select 1 from privacy_purged_invitees p where p.invitee_uuid = i.uuid) as purged
        from calendly_invitees i where i.uri = ${change.inviteeUri}`)
  ).rows;
  if (!row || row.email_normalized === "") return;
  if (row.purged) {
    await scrubInvitees(tx, sql`i.uuid = ${row.uuid}`, { reason: "retention" });
    return;
  }
  const [erasure] = (
    await tx.execute<{ id: string }>(sql`
      select id from privacy_erasures
       where email_hash = ${erasedEmailHash(row.email_normalized)} and status = 'completed' and created_at >= ${row.created_at}
       limit 1`)
  ).rows;
  if (erasure) await scrubInvitees(tx, sql`i.uuid = ${row.uuid}`, { reason: "erasure", erasureId: erasure.id });
}
