import type { InviteeSyncedChange, SyncExecutor } from "@/features/calendly/sync/sync-hooks";

/** Notifications' reaction to a synced invitee change (the notifications feature fills this in: outbox, reminders). */
export async function onInviteeSyncedForNotifications(_tx: SyncExecutor, _change: InviteeSyncedChange): Promise<void> {}
