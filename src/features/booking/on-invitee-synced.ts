import { eq } from "drizzle-orm";
import { invitees, scheduledEvents } from "@/lib/db/schema";
import type { InviteeSyncedChange, SyncExecutor } from "@/features/calendly/sync/sync-hooks";
import { completePopupAttempt } from "./complete-popup-attempt";
import { invalidateCoachAvailability } from "./invalidate-coach-availability";

/**
 * Booking's reaction to a synced invitee change: the coach's cached open times are out of date, and a booking made
 * in Sessionly's Calendly popup (tagged with our utm values) completes the attempt recorded when the popup opened,
 * even when the page never reported it back.
 */
export async function onInviteeSyncedForBooking(tx: SyncExecutor, change: InviteeSyncedChange): Promise<void> {
  await invalidateCoachAvailability(tx, change.coachUserId);
  await pairPopupBooking(tx, change);
}

async function pairPopupBooking(tx: SyncExecutor, change: InviteeSyncedChange) {
  const [row] = await tx
    .select({
      tracking: invitees.tracking,
      realtorUserId: invitees.realtorUserId,
      oldInviteeUri: invitees.oldInviteeUri,
      bookedAt: invitees.calendlyCreatedAt,
      eventUri: scheduledEvents.uri,
      eventTypeUri: scheduledEvents.eventTypeUri,
    })
    .from(invitees)
    .innerJoin(scheduledEvents, eq(scheduledEvents.uuid, invitees.eventUuid))
    .where(eq(invitees.uri, change.inviteeUri));
  // A reschedule moves a booking; it does not complete a new one.
  if (!row || row.oldInviteeUri || row.tracking?.utm_source !== "sessionly" || row.tracking.utm_medium !== "popup") return;
  // The realtor who opened the popup (our utm_content), even if they typed another email into Calendly's form.
  const realtorUserId = row.tracking.utm_content || row.realtorUserId;
  if (!realtorUserId) return;
  await completePopupAttempt(tx, { coachUserId: change.coachUserId, realtorUserId, eventTypeUri: row.eventTypeUri, eventUri: row.eventUri, bookedAt: row.bookedAt });
}
