import { randomUUID } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import type { CurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { account, auditLog, calendlyConnections, privacyErasures, session, user, userExternalIdentities } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { recordAudit } from "@/features/audit/record-audit";
import { disconnectCalendly } from "@/features/calendly/connection/connect-calendly";
import { assertNotLastActiveAdmin } from "@/features/users/admin-guard";
import { ERASED_BAN_REASON } from "@/features/users/set-user-active";
import { eraseNotificationsOf } from "@/features/notifications/erase-notifications";
import { cancelFutureSessions } from "./cancel-future-sessions";
import { erasedEmailHash, normalizeEmail } from "./privacy-config";
import { requestCalendlyInviteeDeletion } from "./request-calendly-invitee-deletion";
import { scrubInvitees } from "./scrub-invitees";

/**
 * "Delete my account" (and the admin's erasure by email). In order:
 *  1. future sessions are canceled, Calendly first (optional, after confirmation);
 *  2. Calendly is asked to delete the invitee's data where the plan allows (the outcome is recorded either way);
 *  3. one transaction pseudonymizes everything Sessionly holds: the user row (name and email replaced, deactivated,
 *     sign-in sessions and login methods deleted), invitee rows matched to the person (name, email, answers removed),
 *     stored webhook payloads about them, their Calendly connection details, and the audit log (the actions stay;
 *     actor name, IP and user agent are removed and the user id is replaced by a pseudonym).
 */
export interface ErasureRequest {
  /** Who is erased: the signed-in user themselves, or an email chosen by an admin. */
  subject: { userId: string } | { email: string };
  requestedBy: { kind: "self"; user: CurrentUser } | { kind: "admin"; user: CurrentUser };
  cancelFutureSessions: boolean;
  request?: { ip?: string; userAgent?: string | null };
  now?: Date;
}

export interface ErasureResult {
  erasureId: string;
  subjectPseudonym: string;
  hadAccount: boolean;
  sessionsCanceled: number;
  cancellationFailures: Array<{ sessionUuid: string; reason: string }>;
  inviteesScrubbed: number;
  auditRowsPseudonymized: number;
  calendlyDeletion: { status: string; detail: string };
}

export async function erasePerson(input: ErasureRequest): Promise<ErasureResult> {
  const db = getDb();
  const [person] =
    "userId" in input.subject
      ? await db.select().from(user).where(eq(user.id, input.subject.userId))
      : await db.select().from(user).where(eq(user.email, normalizeEmail(input.subject.email)));
  const email = person ? normalizeEmail(person.email) : "email" in input.subject ? normalizeEmail(input.subject.email) : "";
  if (!person && "userId" in input.subject) throw new AppError("not_found", "That user was not found.");
  if (person?.banReason === ERASED_BAN_REASON) throw new AppError("conflict", "This account has already been erased.");
  if (person?.role === "admin" && input.requestedBy.kind === "admin") {
    throw new AppError("conflict", "Admins cannot erase another admin's account: change their role first.");
  }
  if (person?.role === "admin") {
    await db.transaction((tx) => assertNotLastActiveAdmin(tx, person.id, "You are the only active admin: make someone else an admin before deleting your account."));
  }
  if (!person) {
    const [{ count }] = (
      await db.execute<{ count: number }>(sql`select count(*)::int as count from calendly_invitees where email_normalized = ${email}`)
    ).rows;
    if (count === 0) throw new AppError("not_found", "Sessionly holds no data for that email.");
  }

  const subjectPseudonym = `erased:${randomUUID()}`;
  const [erasure] = await db
    .insert(privacyErasures)
    .values({
      subjectPseudonym,
      emailHash: erasedEmailHash(email),
      requestedBy: input.requestedBy.kind,
      requestedByUserId: input.requestedBy.kind === "admin" ? input.requestedBy.user.id : null,
    })
    .returning({ id: privacyErasures.id });
  const log = logger.child({ erasureId: erasure.id });
  log.info({ requestedBy: input.requestedBy.kind, hadAccount: Boolean(person) }, "erasure started");

  try {
    const personRef = { userId: person?.id ?? null, email, role: person?.role ?? null };
    const cancellation = input.cancelFutureSessions
      ? await cancelFutureSessions(personRef, "The invitee's account was deleted at their request.", input.now)
      : { canceled: [], failures: [] };

    // A coach's connection: revoke and unsubscribe at Calendly before the details are wiped below.
    if (person?.role === "coach") {
      const actor = { id: person.id, name: person.name, role: "coach" as const };
      await disconnectCalendly(actor, person.id).catch((error: unknown) => {
        if (!(error instanceof AppError && error.code === "not_found")) log.warn({ err: error }, "disconnecting Calendly during erasure failed");
      });
    }

    const calendlyDeletion = email ? await requestCalendlyInviteeDeletion([email]) : { status: "not_applicable" as const, detail: "No email." };

    const counts = await db.transaction(async (tx) => {
      let auditRows = 0;
      if (person) {
        await tx
          .update(user)
          .set({
            name: "Deleted user",
            email: `${subjectPseudonym.replace(":", "-")}@erased.invalid`,
            emailVerified: false,
            image: null,
            banned: true,
            banReason: ERASED_BAN_REASON,
            banExpires: null,
            updatedAt: new Date(),
          })
          .where(eq(user.id, person.id));
        await tx.delete(session).where(eq(session.userId, person.id));
        await tx.delete(account).where(eq(account.userId, person.id));
        await tx.delete(userExternalIdentities).where(eq(userExternalIdentities.userId, person.id));
        await tx
          .update(calendlyConnections)
          .set({ calendlyName: null, calendlyEmail: null, calendlySlug: null, lastError: null, updatedAt: new Date() })
          .where(eq(calendlyConnections.userId, person.id));
        const asActor = await tx
          .update(auditLog)
          .set({ actorUserId: subjectPseudonym, actorLabel: null, ipAddress: null, userAgent: null })
          .where(eq(auditLog.actorUserId, person.id))
          .returning({ id: auditLog.id });
        const asTarget = await tx
          .update(auditLog)
          .set({ targetId: subjectPseudonym })
          .where(and(eq(auditLog.targetType, "user"), eq(auditLog.targetId, person.id)))
          .returning({ id: auditLog.id });
        auditRows = new Set([...asActor, ...asTarget].map((row) => row.id)).size;
      }
      const notifications = await eraseNotificationsOf(tx, { userId: person?.id ?? null, email });
      const scrubbed = await scrubInvitees(
        tx,
        person ? sql`(i.realtor_user_id = ${person.id} or (${email} <> '' and i.email_normalized = ${email}))` : sql`i.email_normalized = ${email}`,
        { reason: "erasure", erasureId: erasure.id },
      );
      if (email) {
        // Guests' emails on sessions, and stored webhook deliveries about the person (processed ones only).
        await tx.execute(sql`
          update calendly_scheduled_events e
             set guests = coalesce((select jsonb_agg(g) from jsonb_array_elements(e.guests) g where lower(trim(g->>'email')) <> ${email}), '[]'::jsonb)
           where exists (select 1 from jsonb_array_elements(e.guests) g where lower(trim(g->>'email')) = ${email})`);
        await tx.execute(sql`
          update calendly_webhook_deliveries
             set payload = jsonb_build_object('event', payload->'event', 'redacted', true)
           where status <> 'pending' and lower(trim(payload #>> '{payload,email}')) = ${email}`);
      }
      const actor =
        input.requestedBy.kind === "admin"
          ? { actorType: "admin" as const, actorUserId: input.requestedBy.user.id, actorLabel: input.requestedBy.user.name, ipAddress: input.request?.ip ?? null, userAgent: input.request?.userAgent ?? null }
          : { actorType: (person?.role ?? "realtor") as "admin" | "coach" | "realtor", actorUserId: subjectPseudonym, actorLabel: null, ipAddress: null, userAgent: null };
      await recordAudit(
        {
          ...actor,
          source: "web",
          action: "privacy.erased",
          targetType: person ? "user" : "invitee_email",
          targetId: subjectPseudonym,
          metadata: {
            erasureId: erasure.id,
            requestedBy: input.requestedBy.kind,
            hadAccount: Boolean(person),
            sessionsCanceled: cancellation.canceled.length,
            cancellationFailures: cancellation.failures.length,
            inviteesScrubbed: scrubbed.length,
            notificationMessagesDeleted: notifications.messages,
            remindersDeleted: notifications.reminders,
            auditRowsPseudonymized: auditRows,
            calendlyDeletion: calendlyDeletion.status,
          },
        },
        tx,
      );
      await tx
        .update(privacyErasures)
        .set({
          status: "completed",
          sessionsCanceled: cancellation.canceled.length,
          cancellationFailures: cancellation.failures,
          inviteesScrubbed: scrubbed.length,
          auditRowsPseudonymized: auditRows,
          calendlyDeletion,
          completedAt: new Date(),
        })
        .where(eq(privacyErasures.id, erasure.id));
      return { inviteesScrubbed: scrubbed.length, auditRows };
    });

    log.info({ sessionsCanceled: cancellation.canceled.length, inviteesScrubbed: counts.inviteesScrubbed, calendlyDeletion: calendlyDeletion.status }, "erasure completed");
    return {
      erasureId: erasure.id,
      subjectPseudonym,
      hadAccount: Boolean(person),
      sessionsCanceled: cancellation.canceled.length,
      cancellationFailures: cancellation.failures,
      inviteesScrubbed: counts.inviteesScrubbed,
      auditRowsPseudonymized: counts.auditRows,
      calendlyDeletion,
    };
  } catch (error) {
    await db
      .update(privacyErasures)
      .set({ status: "failed", error: error instanceof AppError ? error.message : "The erasure stopped on an unexpected error; run it again." })
      .where(eq(privacyErasures.id, erasure.id))
      .catch(() => undefined);
    log.error({ err: error }, "erasure failed");
    throw error;
  }
}
