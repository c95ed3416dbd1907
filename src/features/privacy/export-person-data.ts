import { and, desc, eq, or, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import {
  account,
  auditLog,
  bookingAttempts,
  bookingSeries,
  calendlyConnections,
  eventTypes,
  invitees,
  scheduledEvents,
  session,
  user,
  userExternalIdentities,
} from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { normalizeEmail } from "./privacy-config";

/**
 * "Download my data": everything Sessionly holds about one person, as JSON. Secrets never leave: no session tokens,
 * no password hashes, no Calendly tokens or signing keys, no OAuth verifiers. Tables added later by other features
 * are found by their user columns and exported with every secret-looking column left out.
 */
export const EXPORT_FORMAT_VERSION = 1;

/** Column names that are never exported, whatever table they are in. */
const SECRET_COLUMN = /(token|secret|password|hash|encrypted|verifier|signature|cipher|_key$|^key$|lease)/i;
/** Tables the sections below already cover (or that hold nothing personal). */
const COVERED_TABLES = new Set([
  "user",
  "session",
  "account",
  "verification",
  "user_external_identities",
  "calendly_connections",
  "calendly_event_types",
  "calendly_scheduled_events",
  "calendly_invitees",
  "calendly_oauth_states",
  "calendly_sync_runs",
  "calendly_webhook_deliveries",
  "audit_log",
  "booking_series",
  "booking_attempts",
  "privacy_erasures",
  "privacy_retention_runs",
  "privacy_purged_invitees",
  "api_request_stats",
]);
const USER_COLUMNS = ["user_id", "realtor_user_id", "coach_user_id", "requested_by_user_id", "recipient_user_id", "owner_user_id"];
const AUDIT_LIMIT = 5_000;

export interface PersonDataExport {
  format: "sessionly-personal-data";
  version: number;
  generatedAt: string;
  subject: { userId: string | null; email: string };
  profile: Record<string, unknown> | null;
  signInSessions: Array<Record<string, unknown>>;
  loginMethods: Array<Record<string, unknown>>;
  externalIdentities: Array<Record<string, unknown>>;
  calendlyConnection: Record<string, unknown> | null;
  eventTypes: Array<Record<string, unknown>>;
  sessionsAsCoach: Array<Record<string, unknown>>;
  bookings: Array<Record<string, unknown>>;
  bookingSeries: Array<Record<string, unknown>>;
  bookingAttempts: Array<Record<string, unknown>>;
  auditEntries: Array<Record<string, unknown>>;
  other: Record<string, Array<Record<string, unknown>>>;
}

/** The export for a signed-in user (by id) or, for admins, for an email (with or without a Sessionly account). */
export async function exportPersonData(subject: { userId: string } | { email: string }): Promise<PersonDataExport> {
  const db = getDb();
  const [person] =
    "userId" in subject
      ? await db.select().from(user).where(eq(user.id, subject.userId))
      : await db.select().from(user).where(eq(user.email, normalizeEmail(subject.email)));
  const email = person?.email ?? ("email" in subject ? normalizeEmail(subject.email) : "");
  if (!person && !email) throw new AppError("not_found", "That person was not found.");
  const userId = person?.id ?? null;

  const inviteeMatch = userId
    ? or(eq(invitees.realtorUserId, userId), eq(invitees.emailNormalized, normalizeEmail(email)))
    : eq(invitees.emailNormalized, normalizeEmail(email));
  const bookings = await db
    .select({
      invitee: {
        uri: invitees.uri,
        name: invitees.name,
        email: invitees.email,
        firstName: invitees.firstName,
        lastName: invitees.lastName,
        status: invitees.status,
        timeZone: invitees.timeZone,
        questionsAndAnswers: invitees.questionsAndAnswers,
        tracking: invitees.tracking,
        rescheduled: invitees.rescheduled,
        oldInviteeUri: invitees.oldInviteeUri,
        newInviteeUri: invitees.newInviteeUri,
        cancelUrl: invitees.cancelUrl,
        rescheduleUrl: invitees.rescheduleUrl,
        canceledBy: invitees.canceledBy,
        cancelReason: invitees.cancelReason,
        cancelerType: invitees.cancelerType,
        noShowAt: invitees.noShowAt,
        schedulingMethod: invitees.schedulingMethod,
        bookedAt: invitees.calendlyCreatedAt,
      },
      session: {
        uri: scheduledEvents.uri,
        name: scheduledEvents.name,
        status: scheduledEvents.status,
        startTime: scheduledEvents.startTime,
        endTime: scheduledEvents.endTime,
        location: scheduledEvents.location,
        coachName: user.name,
      },
    })
    .from(invitees)
    .innerJoin(scheduledEvents, eq(scheduledEvents.uuid, invitees.eventUuid))
    .leftJoin(user, eq(user.id, scheduledEvents.coachUserId))
    .where(inviteeMatch)
    .orderBy(desc(scheduledEvents.startTime));

  if (!person && bookings.length === 0) throw new AppError("not_found", "Sessionly holds no data for that email.");

  const empty = { signInSessions: [], loginMethods: [], externalIdentities: [], calendlyConnection: null, eventTypes: [], sessionsAsCoach: [], bookingSeries: [], bookingAttempts: [], auditEntries: [], other: {} };
  const perUser = userId ? await userSections(userId) : empty;

  return {
    format: "sessionly-personal-data",
    version: EXPORT_FORMAT_VERSION,
    generatedAt: new Date().toISOString(),
    subject: { userId, email },
    profile: person
      ? {
          id: person.id,
          name: person.name,
          email: person.email,
          emailVerified: person.emailVerified,
          role: person.role,
          status: person.banned ? "deactivated" : "active",
          timeZone: person.timeZone,
          image: person.image,
          createdAt: person.createdAt,
          updatedAt: person.updatedAt,
        }
      : null,
    ...perUser,
    bookings: bookings.map((row) => ({ ...row.invitee, session: row.session })),
  };
}

async function userSections(userId: string): Promise<Omit<PersonDataExport, "format" | "version" | "generatedAt" | "subject" | "profile" | "bookings">> {
  const db = getDb();
  const [connection] = await db
    .select({
      calendlyUserUri: calendlyConnections.calendlyUserUri,
      organizationUri: calendlyConnections.organizationUri,
      organizationRole: calendlyConnections.organizationRole,
      calendlyName: calendlyConnections.calendlyName,
      calendlyEmail: calendlyConnections.calendlyEmail,
      calendlySlug: calendlyConnections.calendlySlug,
      schedulingUrl: calendlyConnections.schedulingUrl,
      timeZone: calendlyConnections.timeZone,
      authKind: calendlyConnections.authKind,
      status: calendlyConnections.status,
      webhookScope: calendlyConnections.webhookScope,
      connectedAt: calendlyConnections.connectedAt,
      disconnectedAt: calendlyConnections.disconnectedAt,
      lastSyncedAt: calendlyConnections.lastSyncedAt,
      lastWebhookAt: calendlyConnections.lastWebhookAt,
    })
    .from(calendlyConnections)
    .where(eq(calendlyConnections.userId, userId));

  return {
    signInSessions: await db
      .select({ createdAt: session.createdAt, expiresAt: session.expiresAt, ipAddress: session.ipAddress, userAgent: session.userAgent })
      .from(session)
      .where(eq(session.userId, userId)),
    loginMethods: await db.select({ providerId: account.providerId, createdAt: account.createdAt, updatedAt: account.updatedAt }).from(account).where(eq(account.userId, userId)),
    externalIdentities: await db
      .select({ provider: userExternalIdentities.provider, externalId: userExternalIdentities.externalId, createdAt: userExternalIdentities.createdAt, lastSeenAt: userExternalIdentities.lastSeenAt })
      .from(userExternalIdentities)
      .where(eq(userExternalIdentities.userId, userId)),
    calendlyConnection: connection ?? null,
    eventTypes: await db
      .select({ name: eventTypes.name, slug: eventTypes.slug, duration: eventTypes.duration, active: eventTypes.active, offered: eventTypes.offered, schedulingUrl: eventTypes.schedulingUrl, description: eventTypes.descriptionPlain })
      .from(eventTypes)
      .where(eq(eventTypes.coachUserId, userId)),
    // Sessions the person hosted; the invitees' own personal data belongs to them and is not part of this export.
    sessionsAsCoach: await db
      .select({ uri: scheduledEvents.uri, name: scheduledEvents.name, status: scheduledEvents.status, startTime: scheduledEvents.startTime, endTime: scheduledEvents.endTime, location: scheduledEvents.location, inviteesActive: scheduledEvents.inviteesActive })
      .from(scheduledEvents)
      .where(eq(scheduledEvents.coachUserId, userId))
      .orderBy(desc(scheduledEvents.startTime)),
    bookingSeries: await db.select().from(bookingSeries).where(eq(bookingSeries.realtorUserId, userId)),
    bookingAttempts: await db
      .select({ coachUserId: bookingAttempts.coachUserId, eventTypeUri: bookingAttempts.eventTypeUri, method: bookingAttempts.method, startedAt: bookingAttempts.startedAt, completedAt: bookingAttempts.completedAt, eventUri: bookingAttempts.eventUri })
      .from(bookingAttempts)
      .where(eq(bookingAttempts.realtorUserId, userId)),
    auditEntries: await db
      .select({
        occurredAt: auditLog.occurredAt,
        action: auditLog.action,
        actorType: auditLog.actorType,
        actedByYou: sql<boolean>`${auditLog.actorUserId} = ${userId}`,
        source: auditLog.source,
        targetType: auditLog.targetType,
        targetId: auditLog.targetId,
        changes: auditLog.changes,
        reason: auditLog.reason,
        ipAddress: sql<string | null>`case when ${auditLog.actorUserId} = ${userId} then ${auditLog.ipAddress} end`,
        userAgent: sql<string | null>`case when ${auditLog.actorUserId} = ${userId} then ${auditLog.userAgent} end`,
      })
      .from(auditLog)
      .where(or(eq(auditLog.actorUserId, userId), and(eq(auditLog.targetType, "user"), eq(auditLog.targetId, userId))))
      .orderBy(desc(auditLog.occurredAt))
      .limit(AUDIT_LIMIT),
    other: await otherTables(userId),
  };
}

/** Rows of tables not covered above that point at the user, without secret-looking columns. */
async function otherTables(userId: string): Promise<Record<string, Array<Record<string, unknown>>>> {
  const db = getDb();
  const columns = await db.execute<{ table_name: string; column_name: string }>(sql`
    select c.table_name, c.column_name
      from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
     where c.table_schema = 'public'
     order by c.table_name, c.ordinal_position`);
  const byTable = new Map<string, string[]>();
  for (const row of columns.rows) {
    if (COVERED_TABLES.has(row.table_name)) continue;
    byTable.set(row.table_name, [...(byTable.get(row.table_name) ?? []), row.column_name]);
  }
  const result: Record<string, Array<Record<string, unknown>>> = {};
  for (const [table, names] of byTable) {
    const userColumns = names.filter((name) => USER_COLUMNS.includes(name));
    if (userColumns.length === 0) continue;
    const visible = names.filter((name) => !SECRET_COLUMN.test(name));
    if (visible.length === 0) continue;
    const rows = await db.execute<Record<string, unknown>>(sql`
      select ${sql.join(visible.map((name) => sql.identifier(name)), sql`, `)}
        from ${sql.identifier(table)}
       where ${sql.join(userColumns.map((name) => sql`${sql.identifier(name)}::text = ${userId}`), sql` or `)}
       limit 1000`);
    if (rows.rows.length) result[table] = rows.rows;
  }
  return result;
}
