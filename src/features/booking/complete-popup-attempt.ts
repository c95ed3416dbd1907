import { and, desc, eq, gt, isNull, lte, or } from "drizzle-orm";
import { bookingAttempts } from "@/lib/db/schema";
import type { SyncExecutor } from "@/features/calendly/sync/sync-hooks";
import { recordBookingCompleted } from "@/features/analytics/booking-attempts";

/**
 * Pairs a booking made in Calendly's popup with the attempt recorded when the realtor opened it (`recordPopupOpened`):
 * the latest open popup attempt of that realtor for that event type, started in the day before the booking. Whoever
 * sees the booking first (the page posting it back, the webhook, a reconciliation) completes it; the others find the
 * event already recorded. With `createIfNone` (the page itself reporting the booking, so the popup was opened in
 * Sessionly even if that call was lost) an attempt is written started and completed at once. A group event completes
 * one attempt per realtor who booked it.
 */
const PAIRING_WINDOW_MS = 24 * 60 * 60 * 1000;
/** Calendly's clock may run a little ahead of ours. */
const CLOCK_SKEW_MS = 5 * 60 * 1000;

export interface PopupCompletion {
  coachUserId: string;
  realtorUserId: string;
  eventTypeUri: string | null;
  eventUri: string;
  /** When the booking was made (Calendly's `created_at`, or now when the page reports it). */
  bookedAt: Date;
}

export async function completePopupAttempt(
  executor: Pick<SyncExecutor, "select" | "update" | "insert">,
  input: PopupCompletion,
  options: { createIfNone?: boolean } = {},
): Promise<boolean> {
  const [recorded] = await executor
    .select({ id: bookingAttempts.id })
    .from(bookingAttempts)
    .where(and(eq(bookingAttempts.eventUri, input.eventUri), eq(bookingAttempts.realtorUserId, input.realtorUserId)));
  if (recorded) return true;
  const [open] = await executor
    .select({ id: bookingAttempts.id })
    .from(bookingAttempts)
    .where(
      and(
        eq(bookingAttempts.coachUserId, input.coachUserId),
        eq(bookingAttempts.realtorUserId, input.realtorUserId),
        eq(bookingAttempts.method, "popup"),
        isNull(bookingAttempts.completedAt),
        input.eventTypeUri ? or(eq(bookingAttempts.eventTypeUri, input.eventTypeUri), isNull(bookingAttempts.eventTypeUri)) : undefined,
        gt(bookingAttempts.startedAt, new Date(input.bookedAt.getTime() - PAIRING_WINDOW_MS)),
        lte(bookingAttempts.startedAt, new Date(input.bookedAt.getTime() + CLOCK_SKEW_MS)),
      ),
    )
    .orderBy(desc(bookingAttempts.startedAt), desc(bookingAttempts.id))
    .limit(1);
  if (open) {
    return recordBookingCompleted({ attemptId: open.id, coachUserId: input.coachUserId, realtorUserId: input.realtorUserId, eventUri: input.eventUri }, executor);
  }
  if (!options.createIfNone) return false;
  const now = new Date();
  const created = await executor
    .insert(bookingAttempts)
    .values({ coachUserId: input.coachUserId, realtorUserId: input.realtorUserId, eventTypeUri: input.eventTypeUri, method: "popup", startedAt: input.bookedAt, completedAt: now, eventUri: input.eventUri })
    // The webhook may have completed an attempt with this event meanwhile: one completion per event and realtor.
    // (booking_attempts_event_realtor_idx; the id is random, so that index is the only one that can conflict).
    .onConflictDoNothing()
    .returning({ id: bookingAttempts.id });
  return created.length > 0;
}
