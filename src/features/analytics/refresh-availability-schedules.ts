import { and, eq, notInArray } from "drizzle-orm";
import { calendlyClientForConnection } from "@/features/calendly/calendly-api";
import { getDb, schema } from "@/lib/db";
import { AppError } from "@/lib/errors";

/**
 * Refreshes the cached copy of a coach's Calendly availability schedules (the base of utilization). Called on demand
 * (the Refresh button) or after a sync; page views only read the cache, never Calendly.
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

/** For the sync job: refresh by connection id (looks up the coach). */
export async function refreshAvailabilitySchedulesForConnection(connectionId: string): Promise<RefreshSchedulesResult | null> {
  const [connection] = await getDb()
    .select({ userId: schema.calendlyConnections.userId })
    .from(schema.calendlyConnections)
    .where(eq(schema.calendlyConnections.id, connectionId));
  return connection ? refreshAvailabilitySchedules(connection.userId) : null;
}
