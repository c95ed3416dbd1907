import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { invitees, scheduledEvents, user } from "@/lib/db/schema";
import { uuidFromUri } from "../calendly-config";
import type { CalendlyInvitee, CalendlyScheduledEvent } from "../client/schemas";

/**
 * Idempotent writes of Calendly records into the copy. An upsert only applies when Calendly's `updated_at` is at
 * least as new as what we hold, so duplicated or reordered deliveries never move a record backwards.
 */
type Executor = Pick<Database, "insert" | "update" | "select" | "execute">;

export interface UpsertOutcome {
  changed: boolean;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function locationType(location: CalendlyScheduledEvent["location"]): string | null {
  return location && typeof location === "object" && "type" in location ? String(location.type) : null;
}

export async function upsertScheduledEvent(
  executor: Executor,
  owner: { connectionId: string | null; coachUserId: string },
  event: CalendlyScheduledEvent,
): Promise<UpsertOutcome> {
  const values = {
    uuid: uuidFromUri(event.uri),
    uri: event.uri,
    connectionId: owner.connectionId,
    coachUserId: owner.coachUserId,
    eventTypeUri: event.event_type ?? null,
    name: event.name ?? "Session",
    status: event.status,
    startTime: new Date(event.start_time),
    endTime: new Date(event.end_time),
    location: (event.location ?? null) as never,
    locationType: locationType(event.location),
    inviteesTotal: event.invitees_counter?.total ?? 0,
    inviteesActive: event.invitees_counter?.active ?? 0,
    inviteesLimit: event.invitees_counter?.limit ?? 1,
    guests: (event.event_guests ?? []).map((guest) => ({ email: guest.email, created_at: guest.created_at, updated_at: guest.updated_at })),
    canceledBy: event.cancellation?.canceled_by ?? null,
    cancelReason: event.cancellation?.reason ?? null,
    cancelerType: event.cancellation?.canceler_type ?? null,
    canceledAt: event.cancellation?.created_at ? new Date(event.cancellation.created_at) : null,
    calendlyCreatedAt: new Date(event.created_at),
    calendlyUpdatedAt: new Date(event.updated_at),
    syncedAt: new Date(),
  };
  const { uuid: _uuid, ...updates } = values;
  const result = await executor
    .insert(scheduledEvents)
    .values(values)
    .onConflictDoUpdate({
      target: scheduledEvents.uuid,
      set: updates,
      setWhere: sql`${scheduledEvents.calendlyUpdatedAt} <= excluded.calendly_updated_at`,
    })
    .returning({ uuid: scheduledEvents.uuid });
  return { changed: result.length > 0 };
}

async function realtorIdFor(executor: Executor, email: string): Promise<string | null> {
  const [match] = await executor
    .select({ id: user.id })
    .from(user)
    .where(and(eq(sql`lower(${user.email})`, normalizeEmail(email)), eq(user.role, "realtor")));
  return match?.id ?? null;
}

export async function upsertInvitee(executor: Executor, eventUuid: string, invitee: CalendlyInvitee): Promise<UpsertOutcome> {
  const values = {
    uuid: uuidFromUri(invitee.uri),
    uri: invitee.uri,
    eventUuid,
    email: invitee.email,
    emailNormalized: normalizeEmail(invitee.email),
    name: invitee.name ?? invitee.email,
    firstName: invitee.first_name ?? null,
    lastName: invitee.last_name ?? null,
    status: invitee.status,
    timeZone: invitee.timezone ?? null,
    questionsAndAnswers: (invitee.questions_and_answers ?? []).map((qa) => ({ question: qa.question, answer: qa.answer, position: qa.position })),
    tracking: (invitee.tracking ?? null) as Record<string, string | null> | null,
    rescheduled: invitee.rescheduled ?? false,
    oldInviteeUri: invitee.old_invitee ?? null,
    newInviteeUri: invitee.new_invitee ?? null,
    cancelUrl: invitee.cancel_url ?? null,
    rescheduleUrl: invitee.reschedule_url ?? null,
    canceledBy: invitee.cancellation?.canceled_by ?? null,
    cancelReason: invitee.cancellation?.reason ?? null,
    cancelerType: invitee.cancellation?.canceler_type ?? null,
    noShowUri: invitee.no_show?.uri ?? null,
    noShowAt: invitee.no_show?.created_at ? new Date(invitee.no_show.created_at) : null,
    schedulingMethod: invitee.scheduling_method ?? null,
    realtorUserId: await realtorIdFor(executor, invitee.email),
    calendlyCreatedAt: new Date(invitee.created_at),
    calendlyUpdatedAt: new Date(invitee.updated_at),
    syncedAt: new Date(),
  };
  const { uuid: _uuid, noShowUri: _noShowUri, noShowAt: _noShowAt, ...updates } = values;
  const result = await executor
    .insert(invitees)
    .values(values)
    .onConflictDoUpdate({
      target: invitees.uuid,
      set: updates,
      setWhere: sql`${invitees.calendlyUpdatedAt} <= excluded.calendly_updated_at`,
    })
    .returning({ uuid: invitees.uuid });
  await markRescheduledEvent(executor, eventUuid);
  return { changed: result.length > 0 };
}

/**
 * Applies a no-show mark or unmark at `version` (the change's time): only if it is newer than the last applied.
 * `snapshot: true` applies Calendly's current state (reconciliation) regardless of order.
 */
export async function applyNoShow(
  executor: Executor,
  inviteeUri: string,
  noShow: { uri: string; created_at: string } | null,
  version: Date,
): Promise<UpsertOutcome> {
  const result = await executor
    .update(invitees)
    .set({ noShowUri: noShow?.uri ?? null, noShowAt: noShow ? new Date(noShow.created_at) : null, noShowVersion: version, syncedAt: new Date() })
    .where(and(eq(invitees.uri, inviteeUri), sql`(${invitees.noShowVersion} is null or ${invitees.noShowVersion} <= ${version.toISOString()}::timestamptz)`))
    .returning({ uuid: invitees.uuid });
  return { changed: result.length > 0 };
}

/** A canceled event whose canceled invitees were all rescheduled is the old half of a reschedule chain. */
export async function markRescheduledEvent(executor: Executor, eventUuid: string) {
  await executor.execute(sql`
    update calendly_scheduled_events e
       set rescheduled = (
         e.status = 'canceled'
         and exists (select 1 from calendly_invitees i where i.event_uuid = e.uuid and i.rescheduled)
         and not exists (select 1 from calendly_invitees i where i.event_uuid = e.uuid and i.status = 'canceled' and not i.rescheduled)
       )
     where e.uuid = ${eventUuid}`);
}
