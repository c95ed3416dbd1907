import { eq } from "drizzle-orm";
import type { SyncExecutor } from "@/features/calendly/sync/sync-hooks";
import { calendlyConnections, invitees, notificationInviteeState, scheduledEvents, user } from "@/lib/db/schema";
import { isRole } from "@/lib/auth/permissions";
import { validZone } from "./format-session-time";
import type { SessionMessagePayload } from "./message-payloads";
import type { Recipient } from "./queue-message";

/**
 * An invitee, its session and the two people a session email goes to, read from the copy. A recipient's zone is
 * their Sessionly time zone when they chose one, else the zone Calendly knows for them (the invitee's booking zone,
 * the coach's Calendly zone).
 */
export type InviteeRow = typeof invitees.$inferSelect;
export type EventRow = typeof scheduledEvents.$inferSelect;

export interface SessionContext {
  invitee: InviteeRow;
  event: EventRow;
  realtor: Recipient;
  coach: Recipient | null;
}

export async function loadSessionContext(executor: Pick<SyncExecutor, "select">, inviteeUri: string): Promise<SessionContext | null> {
  const [row] = await executor
    .select({ invitee: invitees, event: scheduledEvents })
    .from(invitees)
    .innerJoin(scheduledEvents, eq(scheduledEvents.uuid, invitees.eventUuid))
    .where(eq(invitees.uri, inviteeUri));
  if (!row) return null;
  const { invitee, event } = row;
  const [realtorUser] = invitee.realtorUserId ? await executor.select().from(user).where(eq(user.id, invitee.realtorUserId)) : [];
  const [coachUser] = await executor.select().from(user).where(eq(user.id, event.coachUserId));
  const [connection] = await executor.select({ timeZone: calendlyConnections.timeZone }).from(calendlyConnections).where(eq(calendlyConnections.userId, event.coachUserId));
  const realtor: Recipient = {
    userId: realtorUser?.id ?? null,
    email: invitee.email,
    name: invitee.name,
    role: realtorUser && isRole(realtorUser.role) ? realtorUser.role : "realtor",
    timeZone: preferredZone(realtorUser?.timeZone, invitee.timeZone),
  };
  const coach: Recipient | null = coachUser
    ? { userId: coachUser.id, email: coachUser.email, name: coachUser.name, role: isRole(coachUser.role) ? coachUser.role : "coach", timeZone: preferredZone(coachUser.timeZone, connection?.timeZone) }
    : null;
  return { invitee, event, realtor, coach };
}

function preferredZone(accountZone: string | null | undefined, calendlyZone: string | null | undefined): string {
  if (accountZone && accountZone !== "UTC") return validZone(accountZone);
  return validZone(calendlyZone ?? accountZone);
}

/** The calendar UID of the entry this invitee's session is: a reschedule chain keeps the UID of its first session. */
export async function calendarUidFor(executor: Pick<SyncExecutor, "select">, invitee: InviteeRow): Promise<string> {
  let uid = `${invitee.eventUuid}@sessionly`;
  let previous = invitee.oldInviteeUri;
  for (let hops = 0; previous && hops < 20; hops++) {
    const [known] = await executor.select({ calendarUid: notificationInviteeState.calendarUid }).from(notificationInviteeState).where(eq(notificationInviteeState.inviteeUri, previous));
    if (known) return known.calendarUid;
    const eventUuid = /scheduled_events\/([^/]+)\/invitees/.exec(previous)?.[1];
    if (eventUuid) uid = `${eventUuid}@sessionly`;
    const [older] = await executor.select({ oldInviteeUri: invitees.oldInviteeUri }).from(invitees).where(eq(invitees.uri, previous));
    previous = older?.oldInviteeUri ?? null;
  }
  return uid;
}

export function sessionPayload(context: SessionContext, calendarUid: string, forRole: "realtor" | "coach", extra: Partial<SessionMessagePayload> = {}): SessionMessagePayload {
  const { event, invitee, coach } = context;
  const coachPerson = { name: coach?.name ?? "Your coach", email: coach?.email ?? "" };
  const realtorPerson = { name: invitee.name, email: invitee.email };
  return {
    session: {
      eventUuid: event.uuid,
      name: event.name,
      start: event.startTime.toISOString(),
      end: event.endTime.toISOString(),
      location: typeof event.location?.location === "string" ? event.location.location : null,
      joinUrl: typeof event.location?.join_url === "string" ? event.location.join_url : null,
      calendarUid,
      changedAt: (invitee.calendlyUpdatedAt > event.calendlyUpdatedAt ? invitee.calendlyUpdatedAt : event.calendlyUpdatedAt).toISOString(),
    },
    counterpart: forRole === "realtor" ? coachPerson : realtorPerson,
    organizer: coachPerson,
    attendee: realtorPerson,
    ...extra,
  };
}
