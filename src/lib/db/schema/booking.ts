import { index, integer, jsonb, pgTable, real, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth";

/**
 * Tables of the booking feature: the cache of Calendly's available times (stale-while-revalidate, with a lease so
 * several instances make one Calendly call per window), per-coach invalidation marks, the coach's low-availability
 * threshold, and recurring series a realtor booked together.
 */

/** One window of `event_type_available_times` for one event type, as Calendly answered it. */
export const availabilityCache = pgTable(
  "booking_availability_cache",
  {
    /** `${eventTypeUri}|${windowStart ISO}|${windowDays}` */
    key: text("key").primaryKey(),
    eventTypeUri: text("event_type_uri").notNull(),
    coachUserId: text("coach_user_id").notNull(),
    windowStart: timestamp("window_start", { withTimezone: true }).notNull(),
    windowEnd: timestamp("window_end", { withTimezone: true }).notNull(),
    /** Calendly's slots (`start_time`, `invitees_remaining`); null while the first fetch is in flight. */
    slots: jsonb("slots").$type<Array<{ start: string; remaining: number }> | null>(),
    fetchedAt: timestamp("fetched_at", { withTimezone: true }),
    /** Who is fetching this window right now, and until when (other instances wait for it instead of calling too). */
    leaseOwner: text("lease_owner"),
    leaseUntil: timestamp("lease_until", { withTimezone: true }),
  },
  (table) => [index("booking_availability_cache_coach_idx").on(table.coachUserId)],
);

/** The last time a change for a coach invalidated their cached windows: an older fetch is never stored after it. */
export const availabilityInvalidations = pgTable("booking_availability_invalidations", {
  coachUserId: text("coach_user_id").primaryKey(),
  invalidatedAt: timestamp("invalidated_at", { withTimezone: true }).notNull(),
});

/** A coach's low-availability threshold: fewer than `minOpenHours` open hours over the next `windowDays` days. */
export const availabilitySettings = pgTable("booking_availability_settings", {
  coachUserId: text("coach_user_id")
    .primaryKey()
    .references(() => user.id, { onDelete: "cascade" }),
  minOpenHours: real("min_open_hours").notNull().default(5),
  windowDays: integer("window_days").notNull().default(7),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Sessions a realtor booked together as a weekly or bi-weekly series (`calendly_scheduled_events.series_id`). */
export const bookingSeries = pgTable(
  "booking_series",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    realtorUserId: text("realtor_user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    coachUserId: text("coach_user_id").notNull(),
    eventTypeUri: text("event_type_uri").notNull(),
    frequency: text("frequency").$type<"weekly" | "biweekly">().notNull(),
    occurrencesRequested: integer("occurrences_requested").notNull(),
    /** Per occurrence: what happened when the series was booked. */
    outcomes: jsonb("outcomes")
      .$type<Array<{ start: string; status: "booked" | "unavailable" | "failed"; eventUri?: string; reason?: string }>>()
      .notNull()
      .default([]),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    remainingCanceledAt: timestamp("remaining_canceled_at", { withTimezone: true }),
  },
  (table) => [index("booking_series_realtor_idx").on(table.realtorUserId)],
);
