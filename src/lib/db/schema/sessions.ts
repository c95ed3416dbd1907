import { sql } from "drizzle-orm";
import { index, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth";
import { scheduledEvents } from "./calendly";

/**
 * Tables of the sessions feature: personal calendar feed tokens and coaches' reschedule requests.
 */

/**
 * One row per calendar subscription token. The token itself is never stored: it is `<id>.<HMAC(id, user)>`, so the
 * URL can be shown again, cannot be forged without the server's key, and stops working once `revokedAt` is set.
 */
export const calendarFeedTokens = pgTable(
  "calendar_feed_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  },
  // At most one live token per person: rotating revokes the old one in the same transaction.
  (table) => [uniqueIndex("calendar_feed_tokens_user_live_idx").on(table.userId).where(sql`${table.revokedAt} is null`)],
);

/**
 * A coach's "request a reschedule": the session was canceled at Calendly with the reason and a rebook link for the
 * invitee. The rebooked session is the invitee's first booking with the coach made after the request.
 */
export const sessionRescheduleRequests = pgTable(
  "session_reschedule_requests",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventUuid: text("event_uuid")
      .notNull()
      .references(() => scheduledEvents.uuid, { onDelete: "cascade" }),
    coachUserId: text("coach_user_id").notNull(),
    requestedByUserId: text("requested_by_user_id"),
    /** The invitees asked to rebook (their URIs; emails stay in `calendly_invitees`). */
    inviteeUris: text("invitee_uris").array().notNull(),
    rebookPath: text("rebook_path").notNull(),
    reason: text("reason").notNull(),
    requestedAt: timestamp("requested_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("session_reschedule_requests_event_idx").on(table.eventUuid),
    index("session_reschedule_requests_coach_idx").on(table.coachUserId, table.requestedAt),
  ],
);
