import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import * as authRoute from "@/app/api/auth/[...all]/route";
import { getDb } from "@/lib/db";
import { calendlyConnections, eventTypes, invitees, scheduledEvents } from "@/lib/db/schema";
import type { Role } from "@/lib/auth/permissions";
import { TestClient } from "../../../../tests/helpers/http";
import { createUser } from "../../../../tests/helpers/users";

/** Test data for the sessions feature: people signed in through better-auth, and sessions written into the copy. */
export const BASE = "https://api.calendly.test";

export async function truncateSessionTables() {
  await getDb().execute(
    sql`truncate calendly_scheduled_events, calendly_invitees, calendly_event_types, calendly_connections, calendar_feed_tokens, session_reschedule_requests, audit_log cascade`,
  );
}

export async function signedIn(email: string, role: Role, options: { name?: string; timeZone?: string } = {}) {
  const user = await createUser({ email, role, name: options.name, timeZone: options.timeZone });
  const client = new TestClient();
  const response = await client.call(authRoute.POST, {
    path: "/api/auth/sign-in/email",
    params: { all: ["sign-in", "email"] },
    body: { email, password: "sessionly-demo" },
  });
  if (response.status !== 200) throw new Error(`sign-in failed for ${email}: ${response.status} ${response.text}`);
  return { user, client };
}

export async function insertConnection(coachUserId: string) {
  const [row] = await getDb()
    .insert(calendlyConnections)
    .values({ userId: coachUserId, calendlyUserUri: `${BASE}/users/${randomUUID()}`, organizationUri: `${BASE}/organizations/org`, authKind: "pat" })
    .returning();
  return row;
}

export async function insertEventType(coachUserId: string, connectionId: string, name = "Strategy call") {
  const uuid = randomUUID();
  const [row] = await getDb()
    .insert(eventTypes)
    .values({ uri: `${BASE}/event_types/${uuid}`, uuid, connectionId, coachUserId, name, duration: 30, active: true, schedulingUrl: `${BASE}/x/${uuid}` })
    .returning();
  return row;
}

export interface SessionSeed {
  coachUserId: string;
  connectionId?: string | null;
  eventTypeUri?: string | null;
  name?: string;
  start: Date;
  minutes?: number;
  status?: "active" | "canceled";
  rescheduled?: boolean;
  cancelerType?: "host" | "invitee";
  createdAt?: Date;
  updatedAt?: Date;
  limit?: number;
  location?: Record<string, unknown> | null;
  guests?: string[];
  invitees?: Array<{ name: string; email: string; realtorUserId?: string | null; timeZone?: string; noShow?: boolean; status?: "active" | "canceled"; oldInviteeUri?: string; newInviteeUri?: string; rescheduled?: boolean; uuid?: string }>;
}

export async function insertSession(seed: SessionSeed) {
  const uuid = randomUUID();
  const createdAt = seed.createdAt ?? new Date(seed.start.getTime() - 7 * 86_400_000);
  const status = seed.status ?? "active";
  const inviteeSeeds = seed.invitees ?? [];
  const [event] = await getDb()
    .insert(scheduledEvents)
    .values({
      uuid,
      uri: `${BASE}/scheduled_events/${uuid}`,
      connectionId: seed.connectionId ?? null,
      coachUserId: seed.coachUserId,
      eventTypeUri: seed.eventTypeUri ?? null,
      name: seed.name ?? "Strategy call",
      status,
      startTime: seed.start,
      endTime: new Date(seed.start.getTime() + (seed.minutes ?? 30) * 60_000),
      location: (seed.location ?? { type: "zoom", join_url: "https://zoom.example/j/1" }) as never,
      locationType: seed.location === null ? null : String(seed.location?.type ?? "zoom"),
      inviteesTotal: inviteeSeeds.length,
      inviteesActive: inviteeSeeds.filter((invitee) => (invitee.status ?? status) === "active").length,
      inviteesLimit: seed.limit ?? 1,
      guests: (seed.guests ?? []).map((email) => ({ email })),
      rescheduled: seed.rescheduled ?? false,
      cancelerType: status === "canceled" ? (seed.cancelerType ?? "host") : null,
      canceledBy: status === "canceled" ? "Someone" : null,
      cancelReason: status === "canceled" ? "Because" : null,
      calendlyCreatedAt: createdAt,
      calendlyUpdatedAt: seed.updatedAt ?? createdAt,
    })
    .returning();
  const inviteeRows = [];
  for (const invitee of inviteeSeeds) {
    const inviteeUuid = invitee.uuid ?? randomUUID();
    const [row] = await getDb()
      .insert(invitees)
      .values({
        uuid: inviteeUuid,
        uri: `${BASE}/scheduled_events/${uuid}/invitees/${inviteeUuid}`,
        eventUuid: uuid,
        email: invitee.email,
        emailNormalized: invitee.email.toLowerCase(),
        name: invitee.name,
        status: invitee.status ?? status,
        timeZone: invitee.timeZone ?? "America/Chicago",
        realtorUserId: invitee.realtorUserId ?? null,
        noShowUri: invitee.noShow ? `${BASE}/invitee_no_shows/${randomUUID()}` : null,
        rescheduled: invitee.rescheduled ?? false,
        oldInviteeUri: invitee.oldInviteeUri ?? null,
        newInviteeUri: invitee.newInviteeUri ?? null,
        rescheduleUrl: `${BASE}/reschedulings/${inviteeUuid}`,
        cancelUrl: `${BASE}/cancellations/${inviteeUuid}`,
        calendlyCreatedAt: createdAt,
        calendlyUpdatedAt: createdAt,
      })
      .returning();
    inviteeRows.push(row);
  }
  return { ...event, invitees: inviteeRows };
}

export const hours = (count: number) => new Date(Date.now() + count * 3_600_000);
