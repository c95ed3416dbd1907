import { sql } from "drizzle-orm";
import { index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid, boolean } from "drizzle-orm/pg-core";

/**
 * Tables of the analytics feature. Aggregates are computed on read from the synced Calendly copy (see
 * docs/decisions/007-analytics-indexes-and-rollups.md); these tables hold what Calendly's copy does not:
 * bookings started in Sessionly, and a cache of each coach's availability schedules (never fetched per page view).
 */

/** A booking started in Sessionly (popup opened or API form submitted) and, once Calendly confirms, completed. */
export const bookingAttempts = pgTable(
  "booking_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    coachUserId: text("coach_user_id").notNull(),
    realtorUserId: text("realtor_user_id"),
    eventTypeUri: text("event_type_uri"),
    method: text("method").$type<"popup" | "api">().notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
    eventUri: text("event_uri"),
  },
  (table) => [
    // Booking success per coach over a period of starts.
    index("booking_attempts_coach_started_idx").on(table.coachUserId, table.startedAt),
    index("booking_attempts_started_idx").on(table.startedAt),
    // One completion per Calendly event and realtor (a group event has one per invitee): a repeated "completed" call
    // is a no-op. Also serves lookups by event.
    uniqueIndex("booking_attempts_event_realtor_idx")
      .on(table.eventUri, sql`coalesce(${table.realtorUserId}, '')`)
      .where(sql`${table.eventUri} is not null`),
  ],
);

/** A coach's Calendly availability schedules as last fetched: the base of utilization (offered hours). */
export const availabilityScheduleCache = pgTable(
  "analytics_availability_schedules",
  {
    uri: text("uri").primaryKey(),
    coachUserId: text("coach_user_id").notNull(),
    name: text("name").notNull(),
    isDefault: boolean("is_default").notNull(),
    timeZone: text("time_zone").notNull(),
    rules: jsonb("rules").$type<Array<{ type: "wday" | "date"; wday?: string; date?: string; intervals: Array<{ from: string; to: string }> }>>().notNull(),
    fetchedAt: timestamp("fetched_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("analytics_availability_schedules_coach_idx").on(table.coachUserId)],
);
