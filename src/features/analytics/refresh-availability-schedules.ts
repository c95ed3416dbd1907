import { and, eq, max, notInArray } from "drizzle-orm";
import { calendlyClientForConnection } from "@/features/calendly/calendly-api";
import { getDb, schema } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

/**
 * Refreshes the cached copy of a coach's Calendly availability schedules (the base of utilization). Called on demand
 * (the Refresh button) and after a sync (`refreshSchedulesAfterSync`); page views only read the cache, never Calendly.
 */
export interface RefreshSchedulesResult {
  coachUserId: string;
  schedules: number;
  fetchedAt: string;
}

export async function refreshAvailabilitySchedules(coachUserId: string): Promise<RefreshSchedulesResult> {
  const db = getDb();
  const [connection] = await db
    .select({ id: schema.calendlyConnections.id, calendlyUserUri: schema.calendlyConnections.calendlyUserUri, status: schema.calendlyConnections.status })
    .from(schema.calendlyConnections)
    .where(eq(schema.calendlyConnections.userId, coachUserId));
  if (!connection) throw new AppError("not_found", "This coach has not connected Calendly.");
  if (connection.status !== "connected") throw new AppError("conflict", "This coach's Calendly connection needs attention before schedules can be refreshed.");
  const schedules = await calendlyClientForConnection(connection.id).listUserAvailabilitySchedules({ user: connection.calendlyUserUri });
  const fetchedAt = new Date();
  await db.transaction(async (tx) => {
    for (const schedule of schedules) {
      const values = {
        coachUserId,
        name: schedule.name,
        isDefault: schedule.default,
        timeZone: schedule.timezone,
        rules: schedule.rules.map((rule) => ({
          type: rule.type,
          ...(rule.type === "wday" ? { wday: rule.wday } : { date: rule.date }),
          intervals: rule.intervals.map((interval) => ({ from: interval.from, to: interval.to })),
        })),
        fetchedAt,
      };
      await tx
        .insert(schema.availabilityScheduleCache)
        .values({ uri: schedule.uri, ...values })
        .onConflictDoUpdate({ target: schema.availabilityScheduleCache.uri, set: values });
    }
    const kept = schedules.map((schedule) => schedule.uri);
    await tx
      .delete(schema.availabilityScheduleCache)
      .where(
        kept.length
          ? and(eq(schema.availabilityScheduleCache.coachUserId, coachUserId), notInArray(schema.availabilityScheduleCache.uri, kept))
          : eq(schema.availabilityScheduleCache.coachUserId, coachUserId),
      );
  });
  return { coachUserId, schedules: schedules.length, fetchedAt: fetchedAt.toISOString() };
}

/** A scheduled sync re-reads a coach's schedules once the cached copy is this old. */
const SCHEDULES_MAX_AGE_MS = 24 * 60 * 60 * 1000;

/**
 * After a successful sync of a coach's connection: a backfill (a new connection) always fetches the schedules, so
 * utilization has its base from the start; a scheduled pass re-reads them when the cached copy is a day old (one
 * call a day, not one per pass: the pass's call budget is events/100 + 10). A coach with no schedule in Calendly is
 * not re-read by the scheduled passes (nothing cached to age); the Refresh button does it. Never throws: a failure is
 * logged, the sync's own result stands.
 */
export async function refreshSchedulesAfterSync(coachUserId: string, kind: "backfill" | "reconcile", now = new Date()): Promise<boolean> {
  try {
    if (kind === "reconcile") {
      const [newest] = await getDb()
        .select({ fetchedAt: max(schema.availabilityScheduleCache.fetchedAt) })
        .from(schema.availabilityScheduleCache)
        .where(eq(schema.availabilityScheduleCache.coachUserId, coachUserId));
      if (!newest?.fetchedAt || now.getTime() - newest.fetchedAt.getTime() < SCHEDULES_MAX_AGE_MS) return false;
    }
    await refreshAvailabilitySchedules(coachUserId);
    return true;
  } catch (error) {
    logger.warn({ err: error, coachUserId }, "availability schedules not refreshed after sync; utilization keeps the cached copy");
    return false;
  }
}
