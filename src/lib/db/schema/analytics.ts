import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

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

/**
 * Q&A rollup (docs/decisions/007): answer counts by UTC hour of the session's start, coach and event type, kept by
 * triggers (src/lib/db/schema/sql/after-init.sql) on invitees, sessions and event types: never write it from the app.
 * `kind` is one of
 * - `select` / `phone` / `other` (value ''): answers to the question, by the question's type on the session's event
 *   type (resolved at write time; recomputed when the event type's questions change);
 * - `choice`: a line of a select-typed answer (counted per answer);
 * - `term`: a word of an other-typed answer (counted once per invitee; same tokenizer and stop words as the live query).
 * The answers of rescheduled invitees (the old half of a reschedule) are left out, as in the live query.
 * `coach_user_id` / `event_type_uri` are '' when the session has none. Rebuilt by `analytics_answer_counts_rebuild()`.
 */
export const answerCounts = pgTable(
  "analytics_answer_counts",
  {
    coachUserId: text("coach_user_id").notNull(),
    hour: timestamp("hour", { withTimezone: true }).notNull(),
    eventTypeUri: text("event_type_uri").notNull(),
    question: text("question").notNull(),
    kind: text("kind").$type<"select" | "phone" | "other" | "choice" | "term">().notNull(),
    value: text("value").notNull(),
    count: integer("count").notNull(),
  },
  (table) => [
    primaryKey({ name: "analytics_answer_counts_pkey", columns: [table.coachUserId, table.hour, table.eventTypeUri, table.question, table.kind, table.value] }),
    // An event type's period (an admin filtering by event type without a coach).
    index("analytics_answer_counts_event_type_idx").on(table.eventTypeUri, table.hour),
  ],
);

/**
 * The same counts org-wide (no coach or event type), by UTC hour (`grain` 'hour') and by UTC day ('day'): the admin's
 * unfiltered view reads whole days from the day rows and the edge hours from the hour rows. Kept by the same triggers.
 */
export const answerCountsOrg = pgTable(
  "analytics_answer_counts_org",
  {
    grain: text("grain").$type<"hour" | "day">().notNull(),
    bucket: timestamp("bucket", { withTimezone: true }).notNull(),
    question: text("question").notNull(),
    kind: text("kind").$type<"select" | "phone" | "other" | "choice" | "term">().notNull(),
    value: text("value").notNull(),
    count: integer("count").notNull(),
  },
  (table) => [primaryKey({ name: "analytics_answer_counts_org_pkey", columns: [table.grain, table.bucket, table.question, table.kind, table.value] })],
);
