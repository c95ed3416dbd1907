import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { invitees, notificationMessages, notificationReminders, scheduledEvents, type NotificationKind, type NotificationStatus, type ReminderStatus } from "@/lib/db/schema";
import type { Scope } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { notFound } from "@/lib/errors";

/**
 * A session's reminder schedule and every message about it, for the session details page. A coach sees their own
 * sessions; a realtor sees sessions they are booked on, and only what was sent to them; admins see everything.
 */
export interface SessionNotificationsDto {
  timeZone: string;
  reminders: Array<{ id: string; recipientRole: "realtor" | "coach"; recipientEmail: string; offsetMinutes: number; dueAt: string; status: ReminderStatus; statusReason: string | null; sentAt: string | null }>;
  messages: Array<{ id: string; kind: NotificationKind; recipientRole: string; recipientEmail: string; status: NotificationStatus; subject: string | null; createdAt: string; sentAt: string | null; lastError: string | null; suppressedReason: string | null }>;
}

export async function getSessionNotificationsOrThrow(viewer: CurrentUser, scope: Scope, eventUuid: string): Promise<SessionNotificationsDto> {
  const db = getDb();
  const [event] = await db.select({ uuid: scheduledEvents.uuid, coachUserId: scheduledEvents.coachUserId }).from(scheduledEvents).where(eq(scheduledEvents.uuid, eventUuid));
  if (!event) throw notFound("This session");
  let onlyInvitees: string[] | null = null;
  if (scope === "own" && event.coachUserId !== viewer.id) {
    const mine = await db.select({ uri: invitees.uri }).from(invitees).where(and(eq(invitees.eventUuid, eventUuid), eq(invitees.realtorUserId, viewer.id)));
    if (!mine.length) throw notFound("This session");
    onlyInvitees = mine.map((row) => row.uri);
  }
  const visible = (row: { inviteeUri: string | null; recipientRole: string }) => !onlyInvitees || (row.recipientRole === "realtor" && row.inviteeUri !== null && onlyInvitees.includes(row.inviteeUri));

  const reminders = await db.select().from(notificationReminders).where(eq(notificationReminders.eventUuid, eventUuid)).orderBy(asc(notificationReminders.dueAt));
  const messages = await db.select().from(notificationMessages).where(eq(notificationMessages.eventUuid, eventUuid)).orderBy(asc(notificationMessages.createdAt));
  const sentAtById = new Map(messages.map((message) => [message.id, message.status === "sent" ? (message.sentAt?.toISOString() ?? null) : null]));
  return {
    timeZone: viewer.timeZone,
    reminders: reminders.filter(visible).map((row) => ({
      id: row.id,
      recipientRole: row.recipientRole,
      recipientEmail: row.recipientEmail,
      offsetMinutes: row.offsetMinutes,
      dueAt: row.dueAt.toISOString(),
      status: row.status,
      statusReason: row.statusReason,
      sentAt: row.messageId ? (sentAtById.get(row.messageId) ?? null) : null,
    })),
    messages: messages.filter(visible).map((row) => ({
      id: row.id,
      kind: row.kind,
      recipientRole: row.recipientRole,
      recipientEmail: row.recipientEmail,
      status: row.status,
      subject: row.subject,
      createdAt: row.createdAt.toISOString(),
      sentAt: row.sentAt?.toISOString() ?? null,
      lastError: row.lastError,
      suppressedReason: row.suppressedReason,
    })),
  };
}
