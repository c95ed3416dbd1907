import type { InviteeSyncedChange, SyncExecutor } from "@/features/calendly/sync/sync-hooks";
import { invalidateCoachAvailability } from "./invalidate-coach-availability";

/** Booking's reaction to a synced invitee change: the coach's cached open times are out of date. */
export async function onInviteeSyncedForBooking(tx: SyncExecutor, change: InviteeSyncedChange): Promise<void> {
  await invalidateCoachAvailability(tx, change.coachUserId);
}
