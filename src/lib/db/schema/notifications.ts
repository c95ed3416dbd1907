import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth";

/**
 * Notifications: the outbox (every email, written in the transaction of the change that causes it, then sent by a
 * job), the per-invitee record of what was already queued, reminder schedules, preferences and suppressions.
 */
export type NotificationKind =
  | "booking_confirmation"
  | "cancellation"
  | "reschedule"
  | "reminder"
  | "low_availability"
  | "admin_digest"
  | "connection_reauth";

export type NotificationStatus = "pending" | "sending" | "sent" | "failed" | "suppressed";

export const notificationMessages = pgTable(
  "notification_messages",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** One message per key, ever: replays, reconciliations and job retries never create or send a second copy. */
    idempotencyKey: text("idempotency_key").notNull().unique(),
    kind: text("kind").$type<NotificationKind>().notNull(),
    status: text("status").$type<NotificationStatus>().notNull().default("pending"),
    recipientUserId: text("recipient_user_id").references(() => user.id, { onDelete: "set null" }),
    recipientEmail: text("recipient_email").notNull(),
    recipientName: text("recipient_name"),
    recipientRole: text("recipient_role").$type<"realtor" | "coach" | "admin">().notNull(),
    timeZone: text("time_zone").notNull(),
    eventUuid: text("event_uuid"),
    inviteeUri: text("invitee_uri"),
    /** What the template needs, as of the change (rendered at send time, then kept below). */
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    subject: text("subject"),
    html: text("html"),
    text: text("text"),
    ics: text("ics"),
    transport: text("transport").$type<"smtp" | "mailbox">(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /** Why a message was not sent (preferences, unsubscribed). */
    suppressedReason: text("suppressed_reason"),
    providerMessageId: text("provider_message_id"),
    claimToken: text("claim_token"),
    claimedAt: timestamp("claimed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    failedAt: timestamp("failed_at", { withTimezone: true }),
  },
  (table) => [
    index("notification_messages_status_idx").on(table.status, table.createdAt),
    index("notification_messages_event_idx").on(table.eventUuid),
    index("notification_messages_transport_idx").on(table.transport, table.createdAt),
  ],
);

/** What was already queued for an invitee, so the decision in `onInviteeSynced` is idempotent. */
export const notificationInviteeState = pgTable("notification_invitee_state", {
  inviteeUri: text("invitee_uri").primaryKey(),
  eventUuid: text("event_uuid").notNull(),
  /** The calendar UID of the session this invitee is on: a reschedule keeps the UID of the chain's first session. */
  calendarUid: text("calendar_uid").notNull(),
  confirmationQueuedAt: timestamp("confirmation_queued_at", { withTimezone: true }),
  cancellationQueuedAt: timestamp("cancellation_queued_at", { withTimezone: true }),
  rescheduleQueuedAt: timestamp("reschedule_queued_at", { withTimezone: true }),
  /** The session start the current reminders were computed for (null: none scheduled). */
  remindersForStart: timestamp("reminders_for_start", { withTimezone: true }),
  remindersCanceledAt: timestamp("reminders_canceled_at", { withTimezone: true }),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type ReminderStatus = "scheduled" | "queued" | "skipped" | "canceled";

export const notificationReminders = pgTable(
  "notification_reminders",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    inviteeUri: text("invitee_uri").notNull(),
    eventUuid: text("event_uuid").notNull(),
    recipientRole: text("recipient_role").$type<"realtor" | "coach">().notNull(),
    recipientUserId: text("recipient_user_id"),
    recipientEmail: text("recipient_email").notNull(),
    offsetMinutes: integer("offset_minutes").notNull(),
    sessionStart: timestamp("session_start", { withTimezone: true }).notNull(),
    dueAt: timestamp("due_at", { withTimezone: true }).notNull(),
    status: text("status").$type<ReminderStatus>().notNull().default("scheduled"),
    statusReason: text("status_reason"),
    jobId: text("job_id"),
    messageId: uuid("message_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("notification_reminders_unique_idx").on(table.inviteeUri, table.recipientRole, table.offsetMinutes, table.sessionStart),
    index("notification_reminders_due_idx").on(table.status, table.dueAt),
    index("notification_reminders_event_idx").on(table.eventUuid),
  ],
);

/** A user's choices; no row means the defaults of their role. */
export const notificationPreferences = pgTable("notification_preferences", {
  userId: text("user_id")
    .primaryKey()
    .references(() => user.id, { onDelete: "cascade" }),
  emailBookingConfirmations: boolean("email_booking_confirmations").notNull(),
  emailCancellations: boolean("email_cancellations").notNull(),
  emailReschedules: boolean("email_reschedules").notNull(),
  emailReminders: boolean("email_reminders").notNull(),
  emailLowAvailability: boolean("email_low_availability").notNull(),
  emailConnectionAlerts: boolean("email_connection_alerts").notNull(),
  emailAdminDigest: boolean("email_admin_digest").notNull(),
  reminderOffsetsMinutes: jsonb("reminder_offsets_minutes").$type<number[]>().notNull(),
  /** Bumped to revoke every unsubscribe link sent so far. */
  linkVersion: integer("link_version").notNull().default(0),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Addresses that unsubscribed without a Sessionly account (invitees who are not users). */
export const notificationSuppressions = pgTable("notification_suppressions", {
  email: text("email").primaryKey(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
