import { eq, sql } from "drizzle-orm";
import type { InviteeSyncedChange, SyncExecutor } from "@/features/calendly/sync/sync-hooks";
import { notificationInviteeState } from "@/lib/db/schema";
import { notificationNow } from "./notification-clock";
import { queueMessage } from "./queue-message";
import { cancelReminders, scheduleReminders } from "./reminders";
import { calendarUidFor, loadSessionContext, sessionPayload, type SessionContext } from "./session-context";

/**
 * Notifications' reaction to a synced invitee change, inside the change's transaction. It looks at the copy's state
 * (not at what the change was) and at the per-invitee record of what was already queued, so duplicated, reordered or
 * replayed deliveries and reconciliations never queue a message twice:
 * - active invitee, new: confirmation to realtor and coach; with `old_invitee`: the reschedule message instead;
 * - active invitee: reminders for its current start (recomputed when the start moved);
 * - canceled invitee: reminders removed; a cancellation unless it is the old half of a reschedule.
 * Only news is sent: no confirmation for a booking made more than two days ago (a backfill of old bookings), no
 * cancellation older than two days, nothing about a session that has already started.
 */
const NEWS_WINDOW_MS = 48 * 3600 * 1000;

export async function onInviteeSyncedForNotifications(tx: SyncExecutor, change: InviteeSyncedChange): Promise<void> {
  const context = await loadSessionContext(tx, change.inviteeUri);
  if (!context) return;
  const { invitee, event } = context;
  const now = notificationNow();
  const state = await lockInviteeState(tx, context);
  const started = event.startTime <= now;
  const isNews = (at: Date) => now.getTime() - at.getTime() <= NEWS_WINDOW_MS;
  const marks: Partial<typeof notificationInviteeState.$inferInsert> = {};

  if (invitee.status === "active" && event.status === "active") {
    if (invitee.oldInviteeUri) {
      // The old half's reminders go with it, whichever of the two deliveries arrives first.
      await cancelReminders(tx, invitee.oldInviteeUri, "The session was rescheduled.");
      if (!state.rescheduleQueuedAt && !started && isNews(invitee.calendlyCreatedAt)) {
        const previous = await previousTimes(tx, invitee.oldInviteeUri);
        await queueToBoth(tx, context, "reschedule", state.calendarUid, previous ? { previous } : {});
        marks.rescheduleQueuedAt = now;
      }
    } else if (!state.confirmationQueuedAt && !started && isNews(invitee.calendlyCreatedAt)) {
      await queueToBoth(tx, context, "booking_confirmation", state.calendarUid);
      marks.confirmationQueuedAt = now;
    }
    if (state.remindersForStart?.getTime() !== event.startTime.getTime()) {
      await cancelReminders(tx, invitee.uri, "The session moved; new reminders were scheduled.", { keepStart: event.startTime });
      if (!started) await scheduleReminders(tx, context);
      marks.remindersForStart = event.startTime;
    }
  } else {
    if (!state.remindersCanceledAt) {
      await cancelReminders(tx, invitee.uri, invitee.rescheduled ? "The session was rescheduled." : "The session was canceled.");
      marks.remindersCanceledAt = now;
      marks.remindersForStart = null;
    }
    if (!invitee.rescheduled && !state.cancellationQueuedAt && !started && isNews(invitee.calendlyUpdatedAt)) {
      await queueToBoth(tx, context, "cancellation", state.calendarUid, {
        cancellation: {
          canceledBy: invitee.canceledBy ?? event.canceledBy,
          cancelerType: invitee.cancelerType ?? event.cancelerType,
          reason: invitee.cancelReason ?? event.cancelReason,
          wholeSessionCanceled: event.status === "canceled",
        },
      });
      marks.cancellationQueuedAt = now;
    }
  }
  if (Object.keys(marks).length) {
    await tx.update(notificationInviteeState).set({ ...marks, updatedAt: now }).where(eq(notificationInviteeState.inviteeUri, invitee.uri));
  }
}

async function lockInviteeState(tx: SyncExecutor, context: SessionContext) {
  const calendarUid = await calendarUidFor(tx, context.invitee);
  await tx
    .insert(notificationInviteeState)
    .values({ inviteeUri: context.invitee.uri, eventUuid: context.event.uuid, calendarUid })
    .onConflictDoNothing();
  const [state] = await tx.select().from(notificationInviteeState).where(eq(notificationInviteeState.inviteeUri, context.invitee.uri)).for("update");
  return state;
}

async function queueToBoth(
  tx: SyncExecutor,
  context: SessionContext,
  kind: "booking_confirmation" | "cancellation" | "reschedule",
  calendarUid: string,
  extra: Parameters<typeof sessionPayload>[3] = {},
) {
  const prefix = { booking_confirmation: "booking", cancellation: "cancel", reschedule: "reschedule" }[kind];
  for (const [role, recipient] of [["realtor", context.realtor], ["coach", context.coach]] as const) {
    if (!recipient) continue;
    await queueMessage(tx, {
      idempotencyKey: `${prefix}:${context.invitee.uri}:${role}`,
      kind,
      recipient,
      eventUuid: context.event.uuid,
      inviteeUri: context.invitee.uri,
      payload: sessionPayload(context, calendarUid, role, extra),
    });
  }
}

async function previousTimes(tx: SyncExecutor, oldInviteeUri: string): Promise<{ start: string; end: string } | null> {
  const result = await tx.execute<{ start_time: Date | string; end_time: Date | string }>(
    sql`select e.start_time, e.end_time from calendly_invitees i join calendly_scheduled_events e on e.uuid = i.event_uuid where i.uri = ${oldInviteeUri}`,
  );
  const row = result.rows[0];
  return row ? { start: new Date(row.start_time).toISOString(), end: new Date(row.end_time).toISOString() } : null;
}
