import type { InviteeSyncedChange, SyncExecutor } from "@/features/calendly/sync/sync-hooks";

/** Booking's reaction to a synced invitee change (the availability feature fills this in: cache invalidation). */
export async function onInviteeSyncedForBooking(_tx: SyncExecutor, _change: InviteeSyncedChange): Promise<void> {}
