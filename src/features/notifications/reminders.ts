import { and, asc, eq, inArray, lte, ne, sql } from "drizzle-orm";
import { fromDrizzle } from "pg-boss";
import type { SyncExecutor } from "@/features/calendly/sync/sync-hooks";
import { getDb } from "@/lib/db";
import { notificationInviteeState, notificationReminders } from "@/lib/db/schema";
import { getBoss } from "@/lib/jobs/boss";
import { QUEUES } from "@/lib/jobs/queues";
import { logger } from "@/lib/logger";
import { notificationNow } from "./notification-clock";
import { getNotificationPreferences } from "./notification-preferences";
import { queueMessage } from "./queue-message";
import { calendarUidFor, loadSessionContext, sessionPayload, type SessionContext } from "./session-context";

/**
 * Reminders. Each is a row (the schedule a session page shows) plus a pg-boss job that starts at its due time.
 * The handler decides with the notification clock and the copy's state at that moment: it sends only when the row is
 * still scheduled, the due time has come, the session is active, has not started, and still starts when the reminder
 * was computed for. A per-minute sweep re-polls due rows, so a worker that was down or restarted catches up, and the
 * row lock plus the message's idempotency key make the job and the sweep racing each other send once.
 */
export async function scheduleReminders(tx: SyncExecutor, context: SessionContext): Promise<number> {
  const now = notificationNow();
  const start = context.event.startTime;
  let scheduled = 0;
  const boss = await getBoss();
  for (const [role, recipient] of [["realtor", context.realtor], ["coach", context.coach]] as const) {
    if (!recipient) continue;
    const offsets = recipient.userId ? await reminderOffsetsFor(tx, recipient.userId, recipient.role) : [24 * 60, 60];
    for (const offsetMinutes of offsets) {
      const dueAt = new Date(start.getTime() - offsetMinutes * 60_000);
      if (dueAt <= now) continue;
      const [row] = await tx
        .insert(notificationReminders)
        .values({
          inviteeUri: context.invitee.uri,
          eventUuid: context.event.uuid,
          recipientRole: role,
          recipientUserId: recipient.userId,
          recipientEmail: recipient.email,
          offsetMinutes,
          sessionStart: start,
          dueAt,
        })
        .onConflictDoNothing()
        .returning({ id: notificationReminders.id });
      if (!row) continue;
      const jobId = await boss.send(QUEUES.notificationReminder, { reminderId: row.id, dueAt: dueAt.toISOString() }, { db: fromDrizzle(tx, sql), startAfter: dueAt });
      await tx.update(notificationReminders).set({ jobId }).where(eq(notificationReminders.id, row.id));
      scheduled++;
    }
  }
  return scheduled;
}

async function reminderOffsetsFor(tx: SyncExecutor, userId: string, role: SessionContext["realtor"]["role"]): Promise<number[]> {
  const preferences = await getNotificationPreferences(tx, userId, role);
  return preferences.emailReminders ? preferences.reminderOffsetsMinutes : [];
}

/** Cancels an invitee's pending reminders (all, or those computed for another start time) and removes their jobs. */
export async function cancelReminders(tx: SyncExecutor, inviteeUri: string, reason: string, options: { keepStart?: Date } = {}): Promise<number> {
  const rows = await tx
    .update(notificationReminders)
    .set({ status: "canceled", statusReason: reason, updatedAt: new Date() })
    .where(
      and(
        eq(notificationReminders.inviteeUri, inviteeUri),
        eq(notificationReminders.status, "scheduled"),
        options.keepStart ? ne(notificationReminders.sessionStart, options.keepStart) : undefined,
      ),
    )
    .returning({ jobId: notificationReminders.jobId });
  const jobIds = rows.map((row) => row.jobId).filter((id): id is string => Boolean(id));
  if (jobIds.length) {
    const boss = await getBoss();
    await boss.cancel(QUEUES.notificationReminder, jobIds, { db: fromDrizzle(tx, sql) });
  }
  return rows.length;
}

export type ReminderOutcome = "queued" | "not_due" | "skipped" | "done" | "missing";

/** Decides one reminder now (see the header). Returns `not_due` with the wait when the job woke early. */
export async function processReminder(reminderId: string): Promise<{ outcome: ReminderOutcome; dueInMs?: number }> {
  await getBoss();
  const now = notificationNow();
  return getDb().transaction(async (tx) => {
    const [reminder] = await tx.select().from(notificationReminders).where(eq(notificationReminders.id, reminderId)).for("update");
    if (!reminder) return { outcome: "missing" as const };
    if (reminder.status !== "scheduled") return { outcome: "done" as const };
    if (reminder.dueAt > now) return { outcome: "not_due" as const, dueInMs: reminder.dueAt.getTime() - now.getTime() };

    const skip = async (reason: string) => {
      await tx.update(notificationReminders).set({ status: "skipped", statusReason: reason, updatedAt: new Date() }).where(eq(notificationReminders.id, reminderId));
      return { outcome: "skipped" as const };
    };
    const context = await loadSessionContext(tx, reminder.inviteeUri);
    if (!context) return skip("The session is no longer in Sessionly.");
    if (context.event.status !== "active" || context.invitee.status !== "active") return skip("The session was canceled.");
    if (context.event.startTime <= now) return skip("The session had already started.");
    if (context.event.startTime.getTime() !== reminder.sessionStart.getTime()) return skip("The session moved; new reminders were scheduled.");
    const recipient = reminder.recipientRole === "coach" ? context.coach : context.realtor;
    if (!recipient) return skip("The recipient no longer has an account.");
    if (recipient.userId && !(await reminderOffsetsFor(tx, recipient.userId, recipient.role)).length) return skip("Reminders are turned off in the recipient's preferences.");

    const [state] = await tx.select({ calendarUid: notificationInviteeState.calendarUid }).from(notificationInviteeState).where(eq(notificationInviteeState.inviteeUri, reminder.inviteeUri));
    const calendarUid = state?.calendarUid ?? (await calendarUidFor(tx, context.invitee));
    const message = await queueMessage(tx, {
      idempotencyKey: `reminder:${reminder.id}`,
      kind: "reminder",
      recipient,
      eventUuid: context.event.uuid,
      inviteeUri: context.invitee.uri,
      payload: sessionPayload(context, calendarUid, reminder.recipientRole, { reminder: { offsetMinutes: reminder.offsetMinutes, reminderId: reminder.id } }),
    });
    await tx.update(notificationReminders).set({ status: "queued", messageId: message.id, updatedAt: new Date() }).where(eq(notificationReminders.id, reminderId));
    return { outcome: "queued" as const };
  });
}

/** Every reminder whose due time has come by the notification clock (the per-minute safety net). */
export async function sweepDueReminders(limit = 200): Promise<{ queued: number; skipped: number }> {
  const due = await getDb()
    .select({ id: notificationReminders.id })
    .from(notificationReminders)
    .where(and(eq(notificationReminders.status, "scheduled"), lte(notificationReminders.dueAt, notificationNow())))
    .orderBy(asc(notificationReminders.dueAt))
    .limit(limit);
  let queued = 0;
  let skipped = 0;
  for (const { id } of due) {
    const { outcome } = await processReminder(id);
    if (outcome === "queued") queued++;
    if (outcome === "skipped") skipped++;
  }
  if (due.length) logger.info({ due: due.length, queued, skipped }, "reminder sweep");
  return { queued, skipped };
}

/** The reminders of some sessions, for the session notifications view. */
export async function listRemindersForEvents(eventUuids: string[]) {
  if (!eventUuids.length) return [];
  return getDb().select().from(notificationReminders).where(inArray(notificationReminders.eventUuid, eventUuids)).orderBy(asc(notificationReminders.dueAt));
}
