import { sql } from "drizzle-orm";
import { boolean, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { user } from "./auth";

/**
 * Sessionly's synced copy of Calendly: connections (one per coach), event types, scheduled events ("sessions"),
 * invitees and no-shows, fed by signed webhooks and healed by reconciliation. Times are UTC; Calendly's own
 * `updated_at` is kept so an older delivery never overwrites a newer state.
 */
const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
};

export const calendlyConnections = pgTable(
  "calendly_connections",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    calendlyUserUri: text("calendly_user_uri").notNull(),
    organizationUri: text("organization_uri").notNull(),
    organizationRole: text("organization_role"),
    calendlyName: text("calendly_name"),
    calendlyEmail: text("calendly_email"),
    calendlySlug: text("calendly_slug"),
    schedulingUrl: text("scheduling_url"),
    timeZone: text("time_zone"),
    authKind: text("auth_kind").$type<"oauth" | "pat">().notNull(),
    accessTokenEncrypted: text("access_token_encrypted"),
    refreshTokenEncrypted: text("refresh_token_encrypted"),
    tokenExpiresAt: timestamp("token_expires_at", { withTimezone: true }),
    /** Bumped on every token change: a refresh only wins if the version it read is still current. */
    tokenVersion: integer("token_version").notNull().default(0),
    /** Who is refreshing right now, and until when: concurrent callers wait instead of spending the refresh token twice. */
    refreshLeaseOwner: text("refresh_lease_owner"),
    refreshLeaseUntil: timestamp("refresh_lease_until", { withTimezone: true }),
    status: text("status").$type<"connected" | "needs_reauth" | "disconnected">().notNull().default("connected"),
    webhookSubscriptionUri: text("webhook_subscription_uri"),
    webhookScope: text("webhook_scope").$type<"user" | "organization">(),
    /** Signing key Sessionly generated for a PAT-created subscription (OAuth subscriptions use the app key). */
    webhookSigningKeyEncrypted: text("webhook_signing_key_encrypted"),
    lastSyncedAt: timestamp("last_synced_at", { withTimezone: true }),
    lastWebhookAt: timestamp("last_webhook_at", { withTimezone: true }),
    lastError: text("last_error"),
    lastErrorAt: timestamp("last_error_at", { withTimezone: true }),
    syncProgress: jsonb("sync_progress").$type<{ phase: string; done: number; total: number | null; startedAt: string; finishedAt?: string }>(),
    connectedAt: timestamp("connected_at", { withTimezone: true }).notNull().defaultNow(),
    disconnectedAt: timestamp("disconnected_at", { withTimezone: true }),
    ...timestamps,
  },
  (table) => [
    uniqueIndex("calendly_connections_user_idx").on(table.userId),
    // One live Sessionly account per Calendly user; a disconnected row keeps history without blocking others.
    uniqueIndex("calendly_connections_calendly_user_live_idx").on(table.calendlyUserUri).where(sql`${table.status} <> 'disconnected'`),
    index("calendly_connections_status_idx").on(table.status),
  ],
);

export const eventTypes = pgTable(
  "calendly_event_types",
  {
    uri: text("uri").primaryKey(),
    uuid: text("uuid").notNull(),
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => calendlyConnections.id, { onDelete: "cascade" }),
    coachUserId: text("coach_user_id").notNull(),
    name: text("name").notNull(),
    slug: text("slug"),
    kind: text("kind"),
    poolingType: text("pooling_type"),
    duration: integer("duration").notNull(),
    durationOptions: jsonb("duration_options").$type<number[] | null>(),
    descriptionPlain: text("description_plain"),
    color: text("color"),
    active: boolean("active").notNull(),
    secret: boolean("secret").notNull().default(false),
    schedulingUrl: text("scheduling_url").notNull(),
    /** The scheduling URL is on the coach's own Calendly host and path (checked before any widget shows it). */
    schedulingUrlValid: boolean("scheduling_url_valid").notNull().default(false),
    customQuestions: jsonb("custom_questions").$type<unknown[]>().notNull().default([]),
    locations: jsonb("locations").$type<unknown[] | null>(),
    /** The coach chose to show this event type to realtors. */
    offered: boolean("offered").notNull().default(false),
    /** Gone from Calendly (deleted) as of the last sync. */
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    /** Last check: no openings in the next 30 days (the classic "No openings" page). */
    noOpeningsCheckedAt: timestamp("no_openings_checked_at", { withTimezone: true }),
    hasOpenings: boolean("has_openings"),
    calendlyUpdatedAt: timestamp("calendly_updated_at", { withTimezone: true }),
    syncedAt: timestamp("synced_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("calendly_event_types_coach_idx").on(table.coachUserId),
    index("calendly_event_types_connection_idx").on(table.connectionId),
    // The session list's event type filter names the type by uuid.
    index("calendly_event_types_uuid_idx").on(table.uuid),
  ],
);

/**
 * The session list's status order (active 0, canceled 1, rescheduled 2), written exactly as list-sessions.ts orders
 * by it: PostgreSQL only uses an expression index for an ORDER BY with the same expression.
 */
const STATUS_RANK = sql`(case when status = 'active' then 0 when rescheduled then 2 else 1 end)`;

export type SessionLocation = { type: string; location?: string | null; join_url?: string | null; [key: string]: unknown } | null;

export const scheduledEvents = pgTable(
  "calendly_scheduled_events",
  {
    uuid: text("uuid").primaryKey(),
    uri: text("uri").notNull().unique(),
    connectionId: uuid("connection_id").references(() => calendlyConnections.id, { onDelete: "set null" }),
    coachUserId: text("coach_user_id").notNull(),
    eventTypeUri: text("event_type_uri"),
    name: text("name").notNull(),
    status: text("status").$type<"active" | "canceled">().notNull(),
    startTime: timestamp("start_time", { withTimezone: true }).notNull(),
    endTime: timestamp("end_time", { withTimezone: true }).notNull(),
    location: jsonb("location").$type<SessionLocation>(),
    locationType: text("location_type"),
    inviteesTotal: integer("invitees_total").notNull().default(0),
    inviteesActive: integer("invitees_active").notNull().default(0),
    inviteesLimit: integer("invitees_limit").notNull().default(1),
    guests: jsonb("guests").$type<Array<{ email: string; created_at?: string; updated_at?: string }>>().notNull().default([]),
    canceledBy: text("canceled_by"),
    cancelReason: text("cancel_reason"),
    cancelerType: text("canceler_type"),
    canceledAt: timestamp("canceled_at", { withTimezone: true }),
    /** The old half of a reschedule chain: canceled, but counted as rescheduled, never as a cancellation. */
    rescheduled: boolean("rescheduled").notNull().default(false),
    seriesId: uuid("series_id"),
    /**
     * Active invitees marked no-show. Kept by the `calendly_invitees_no_show_count` triggers (src/lib/db/schema/sql/
     * after-init.sql) on every insert, update and delete of an invitee, whoever writes it (webhooks, reconciliation,
     * our no-show marks, erasure): never write it from the app. The session list's "no-show" and the analytics state
     * read it instead of probing invitees per session (docs/decisions/007).
     */
    noShowInvitees: integer("no_show_invitees").notNull().default(0),
    /** From an account that has since been disconnected: kept as history. */
    fromDisconnectedAccount: boolean("from_disconnected_account").notNull().default(false),
    calendlyCreatedAt: timestamp("calendly_created_at", { withTimezone: true }).notNull(),
    calendlyUpdatedAt: timestamp("calendly_updated_at", { withTimezone: true }).notNull(),
    syncedAt: timestamp("synced_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("calendly_scheduled_events_coach_start_idx").on(table.coachUserId, table.startTime, table.uuid),
    index("calendly_scheduled_events_start_idx").on(table.startTime, table.uuid),
    index("calendly_scheduled_events_created_idx").on(table.calendlyCreatedAt, table.uuid),
    // Session list (sessions feature): a coach's sessions sorted by booking time, keyset on (created_at, uuid).
    index("calendly_scheduled_events_coach_created_idx").on(table.coachUserId, table.calendlyCreatedAt, table.uuid),
    // Session list filtered by event type (resolved to its URI first), in start order.
    index("calendly_scheduled_events_event_type_start_idx").on(table.eventTypeUri, table.startTime, table.uuid),
    // Session list sorted by status (active, canceled, rescheduled; then start, uuid): the exact ORDER BY of
    // list-sessions.ts (STATUS_RANK), so a keyset page reads 26 index entries instead of sorting every session.
    index("calendly_scheduled_events_status_sort_idx").on(STATUS_RANK, table.startTime, table.uuid),
    index("calendly_scheduled_events_coach_status_sort_idx").on(table.coachUserId, STATUS_RANK, table.startTime, table.uuid),
    // Analytics (docs/decisions/007): every column the dashboard aggregates read, no-show count included, so a period
    // scan (org-wide, or one coach's) is an index-only scan instead of a heap visit per session.
    index("calendly_scheduled_events_analytics_start_idx").on(
      table.startTime, table.coachUserId, table.status, table.rescheduled, table.cancelerType, table.endTime, table.inviteesActive, table.noShowInvitees, table.uuid,
    ),
    index("calendly_scheduled_events_analytics_coach_idx").on(
      table.coachUserId, table.startTime, table.status, table.rescheduled, table.cancelerType, table.endTime, table.inviteesActive, table.noShowInvitees, table.uuid,
    ),
  ],
);

export const invitees = pgTable(
  "calendly_invitees",
  {
    uuid: text("uuid").primaryKey(),
    uri: text("uri").notNull().unique(),
    eventUuid: text("event_uuid")
      .notNull()
      .references(() => scheduledEvents.uuid, { onDelete: "cascade" }),
    email: text("email").notNull(),
    emailNormalized: text("email_normalized").notNull(),
    name: text("name").notNull(),
    firstName: text("first_name"),
    lastName: text("last_name"),
    status: text("status").$type<"active" | "canceled">().notNull(),
    timeZone: text("time_zone"),
    questionsAndAnswers: jsonb("questions_and_answers").$type<Array<{ question: string; answer: string; position: number }>>().notNull().default([]),
    tracking: jsonb("tracking").$type<Record<string, string | null> | null>(),
    rescheduled: boolean("rescheduled").notNull().default(false),
    oldInviteeUri: text("old_invitee_uri"),
    newInviteeUri: text("new_invitee_uri"),
    cancelUrl: text("cancel_url"),
    rescheduleUrl: text("reschedule_url"),
    canceledBy: text("canceled_by"),
    cancelReason: text("cancel_reason"),
    cancelerType: text("canceler_type"),
    noShowUri: text("no_show_uri"),
    noShowAt: timestamp("no_show_at", { withTimezone: true }),
    /** Time of the no-show change last applied: an older delivery never undoes a newer mark or unmark. */
    noShowVersion: timestamp("no_show_version", { withTimezone: true }),
    schedulingMethod: text("scheduling_method"),
    realtorUserId: text("realtor_user_id").references(() => user.id, { onDelete: "set null" }),
    calendlyCreatedAt: timestamp("calendly_created_at", { withTimezone: true }).notNull(),
    calendlyUpdatedAt: timestamp("calendly_updated_at", { withTimezone: true }).notNull(),
    syncedAt: timestamp("synced_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index("calendly_invitees_event_idx").on(table.eventUuid),
    index("calendly_invitees_realtor_idx").on(table.realtorUserId),
    // Session list (sessions feature): "sessions this realtor booked" as an index-only semi-join on (realtor, event).
    index("calendly_invitees_realtor_event_idx").on(table.realtorUserId, table.eventUuid),
    // By email (privacy export and erasure); with the session, so the session search finds the sessions of the
    // matching search terms (calendly_invitee_search_terms) index-only, by email or by lower-cased name.
    index("calendly_invitees_email_idx").on(table.emailNormalized, table.eventUuid),
    index("calendly_invitees_name_idx").on(sql`lower(${table.name})`, table.eventUuid),
    // Invitee lists page by booking time (keyset on created_at, uuid); unmarking finds an invitee by its no-show URI.
    index("calendly_invitees_created_idx").on(table.calendlyCreatedAt, table.uuid),
    index("calendly_invitees_no_show_idx").on(table.noShowUri),
    // Analytics (docs/decisions/007): the few active invitees marked no-show (~7%), probed per session for its state.
    index("calendly_invitees_analytics_no_show_idx").on(table.eventUuid).where(sql`${table.noShowUri} is not null and ${table.status} = 'active'`),
    // Analytics, rescheduling patterns: the latest bookings of reschedule chains and the rescheduled bookings (~5% of
    // invitees each), with the columns the queries read, so a period's sessions probe them index-only instead of
    // reading every invitee of the period (or the whole table).
    index("calendly_invitees_analytics_chain_tail_idx")
      .on(table.eventUuid, table.uri, table.oldInviteeUri)
      .where(sql`${table.oldInviteeUri} is not null and ${table.newInviteeUri} is null`),
    index("calendly_invitees_analytics_rescheduled_idx").on(table.eventUuid, table.realtorUserId, table.emailNormalized, table.name).where(sql`${table.rescheduled}`),
    // The chain walk's step from a booking to the one it replaced: the replaced bookings alone (~5% of invitees), by URI,
    // so each step probes a small index instead of the unique index over every invitee's URI (admin, 3 years at 1M
    // sessions: 8.3 s → 0.57 s for the walk).
    index("calendly_invitees_analytics_rescheduled_uri_idx").on(table.uri, table.oldInviteeUri).where(sql`${table.rescheduled}`),
  ],
);

/**
 * Every distinct invitee name (lower-cased) and normalized email, with how many invitee rows carry it. The session
 * search (list-sessions.ts) finds the terms containing the text through a trigram index here, ~30× fewer rows than
 * invitees and each term once (an invitee table's trigram index re-reads every booking of "@gmail.com"), then the
 * invitees by equality. Kept by triggers on calendly_invitees (src/lib/db/schema/sql/after-init.sql): never write
 * it from the app. A term goes with its last invitee (deleted, or scrubbed by erasure).
 */
export const inviteeSearchTerms = pgTable("calendly_invitee_search_terms", {
  term: text("term").primaryKey(),
  invitees: integer("invitees").notNull(),
});

/** Every verified webhook delivery, stored before it is processed; the dedupe key makes duplicates no-ops. */
export const webhookDeliveries = pgTable(
  "calendly_webhook_deliveries",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    dedupeKey: text("dedupe_key").notNull().unique(),
    event: text("event").notNull(),
    connectionId: uuid("connection_id").references(() => calendlyConnections.id, { onDelete: "set null" }),
    payload: jsonb("payload").notNull(),
    status: text("status").$type<"pending" | "processed" | "failed" | "ignored">().notNull().default("pending"),
    error: text("error"),
    attempts: integer("attempts").notNull().default(0),
    receivedAt: timestamp("received_at", { withTimezone: true }).notNull().defaultNow(),
    processedAt: timestamp("processed_at", { withTimezone: true }),
  },
  (table) => [index("calendly_webhook_deliveries_status_idx").on(table.status, table.receivedAt)],
);

/** What a reconciliation pass found and repaired, per coach. */
export const syncRuns = pgTable(
  "calendly_sync_runs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    connectionId: uuid("connection_id")
      .notNull()
      .references(() => calendlyConnections.id, { onDelete: "cascade" }),
    kind: text("kind").$type<"backfill" | "reconcile">().notNull(),
    trigger: text("trigger").$type<"connect" | "schedule" | "manual">().notNull(),
    status: text("status").$type<"running" | "succeeded" | "failed">().notNull().default("running"),
    eventsSeen: integer("events_seen").notNull().default(0),
    eventsRepaired: integer("events_repaired").notNull().default(0),
    inviteesRepaired: integer("invitees_repaired").notNull().default(0),
    apiCalls: integer("api_calls").notNull().default(0),
    error: text("error"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (table) => [index("calendly_sync_runs_connection_idx").on(table.connectionId, table.startedAt)],
);

/** OAuth `state` + PKCE verifier between "Connect Calendly" and the callback (single use, short-lived). */
export const oauthStates = pgTable("calendly_oauth_states", {
  state: text("state").primaryKey(),
  userId: text("user_id")
    .notNull()
    .references(() => user.id, { onDelete: "cascade" }),
  codeVerifierEncrypted: text("code_verifier_encrypted").notNull(),
  redirectUri: text("redirect_uri").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
});
