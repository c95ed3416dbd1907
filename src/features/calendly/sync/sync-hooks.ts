import type { Database } from "@/lib/db";
import { getBoss } from "@/lib/jobs/boss";
import { onInviteeSyncedForBooking } from "@/features/booking/on-invitee-synced";
import { onInviteeSyncedForNotifications } from "@/features/notifications/on-invitee-synced";
import { onInviteeSyncedForPrivacy } from "@/features/privacy/on-invitee-synced";

/**
 * Called inside the transaction of every change to an invitee in the copy, whatever brought it (a webhook, a
 * reconciliation, or Sessionly's own cancel / no-show / booking call), so features react to the copy's state once,
 * idempotently, and never miss a change that a dropped webhook would have carried.
 */
export type SyncExecutor = Pick<Database, "insert" | "update" | "select" | "execute" | "delete">;

export interface InviteeSyncedChange {
  inviteeUri: string;
  eventUuid: string;
  coachUserId: string;
  source: "webhook" | "reconcile" | "app";
}

export async function onInviteeSynced(tx: SyncExecutor, change: InviteeSyncedChange): Promise<void> {
  // First: an erased or purged invitee's personal data must never come back with a late delivery or a sync.
  await onInviteeSyncedForPrivacy(tx, change);
  await onInviteeSyncedForBooking(tx, change);
  await onInviteeSyncedForNotifications(tx, change);
}

/**
 * Call before opening a transaction that will call `onInviteeSynced`: the hooks may enqueue jobs inside it, and pg-boss
 * must be started first (on embedded PGlite, starting it from inside an open transaction would wait on that
 * transaction forever).
 */
export async function readySyncHooks(): Promise<void> {
  await getBoss();
}
