import { and, eq, inArray, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { availabilitySettings, eventTypes, notificationMessages, notificationPreferences, user, type NotificationKind } from "@/lib/db/schema";
import { enqueue, getBoss, stopBoss } from "@/lib/jobs/boss";
import { QUEUES } from "@/lib/jobs/queues";
import { env, resetEnvCache } from "@/lib/env";
import { connectWithPersonalAccessToken } from "@/features/calendly/connection/connect-calendly";
import { startCalendlyHarness, type CalendlyHarness } from "../../../tests/helpers/calendly-harness";
import { createUser } from "../../../tests/helpers/users";
import { checkLowAvailability } from "./low-availability-alerts";
import { setNotificationClock } from "./notification-clock";
import { defaultPreferences } from "./notification-preferences";
import { registerNotificationHandlers } from "./notification-jobs";
import { startSmtpSink, type ReceivedMail, type SmtpSink } from "./testing/smtp-sink";

/**
 * The daily low-availability check end to end: open hours come from the emulator's available times over HTTP (through
 * the availability cache), alerts and the admin digest go through the outbox and a real pg-boss worker to a real SMTP
 * server on loopback.
 *
 * The emulator keeps the wall clock (the availability cache asks Calendly from "now" on the wall clock); the check's
 * own clock is set to a Saturday noon UTC a few days ahead, so its 7-day window holds exactly Monday to Friday of the
 * coaches' weekly hours: Morgan (New York, 9–12 and 13–17) and Tom (Kolkata, 10–13:30 and 15–18:30) both have 35 open
 * hours, whatever day the test runs.
 */
let harness: CalendlyHarness;
let smtp: SmtpSink;
let appUrl: string;
let saturdayNoon: Date;
let clock = Date.now();
const MORGAN = { email: "coach.morgan@sessionly.test", name: "Morgan Reyes" };
const TOM = { email: "coach.tom@sessionly.test", name: "Tom Becker" };
const LENA = { email: "coach.lena@sessionly.test", name: "Lena Park" };
const PRIYA = { email: "coach.priya@sessionly.test", name: "Priya Shah" };
const ADMINS = ["alerts.admin.one@example.com", "alerts.admin.two@example.com"];
const DEACTIVATED_ADMIN = "alerts.admin.gone@example.com";
const ids: Record<string, string> = {};

async function waitFor<T>(read: () => T | Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)?.slice(0, 400)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Mail received for one kind of message, matched through the outbox (each Message-ID is its outbox id). */
async function mailsOf(kind: NotificationKind, to?: string): Promise<ReceivedMail[]> {
  const rows = await getDb().select({ id: notificationMessages.id }).from(notificationMessages).where(eq(notificationMessages.kind, kind));
  const wanted = new Set(rows.map((row) => `<${row.id}@sessionly>`));
  return smtp.messages.filter((mail) => wanted.has(mail.messageId) && (!to || mail.to.includes(to)));
}

async function adminEmails(): Promise<string[]> {
  const rows = await getDb().select({ email: user.email }).from(user).where(and(eq(user.role, "admin"), sql`coalesce(${user.banned}, false) = false`));
  return rows.map((row) => row.email).sort();
}

/** Lets every queued send finish, then a little longer so a duplicate would have arrived too. */
async function settle() {
  await waitFor(
    () => getDb().select({ status: notificationMessages.status }).from(notificationMessages),
    (rows) => rows.every((row) => row.status === "sent" || row.status === "suppressed"),
    "queued alerts to be sent",
  );
  await new Promise((resolve) => setTimeout(resolve, 700));
}

async function connectCoach(coach: { email: string; name: string }, threshold: { minOpenHours: number; windowDays: number }, offer: string[]) {
  const created = await createUser({ ...coach, role: "coach", timeZone: "America/Chicago" });
  const connection = await connectWithPersonalAccessToken({ ...created, role: "coach" }, harness.emulator.tokenFor(coach.email), { backfill: "none" });
  await getDb().update(eventTypes).set({ offered: true }).where(and(eq(eventTypes.connectionId, connection.id), inArray(eventTypes.name, offer)));
  await getDb().insert(availabilitySettings).values({ coachUserId: created.id, ...threshold });
  ids[coach.email] = created.id;
}

describe("low-availability alerts", () => {
  beforeAll(async () => {
    smtp = await startSmtpSink();
    harness = await startCalendlyHarness({ fixture: "empty", rateLimitPerMinute: 10_000 });
    process.env.SMTP_URL = smtp.url;
    process.env.LINK_SIGNING_SECRET = "test-link-signing-secret-0123456789";
    process.env.NOTIFICATION_RETRY_DELAY_SECONDS = "1";
    resetEnvCache();
    appUrl = env().APP_URL;
    setNotificationClock(() => clock);
    await getDb().execute(
      sql`truncate calendly_connections, calendly_scheduled_events, calendly_event_types, calendly_webhook_deliveries, booking_availability_cache, booking_availability_invalidations, booking_availability_settings cascade`,
    );
    // Morgan is one hour short of her threshold (two offered event types on one schedule: 35 hours, not 70).
    await connectCoach(MORGAN, { minOpenHours: 36, windowDays: 7 }, ["Listing Strategy Session", "Quick Check-in"]);
    // Tom is exactly at his: "under" the threshold is strictly under.
    await connectCoach(TOM, { minOpenHours: 35, windowDays: 7 }, ["Negotiation Drill"]);
    // Lena's times cannot be read (Calendly refuses her token): she is left out rather than alerted on a guess.
    await connectCoach(LENA, { minOpenHours: 168, windowDays: 7 }, ["Accountability Call"]);
    await harness.control("POST", "/faults", { routes: [{ route: "/event_type_available_times", unauthorized_tokens: [harness.emulator.tokenFor(LENA.email)] }] });
    for (const email of ADMINS) await createUser({ email, name: email.split("@")[0], role: "admin" });
    // Deactivated accounts hear nothing: Priya would be far under her threshold, the admin would get the digest.
    await connectCoach(PRIYA, { minOpenHours: 168, windowDays: 7 }, ["Pricing Clinic"]);
    await createUser({ email: DEACTIVATED_ADMIN, role: "admin" });
    await getDb().update(user).set({ banned: true, banReason: "Deactivated by an admin" }).where(inArray(user.email, [PRIYA.email, DEACTIVATED_ADMIN]));
    await createUser({ email: "alerts.realtor@example.com", name: "Riley Realtor", role: "realtor" });
    // The first Saturday noon UTC at least a day ahead: Calendly's 4-hour minimum notice never reaches the window.
    const tomorrow = DateTime.utc().plus({ days: 1 });
    saturdayNoon = tomorrow.plus({ days: (6 - tomorrow.weekday + 7) % 7 }).set({ hour: 12, minute: 0, second: 0, millisecond: 0 }).toJSDate();
    if (saturdayNoon.getTime() < tomorrow.toMillis()) saturdayNoon = new Date(saturdayNoon.getTime() + 7 * 86_400_000);
    await registerNotificationHandlers(await getBoss(), { schedules: false });
  });

  afterAll(async () => {
    await getDb().update(user).set({ banned: false, banReason: null }).where(inArray(user.email, [PRIYA.email, DEACTIVATED_ADMIN]));
    setNotificationClock(null);
    delete process.env.SMTP_URL;
    resetEnvCache();
    await harness.control("DELETE", "/faults");
    await stopBoss();
    await harness.stop();
    await smtp.stop();
  });

  beforeEach(async () => {
    clock = saturdayNoon.getTime();
    await getDb().execute(sql`truncate notification_messages, notification_preferences, notification_suppressions, booking_availability_cache`);
    smtp.messages.length = 0;
  });

  it("alerts the coach under their threshold once a day, with the open hours and the threshold, and the admins in a digest", async () => {
    // The first run as the daily cron runs it: a job on the queue, taken by the worker.
    const boss = await getBoss();
    const jobId = await enqueue(QUEUES.notificationLowAvailability, {});
    await waitFor(async () => (await boss.findJobs(QUEUES.notificationLowAvailability, { id: jobId! }))[0]?.state, (state) => state === "completed", "the check job", 30_000);
    const alerts = await waitFor(() => mailsOf("low_availability"), (found) => found.length >= 1, "the coach's alert");
    await settle();

    expect((await mailsOf("low_availability")).map((mail) => mail.to)).toEqual([[MORGAN.email]]);
    const [alert] = alerts;
    expect(alert.subject).toBe("Your availability is running low: 35 hours open in the next 7 days");
    expect(alert.text).toContain("Realtors can book only 35 hours with you over the next 7 days, under the 36 hours you asked us to watch for.");
    expect(alert.text).toMatch(/Open hours:\s*35 hours/);
    expect(alert.text).toMatch(/Your threshold:\s*36 hours/);
    expect(alert.text).toContain(`${appUrl}/calendly`);
    expect(alert.html).toContain(`href="${appUrl}/calendly"`);
    expect(alert.headers.get("list-unsubscribe")).toContain("/api/unsubscribe?token=");

    // One digest per admin (every admin account, not only this file's), naming Morgan only.
    const digests = await mailsOf("admin_digest");
    expect(digests.map((mail) => mail.to[0]).sort()).toEqual(await adminEmails());
    expect(digests.map((mail) => mail.to[0])).toEqual(expect.arrayContaining(ADMINS));
    expect(digests.map((mail) => mail.to[0])).not.toContain(DEACTIVATED_ADMIN);
    for (const digest of digests) {
      expect(digest.subject).toBe("Low availability: 1 coach under threshold");
      expect(digest.text).toMatch(/Morgan Reyes:\s*35 hours open in 7 days \(threshold 36 hours\)/);
      expect(digest.text).not.toContain(TOM.name);
      expect(digest.text).not.toContain(LENA.name);
      expect(digest.text).not.toContain(PRIYA.name);
      expect(digest.html).toContain(`href="${appUrl}/admin/connections"`);
    }
    // Coaches and realtors never get the digest.
    expect(smtp.messages.flatMap((mail) => mail.to).filter((to) => to.startsWith("coach.") && !to.startsWith("coach.morgan"))).toEqual([]);
    expect(smtp.messages.flatMap((mail) => mail.to)).not.toContain("alerts.realtor@example.com");

    // The same day again, in the morning and late in the evening (UTC): nothing new.
    const again = await checkLowAvailability();
    expect(again.alerted).toBe(0);
    expect(again.coaches.map((coach) => coach.email)).toEqual([MORGAN.email]);
    clock = saturdayNoon.getTime() + 11 * 3600_000;
    expect((await checkLowAvailability()).alerted).toBe(0);
    await settle();
    expect(await mailsOf("low_availability")).toHaveLength(1);
    expect(await mailsOf("admin_digest")).toHaveLength(digests.length);

    // The next day: another alert, and another digest for each admin.
    clock = saturdayNoon.getTime() + 86_400_000;
    const nextDay = await checkLowAvailability();
    expect(nextDay.alerted).toBe(1);
    const both = await waitFor(() => mailsOf("low_availability", MORGAN.email), (found) => found.length >= 2, "the next day's alert");
    await settle();
    expect(both).toHaveLength(2);
    expect(both[1].subject).toBe("Your availability is running low: 35 hours open in the next 7 days");
    expect(await mailsOf("admin_digest")).toHaveLength(2 * digests.length);
    const keys = await getDb().select({ key: notificationMessages.idempotencyKey }).from(notificationMessages).where(eq(notificationMessages.kind, "low_availability"));
    const saturday = DateTime.fromJSDate(saturdayNoon, { zone: "UTC" });
    expect(keys.map((row) => row.key).sort()).toEqual([
      `low-availability:${ids[MORGAN.email]}:${saturday.toISODate()}`,
      `low-availability:${ids[MORGAN.email]}:${saturday.plus({ days: 1 }).toISODate()}`,
    ]);
  }, 90_000);

  it("sends nothing, not even a digest, when every readable coach is at or over their threshold", async () => {
    await getDb().update(availabilitySettings).set({ minOpenHours: 35 }).where(eq(availabilitySettings.coachUserId, ids[MORGAN.email]));
    try {
      const result = await checkLowAvailability();
      expect(result).toEqual({ alerted: 0, coaches: [] });
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(await getDb().select().from(notificationMessages)).toHaveLength(0);
      expect(smtp.messages).toHaveLength(0);
    } finally {
      await getDb().update(availabilitySettings).set({ minOpenHours: 36 }).where(eq(availabilitySettings.coachUserId, ids[MORGAN.email]));
    }
  });

  it("alerts a coach left out for unreadable times once Calendly answers for them again", async () => {
    await harness.control("DELETE", "/faults");
    try {
      const result = await checkLowAvailability();
      expect(result.coaches.map((coach) => [coach.email, coach.openHours, coach.thresholdHours]).sort()).toEqual([
        [LENA.email, 2, 168],
        [MORGAN.email, 35, 36],
      ]);
      const [alert] = await waitFor(() => mailsOf("low_availability", LENA.email), (found) => found.length >= 1, "Lena's alert");
      expect(alert.subject).toBe("Your availability is running low: 2 hours open in the next 7 days");
      await settle();
      for (const digest of await mailsOf("admin_digest")) expect(digest.subject).toBe("Low availability: 2 coaches under threshold");
    } finally {
      await harness.control("POST", "/faults", { routes: [{ route: "/event_type_available_times", unauthorized_tokens: [harness.emulator.tokenFor(LENA.email)] }] });
    }
  });

  it("keeps the alert, unsent, for a coach who turned low-availability emails off", async () => {
    await getDb().insert(notificationPreferences).values({ userId: ids[MORGAN.email], ...defaultPreferences("coach"), emailLowAvailability: false });
    expect((await checkLowAvailability()).alerted).toBe(1);
    await settle();
    const [row] = await getDb().select().from(notificationMessages).where(eq(notificationMessages.kind, "low_availability"));
    expect(row.status).toBe("suppressed");
    expect(await mailsOf("low_availability")).toHaveLength(0);
    // The admins still hear about it.
    expect((await mailsOf("admin_digest")).map((mail) => mail.to[0]).sort()).toEqual(await adminEmails());
  });
});
