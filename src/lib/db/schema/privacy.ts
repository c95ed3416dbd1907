import { boolean, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { invitees } from "./calendly";

/**
 * Tables of the privacy feature: erasure requests (what was done for a person, without who they were), retention
 * runs (dry or real, with their counts), and the invitees whose personal data was purged (so a later sync of the
 * same invitee is scrubbed again instead of bringing the data back).
 */
export type CalendlyDeletionOutcome = {
  status: "requested" | "not_available" | "failed" | "not_applicable";
  detail: string;
};

export const privacyErasures = pgTable(
  "privacy_erasures",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** The id that replaces the person's user id in the audit log (`erased:<uuid>`). */
    subjectPseudonym: text("subject_pseudonym").notNull(),
    /** HMAC of the normalized email: lets a later sync recognise the person's invitee rows without keeping the email. */
    emailHash: text("email_hash").notNull(),
    requestedBy: text("requested_by").$type<"self" | "admin">().notNull(),
    /** The admin who ran it (null when the person erased their own account). */
    requestedByUserId: text("requested_by_user_id"),
    status: text("status").$type<"running" | "completed" | "failed">().notNull().default("running"),
    sessionsCanceled: integer("sessions_canceled").notNull().default(0),
    /** Future sessions Calendly would not cancel, with the reason (no emails or names). */
    cancellationFailures: jsonb("cancellation_failures").$type<Array<{ sessionUuid: string; reason: string }>>().notNull().default([]),
    inviteesScrubbed: integer("invitees_scrubbed").notNull().default(0),
    auditRowsPseudonymized: integer("audit_rows_pseudonymized").notNull().default(0),
    calendlyDeletion: jsonb("calendly_deletion").$type<CalendlyDeletionOutcome>(),
    error: text("error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (table) => [index("privacy_erasures_email_hash_idx").on(table.emailHash), index("privacy_erasures_created_idx").on(table.createdAt)],
);

export const privacyRetentionRuns = pgTable(
  "privacy_retention_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dryRun: boolean("dry_run").notNull(),
    months: integer("months").notNull(),
    /** Sessions that started before this instant had their invitees' personal data purged. */
    cutoff: timestamp("cutoff", { withTimezone: true }).notNull(),
    trigger: text("trigger").$type<"admin" | "job" | "cli">().notNull(),
    actorUserId: text("actor_user_id"),
    sessionsMatched: integer("sessions_matched").notNull().default(0),
    inviteesMatched: integer("invitees_matched").notNull().default(0),
    inviteesPurged: integer("invitees_purged").notNull().default(0),
    webhookPayloadsPurged: integer("webhook_payloads_purged").notNull().default(0),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (table) => [index("privacy_retention_runs_started_idx").on(table.startedAt)],
);

/** An invitee whose personal data (name, email, answers) was removed; the session row and its counts stay. */
export const privacyPurgedInvitees = pgTable("privacy_purged_invitees", {
  inviteeUuid: text("invitee_uuid")
    .primaryKey()
    .references(() => invitees.uuid, { onDelete: "cascade" }),
  reason: text("reason").$type<"retention" | "erasure">().notNull(),
  erasureId: uuid("erasure_id"),
  purgedAt: timestamp("purged_at", { withTimezone: true }).notNull().defaultNow(),
});
