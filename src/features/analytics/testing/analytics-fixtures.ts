import { sql } from "drizzle-orm";
import { getDb, schema } from "@/lib/db";

/** Hand-built sessions and invitees, inserted straight into the synced Calendly tables for analytics tests. */
let counter = 0;
const next = (prefix: string) => `${prefix}-${++counter}-${Math.random().toString(36).slice(2, 8)}`;

export async function resetAnalyticsTables() {
  await getDb().execute(
    sql`truncate calendly_connections, calendly_invitees, calendly_scheduled_events, calendly_event_types, booking_attempts, analytics_availability_schedules cascade`,
  );
}

export interface SessionInput {
  coachUserId: string;
  start: string;
  minutes?: number;
  status?: "active" | "canceled";
  rescheduled?: boolean;
  cancelerType?: "host" | "invitee" | null;
  cancelReason?: string | null;
  canceledAt?: string | null;
  eventTypeUri?: string | null;
  inviteesActive?: number;
}

export async function insertSession(input: SessionInput): Promise<string> {
  const uuid = next("event");
  const start = new Date(input.start);
  const end = new Date(start.getTime() + (input.minutes ?? 30) * 60_000);
  const status = input.status ?? "active";
  await getDb()
    .insert(schema.scheduledEvents)
    .values({
      uuid,
      uri: `https://api.calendly.test/scheduled_events/${uuid}`,
      coachUserId: input.coachUserId,
      eventTypeUri: input.eventTypeUri ?? null,
      name: "Coaching session",
      status,
      startTime: start,
      endTime: end,
      inviteesActive: input.inviteesActive ?? (status === "active" ? 1 : 0),
      inviteesTotal: Math.max(1, input.inviteesActive ?? 1),
      rescheduled: input.rescheduled ?? false,
      cancelerType: status === "canceled" ? (input.cancelerType ?? "invitee") : null,
      cancelReason: input.cancelReason ?? null,
      canceledAt: input.canceledAt ? new Date(input.canceledAt) : status === "canceled" ? new Date(start.getTime() - 48 * 3600_000) : null,
      calendlyCreatedAt: new Date(start.getTime() - 7 * 24 * 3600_000),
      calendlyUpdatedAt: new Date(start.getTime() - 24 * 3600_000),
    });
  return uuid;
}

export interface InviteeInput {
  eventUuid: string;
  email?: string;
  name?: string;
  realtorUserId?: string | null;
  status?: "active" | "canceled";
  noShow?: boolean;
  rescheduled?: boolean;
  uri?: string;
  oldInviteeUri?: string | null;
  newInviteeUri?: string | null;
  answers?: Array<{ question: string; answer: string }>;
}

export async function insertInvitee(input: InviteeInput): Promise<string> {
  const uuid = next("invitee");
  const uri = input.uri ?? `https://api.calendly.test/scheduled_events/${input.eventUuid}/invitees/${uuid}`;
  const email = input.email ?? `${uuid}@example.com`;
  await getDb()
    .insert(schema.invitees)
    .values({
      uuid,
      uri,
      eventUuid: input.eventUuid,
      email,
      emailNormalized: email.toLowerCase(),
      name: input.name ?? "Invitee",
      status: input.status ?? "active",
      rescheduled: input.rescheduled ?? false,
      oldInviteeUri: input.oldInviteeUri ?? null,
      newInviteeUri: input.newInviteeUri ?? null,
      noShowUri: input.noShow ? `https://api.calendly.test/invitee_no_shows/${uuid}` : null,
      realtorUserId: input.realtorUserId ?? null,
      questionsAndAnswers: (input.answers ?? []).map((answer, position) => ({ ...answer, position })),
      calendlyCreatedAt: new Date("2026-01-01T00:00:00Z"),
      calendlyUpdatedAt: new Date("2026-01-01T00:00:00Z"),
    });
  return uri;
}

/** A session with one invitee: the common 1:1 case. */
export async function insertOneOnOne(session: SessionInput, invitee: Omit<InviteeInput, "eventUuid"> = {}) {
  const eventUuid = await insertSession(session);
  const inviteeUri = await insertInvitee({ eventUuid, status: session.status === "canceled" ? "canceled" : "active", ...invitee });
  return { eventUuid, inviteeUri };
}
