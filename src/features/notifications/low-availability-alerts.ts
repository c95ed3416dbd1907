import { and, eq, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { computeOpenHours, getAvailabilitySettings } from "@/features/booking/coach-availability";
import { getDb } from "@/lib/db";
import { calendlyConnections, user } from "@/lib/db/schema";
import { getBoss } from "@/lib/jobs/boss";
import { logger } from "@/lib/logger";
import type { AdminDigestPayload, LowAvailabilityPayload } from "./message-payloads";
import { notificationNow } from "./notification-clock";
import { queueMessage } from "./queue-message";

/**
 * The daily low-availability check: for every connected coach, open hours over their window (the availability
 * feature's `computeOpenHours`) against their threshold (`getAvailabilitySettings`). A coach under it gets one alert
 * a day (the idempotency key holds the date), and admins get one digest a day listing every such coach. A coach whose
 * Calendly times could not be read is left out rather than alerted on a guess. Deactivated (or erased) accounts get
 * nothing: they cannot act on it, and an erased one's address is a placeholder that would fail every day.
 */
const active = sql`coalesce(${user.banned}, false) = false`;

export async function checkLowAvailability(): Promise<{ alerted: number; coaches: AdminDigestPayload["coaches"] }> {
  await getBoss();
  const now = notificationNow();
  const date = DateTime.fromJSDate(now, { zone: "UTC" }).toISODate()!;
  const db = getDb();
  const coaches = await db
    .select({ id: user.id, name: user.name, email: user.email, timeZone: user.timeZone })
    .from(calendlyConnections)
    .innerJoin(user, eq(user.id, calendlyConnections.userId))
    .where(and(eq(calendlyConnections.status, "connected"), eq(user.role, "coach"), active));

  const low: AdminDigestPayload["coaches"] = [];
  let alerted = 0;
  for (const coach of coaches) {
    try {
      const settings = await getAvailabilitySettings(coach.id);
      const open = await computeOpenHours(coach.id, settings.windowDays, now);
      if (open.unreadable.length || open.openHours >= settings.minOpenHours) continue;
      low.push({ name: coach.name, email: coach.email, openHours: open.openHours, thresholdHours: settings.minOpenHours, days: settings.windowDays });
      const payload: LowAvailabilityPayload = { openHours: open.openHours, thresholdHours: settings.minOpenHours, days: settings.windowDays, date };
      const queued = await db.transaction((tx) =>
        queueMessage(tx, {
          idempotencyKey: `low-availability:${coach.id}:${date}`,
          kind: "low_availability",
          recipient: { userId: coach.id, email: coach.email, name: coach.name, role: "coach", timeZone: coach.timeZone },
          payload,
        }),
      );
      if (queued.created) alerted++;
    } catch (error) {
      logger.warn({ err: error, coachUserId: coach.id }, "low-availability check failed for a coach");
    }
  }

  if (low.length) {
    const admins = await db.select({ id: user.id, name: user.name, email: user.email, timeZone: user.timeZone }).from(user).where(and(eq(user.role, "admin"), active));
    await db.transaction(async (tx) => {
      for (const admin of admins) {
        await queueMessage(tx, {
          idempotencyKey: `admin-digest:${admin.id}:${date}`,
          kind: "admin_digest",
          recipient: { userId: admin.id, email: admin.email, name: admin.name, role: "admin", timeZone: admin.timeZone },
          payload: { date, coaches: low } satisfies AdminDigestPayload,
        });
      }
    });
  }
  return { alerted, coaches: low };
}
