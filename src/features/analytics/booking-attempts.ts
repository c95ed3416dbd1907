import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb, schema } from "@/lib/db";
import type { SyncExecutor } from "@/features/calendly/sync/sync-hooks";

/**
 * Bookings started in Sessionly (the Calendly popup opened, or the API booking form submitted) and their completion,
 * for the booking-success metric. The booking feature calls these; both are safe to call more than once.
 */
export interface BookingStartedInput {
  coachUserId: string;
  realtorUserId: string | null;
  eventTypeUri: string | null;
  method: "popup" | "api";
  startedAt?: Date;
}

/** Records a started booking and returns its id (pass it to `recordBookingCompleted`). */
export async function recordBookingStarted(input: BookingStartedInput, executor: Pick<SyncExecutor, "insert"> = getDb()): Promise<string> {
  const [row] = await executor
    .insert(schema.bookingAttempts)
    .values({
      coachUserId: input.coachUserId,
      realtorUserId: input.realtorUserId,
      eventTypeUri: input.eventTypeUri,
      method: input.method,
      startedAt: input.startedAt ?? new Date(),
    })
    .returning({ id: schema.bookingAttempts.id });
  return row.id;
}

export interface BookingCompletedInput {
  /** The attempt from `recordBookingStarted`; without it, the realtor's latest open attempt with that coach is used. */
  attemptId?: string;
  coachUserId: string;
  realtorUserId: string | null;
  eventUri: string;
  completedAt?: Date;
}

/**
 * Marks an attempt completed with the Calendly event it created. Idempotent: an event already recorded for that realtor
 * is a no-op (a group event is completed once per realtor), and `false` means no open attempt matched (a booking made
 * outside Sessionly).
 */
export async function recordBookingCompleted(input: BookingCompletedInput, executor: Pick<SyncExecutor, "update" | "select"> = getDb()): Promise<boolean> {
  const table = schema.bookingAttempts;
  const sameRealtor = input.realtorUserId ? eq(table.realtorUserId, input.realtorUserId) : isNull(table.realtorUserId);
  const [already] = await executor.select({ id: table.id }).from(table).where(and(eq(table.eventUri, input.eventUri), sameRealtor));
  if (already) return true;
  let attemptId = input.attemptId;
  if (!attemptId) {
    const [open] = await executor
      .select({ id: table.id })
      .from(table)
      .where(
        and(
          eq(table.coachUserId, input.coachUserId),
          sameRealtor,
          isNull(table.completedAt),
          sql`${table.startedAt} > now() - interval '1 day'`,
        ),
      )
      .orderBy(sql`${table.startedAt} desc`)
      .limit(1);
    attemptId = open?.id;
  }
  if (!attemptId) return false;
  const updated = await executor
    .update(table)
    .set({ completedAt: input.completedAt ?? new Date(), eventUri: input.eventUri })
    .where(and(eq(table.id, attemptId), isNull(table.completedAt)))
    .returning({ id: table.id });
  return updated.length > 0;
}
