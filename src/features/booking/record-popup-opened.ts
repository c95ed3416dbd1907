import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { bookingAttempts } from "@/lib/db/schema";
import type { CurrentUser } from "@/lib/auth/session";
import { recordBookingStarted } from "@/features/analytics/booking-attempts";
import { getEventTypeForViewerOrThrow } from "./bookable-event-types";

/**
 * A realtor opened Calendly's popup for an event type: a booking started in Sessionly, for the booking-success
 * metric. Opening it again (closed by mistake, another day picked) within POPUP_ATTEMPT_REUSE_MS reuses the open
 * attempt instead of counting another start; the booking made in the popup completes it (`completePopupAttempt`).
 */
export const POPUP_ATTEMPT_REUSE_MS = 30 * 60 * 1000;
/** First key of the advisory lock that serializes openings of one realtor × event type. */
const LOCK_NAMESPACE = 7_301;

export const popupOpenedBodySchema = z.object({
  eventType: z.string().trim().min(1, "Say which event type.").max(500),
});
export type PopupOpenedBody = z.output<typeof popupOpenedBodySchema>;

export async function recordPopupOpened(
  realtor: Pick<CurrentUser, "id" | "role">,
  body: PopupOpenedBody,
  now = new Date(),
): Promise<{ attemptId: string; reused: boolean }> {
  const eventType = await getEventTypeForViewerOrThrow(realtor, body.eventType);
  return getDb().transaction(async (tx) => {
    // Two tabs (or a double click) opening at once still make one attempt.
    await tx.execute(sql`select pg_advisory_xact_lock(${LOCK_NAMESPACE}, hashtext(${`${realtor.id}|${eventType.uri}`}))`);
    const [open] = await tx
      .select({ id: bookingAttempts.id })
      .from(bookingAttempts)
      .where(
        and(
          eq(bookingAttempts.realtorUserId, realtor.id),
          eq(bookingAttempts.eventTypeUri, eventType.uri),
          eq(bookingAttempts.method, "popup"),
          isNull(bookingAttempts.completedAt),
          gt(bookingAttempts.startedAt, new Date(now.getTime() - POPUP_ATTEMPT_REUSE_MS)),
        ),
      )
      .orderBy(desc(bookingAttempts.startedAt))
      .limit(1);
    if (open) return { attemptId: open.id, reused: true };
    const attemptId = await recordBookingStarted(
      { coachUserId: eventType.coachUserId, realtorUserId: realtor.id, eventTypeUri: eventType.uri, method: "popup", startedAt: now },
      tx,
    );
    return { attemptId, reused: false };
  });
}
