import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { invitees, scheduledEvents } from "@/lib/db/schema";
import * as authRoute from "@/app/api/auth/[...all]/route";
import { TestClient } from "../../../../tests/helpers/http";
import { createUser } from "../../../../tests/helpers/users";

/** Test data for the invitee features: rows written straight into the synced copy (read paths need no Calendly). */
export const CALENDLY = "https://api.calendly.com";
const HOUR = 3600_000;

export async function truncateInviteeTables() {
  await getDb().execute(sql`truncate calendly_connections, calendly_scheduled_events, calendly_invitees, calendly_event_types, calendly_webhook_deliveries, audit_log cascade`);
}

export async function demoPeople() {
  const [admin, morgan, priya, lena, jamie, sam] = await Promise.all([
    createUser({ email: "admin@sessionly.test", name: "Ada Admin", role: "admin" }),
    createUser({ email: "coach.morgan@sessionly.test", name: "Morgan Reyes", role: "coach", timeZone: "America/New_York" }),
    createUser({ email: "coach.priya@sessionly.test", name: "Priya Shah", role: "coach", timeZone: "Europe/London" }),
    createUser({ email: "coach.lena@sessionly.test", name: "Lena Park", role: "coach" }),
    createUser({ email: "realtor.jamie@sessionly.test", name: "Jamie Carter", role: "realtor", timeZone: "America/Chicago" }),
    createUser({ email: "realtor.sam@sessionly.test", name: "Sam Patel", role: "realtor", timeZone: "Asia/Kolkata" }),
  ]);
  return { admin, morgan, priya, lena, jamie, sam };
}

export async function signedIn(email: string): Promise<TestClient> {
  const client = new TestClient();
  const response = await client.call(authRoute.POST, {
    path: "/api/auth/sign-in/email",
    params: { all: ["sign-in", "email"] },
    body: { email, password: "sessionly-demo" },
  });
  if (response.status !== 200) throw new Error(`sign-in ${email}: ${response.status} ${response.text}`);
  return client;
}

export interface SeedSession {
  coachUserId: string;
  name?: string;
  start: Date;
  minutes?: number;
  status?: "active" | "canceled";
  rescheduled?: boolean;
  eventTypeUri?: string | null;
}

export async function seedSession(input: SeedSession) {
  const uuid = randomUUID();
  const row = {
    uuid,
    uri: `${CALENDLY}/scheduled_events/${uuid}`,
    connectionId: null,
    coachUserId: input.coachUserId,
    eventTypeUri: input.eventTypeUri ?? null,
    name: input.name ?? "Strategy session",
    status: input.status ?? "active",
    startTime: input.start,
    endTime: new Date(input.start.getTime() + (input.minutes ?? 30) * 60_000),
    rescheduled: input.rescheduled ?? false,
    calendlyCreatedAt: new Date(input.start.getTime() - 48 * HOUR),
    calendlyUpdatedAt: new Date(input.start.getTime() - 48 * HOUR),
  };
  await getDb().insert(scheduledEvents).values(row);
  return row;
}

export interface SeedInvitee {
  session: { uuid: string; uri: string };
  name: string;
  email: string;
  realtorUserId?: string | null;
  status?: "active" | "canceled";
  timeZone?: string | null;
  /** A timestamp literal, so tests can use microseconds (`2026-01-01 10:00:00.123456+00`). */
  createdAt?: string;
  answers?: Array<{ question: string; answer: string; position: number }>;
  noShow?: boolean;
  rescheduled?: boolean;
  oldInviteeUri?: string | null;
  newInviteeUri?: string | null;
}

export async function seedInvitee(input: SeedInvitee) {
  const uuid = randomUUID();
  const uri = `${input.session.uri}/invitees/${uuid}`;
  const createdAt = input.createdAt ?? new Date().toISOString();
  await getDb()
    .insert(invitees)
    .values({
      uuid,
      uri,
      eventUuid: input.session.uuid,
      email: input.email,
      emailNormalized: input.email.toLowerCase(),
      name: input.name,
      status: input.status ?? "active",
      timeZone: input.timeZone === undefined ? "America/Chicago" : input.timeZone,
      questionsAndAnswers: input.answers ?? [],
      rescheduled: input.rescheduled ?? false,
      oldInviteeUri: input.oldInviteeUri ?? null,
      newInviteeUri: input.newInviteeUri ?? null,
      noShowUri: input.noShow ? `${CALENDLY}/invitee_no_shows/${randomUUID()}` : null,
      noShowAt: input.noShow ? new Date() : null,
      realtorUserId: input.realtorUserId ?? null,
      calendlyCreatedAt: sql`${createdAt}::timestamptz` as unknown as Date,
      calendlyUpdatedAt: new Date(),
    });
  return { uuid, uri };
}

export { HOUR };
