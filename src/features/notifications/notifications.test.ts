import { asc, eq, sql } from "drizzle-orm";
import ical from "node-ical";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { invitees, notificationMessages, notificationReminders, webhookDeliveries } from "@/lib/db/schema";
import { getBoss, stopBoss, enqueue } from "@/lib/jobs/boss";
import { QUEUES } from "@/lib/jobs/queues";
import { resetEnvCache } from "@/lib/env";
import * as unsubscribeRoute from "@/app/api/unsubscribe/route";
import { connectWithPersonalAccessToken } from "@/features/calendly/connection/connect-calendly";
import { processWebhookDelivery } from "@/features/calendly/webhooks/process-webhook-delivery";
import { onInviteeSynced } from "@/features/calendly/sync/sync-hooks";
import { startCalendlyHarness, type CalendlyHarness } from "../../../tests/helpers/calendly-harness";
import { openStartTimes } from "../../../tests/helpers/calendly-actions";
import { TestClient } from "../../../tests/helpers/http";
import { createUser } from "../../../tests/helpers/users";
import { setNotificationClock } from "./notification-clock";
import { getNotificationPreferences } from "./notification-preferences";
import { registerNotificationHandlers } from "./notification-jobs";
import { sendOutboxMessage } from "./send-outbox-message";
import { startSmtpSink, type ReceivedMail, type SmtpSink } from "./testing/smtp-sink";

/**
 * End to end through the emulator: Calendly changes arrive as signed webhooks, the sync calls onInviteeSynced, the
 * outbox is written in the same transaction, a real pg-boss worker sends through nodemailer to a real SMTP server on
 * loopback, and reminders follow the emulator's clock.
 */
let harness: CalendlyHarness;
let smtp: SmtpSink;
let coachUserId: string;
let eventTypeUri: string;
let coachToken: string;
const COACH = "coach.morgan@sessionly.test";
const LA_REALTOR = "realtor.jamie@sessionly.test";
const KOLKATA_REALTOR = "realtor.asha@sessionly.test";

async function waitFor<T>(read: () => T | Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 20_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)?.slice(0, 400)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function processDeliveries() {
  await harness.control("POST", "/deliveries/wait");
  const pending = await getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.status, "pending")).orderBy(asc(webhookDeliveries.receivedAt));
  for (const delivery of pending) await processWebhookDelivery(delivery.id);
}

async function book(start: string, email: string, name: string, timezone: string) {
  const result = await harness.control("POST", "/actions/book", { event_type: eventTypeUri, start_time: start, invitee: { email, name, timezone } });
  expect(result.status).toBe(201);
  await processDeliveries();
  const inviteeUri = result.json.resource.uri as string;
  const [row] = await getDb().select().from(invitees).where(eq(invitees.uri, inviteeUri));
  return { inviteeUri, eventUuid: row.eventUuid };
}

async function slotsFrom(from: Date, days = 7) {
  const slots = await openStartTimes(harness, coachToken, eventTypeUri, from, days);
  expect(slots.length).toBeGreaterThan(3);
  return slots;
}

/** Mail received for a session: matched through the outbox (each message's Message-ID is its outbox id). */
async function mailsFor(eventUuid: string, predicate: (mail: ReceivedMail) => boolean = () => true) {
  const rows = await getDb().select({ id: notificationMessages.id }).from(notificationMessages).where(eq(notificationMessages.eventUuid, eventUuid));
  const ids = new Set(rows.map((row) => `<${row.id}@sessionly>`));
  return smtp.messages.filter((mail) => ids.has(mail.messageId) && predicate(mail));
}

function calendarOf(mail: ReceivedMail) {
  expect(mail.calendar, `no invite in "${mail.subject}"`).toBeTruthy();
  const parsed = ical.sync.parseICS(mail.calendar!);
  const event = Object.values(parsed).find((entry) => entry?.type === "VEVENT") as ical.VEvent;
  const method = /^METHOD:(\w+)/m.exec(mail.calendar!)?.[1];
  return { event, method };
}

async function remindersOf(inviteeUri: string) {
  return getDb().select().from(notificationReminders).where(eq(notificationReminders.inviteeUri, inviteeUri)).orderBy(asc(notificationReminders.dueAt));
}

async function startWorker() {
  await registerNotificationHandlers(await getBoss(), { schedules: false });
}

/** One tick of the per-minute sweep, through the queue and the worker, as the cron would run it. */
async function sweepTick() {
  const boss = await getBoss();
  const id = await enqueue(QUEUES.notificationReminderSweep, {});
  await waitFor(async () => (await boss.findJobs(QUEUES.notificationReminderSweep, { id: id! }))[0]?.state, (state) => state === "completed", "the sweep job");
}

async function setClock(at: Date | string) {
  await harness.control("POST", "/clock", { set: new Date(at).toISOString() });
}

describe("notifications", () => {
  beforeAll(async () => {
    smtp = await startSmtpSink();
    // Reconciliation reads every event: a higher per-user limit keeps it clear of Calendly's 500/min.
    harness = await startCalendlyHarness({ webhookSignatureTime: "wall", rateLimitPerMinute: 10_000 });
    process.env.SMTP_URL = smtp.url;
    process.env.LINK_SIGNING_SECRET = "test-link-signing-secret-0123456789";
    process.env.NOTIFICATION_RETRY_DELAY_SECONDS = "1";
    resetEnvCache();
    setNotificationClock(() => harness.emulator.clock.now());
    await getDb().execute(sql`truncate calendly_connections, calendly_scheduled_events, calendly_event_types, calendly_webhook_deliveries cascade`);
    const coach = await createUser({ email: COACH, name: "Morgan Reyes", role: "coach", timeZone: "America/Chicago" });
    await createUser({ email: LA_REALTOR, name: "Jamie Carter", role: "realtor", timeZone: "America/Los_Angeles" });
    await createUser({ email: KOLKATA_REALTOR, name: "Asha Rao", role: "realtor", timeZone: "Asia/Kolkata" });
    coachToken = harness.emulator.tokenFor(COACH);
    const connection = await connectWithPersonalAccessToken({ ...coach, role: "coach" }, coachToken, { backfill: "none" });
    expect(connection.id).toBeTruthy();
    coachUserId = coach.id;
    const state = await harness.control("GET", "/state");
    const morgan = state.json.users.find((entry: { email: string }) => entry.email === COACH);
    eventTypeUri = morgan.event_types.find((eventType: { duration: number; kind: string; active: boolean }) => eventType.duration === 30 && eventType.kind === "solo" && eventType.active).uri;
    await startWorker();
  });

  afterAll(async () => {
    setNotificationClock(null);
    delete process.env.SMTP_URL;
    resetEnvCache();
    await stopBoss();
    await harness.stop();
    await smtp.stop();
  });

  beforeEach(async () => {
    await setClock(new Date());
    await getDb().execute(sql`truncate notification_messages, notification_reminders, notification_invitee_state, notification_preferences, notification_suppressions`);
    smtp.messages.length = 0;
  });

  it("sends a booking confirmation to the realtor and the coach, each with a parseable invite, once", async () => {
    const [slot] = await slotsFrom(new Date(Date.now() + 3 * 86_400_000));
    const { inviteeUri, eventUuid } = await book(slot, LA_REALTOR, "Jamie Carter", "America/Los_Angeles");
    const mails = await waitFor(() => mailsFor(eventUuid), (found) => found.length >= 2, "two confirmations");
    expect(mails.map((mail) => mail.to[0]).sort()).toEqual([COACH, LA_REALTOR]);
    for (const mail of mails) {
      expect(mail.subject).toMatch(/^Booked: /);
      const { event, method } = calendarOf(mail);
      expect(method).toBe("REQUEST");
      expect(event.uid).toBe(`${eventUuid}@sessionly`);
      expect(new Date(event.start).toISOString()).toBe(new Date(slot).toISOString());
      expect(mail.headers.get("list-unsubscribe")).toContain("/api/unsubscribe?token=");
    }
    // Each side in their own zone, named.
    expect(mails.find((mail) => mail.to[0] === LA_REALTOR)!.text).toContain("(America/Los_Angeles)");
    expect(mails.find((mail) => mail.to[0] === COACH)!.text).toContain("(America/Chicago)");

    // Reminders: 24 h and 1 h before, for both.
    const reminders = await remindersOf(inviteeUri);
    expect(reminders.map((reminder) => [reminder.recipientRole, reminder.offsetMinutes, reminder.status]).sort()).toEqual(
      [["coach", 1440, "scheduled"], ["coach", 60, "scheduled"], ["realtor", 1440, "scheduled"], ["realtor", 60, "scheduled"]].sort(),
    );
    expect(reminders.every((reminder) => reminder.jobId)).toBe(true);

    // A replayed delivery and a reconciliation decide again from the copy: nothing new is queued or sent.
    const [delivery] = await getDb().select().from(webhookDeliveries).orderBy(asc(webhookDeliveries.receivedAt));
    await getDb().update(webhookDeliveries).set({ status: "pending" }).where(eq(webhookDeliveries.id, delivery.id));
    await processWebhookDelivery(delivery.id);
    // What a reconciliation does for a repaired invitee: the same hook, in its own transaction.
    await getDb().transaction((tx) => onInviteeSynced(tx, { inviteeUri, eventUuid, coachUserId, source: "reconcile" }));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await mailsFor(eventUuid)).toHaveLength(2);
    const rows = await getDb().select().from(notificationMessages).where(eq(notificationMessages.eventUuid, eventUuid));
    expect(rows).toHaveLength(2);
    expect(await remindersOf(inviteeUri)).toHaveLength(4);
  });

  it("on cancellation removes the pending reminders and sends the cancellation with who and why", async () => {
    const [slot] = await slotsFrom(new Date(Date.now() + 3 * 86_400_000));
    const { inviteeUri, eventUuid } = await book(slot, LA_REALTOR, "Jamie Carter", "America/Los_Angeles");
    await waitFor(() => mailsFor(eventUuid), (found) => found.length >= 2, "confirmations");
    const jobIds = (await remindersOf(inviteeUri)).map((reminder) => reminder.jobId!);

    await harness.control("POST", "/actions/cancel", { invitee: inviteeUri, reason: "Closing on a house that day", canceler_type: "invitee" });
    await processDeliveries();

    const reminders = await remindersOf(inviteeUri);
    expect(reminders.map((reminder) => reminder.status)).toEqual(["canceled", "canceled", "canceled", "canceled"]);
    const boss = await getBoss();
    for (const id of jobIds) expect((await boss.findJobs(QUEUES.notificationReminder, { id }))[0]?.state).toBe("cancelled");

    const cancellations = await waitFor(() => mailsFor(eventUuid, (mail) => mail.subject.startsWith("Canceled")), (found) => found.length >= 2, "cancellations");
    for (const mail of cancellations) {
      expect(mail.text).toContain("Closing on a house that day");
      expect(mail.text).toContain("Jamie Carter");
      const { event, method } = calendarOf(mail);
      expect(method).toBe("CANCEL");
      expect(event.uid).toBe(`${eventUuid}@sessionly`);
    }
    // Past the minute of the 1 h reminder, nothing goes out for the canceled session.
    await setClock(new Date(new Date(slot).getTime() - 30 * 60_000));
    await sweepTick();
    expect(await mailsFor(eventUuid, (mail) => mail.subject.startsWith("Reminder"))).toHaveLength(0);
  });

  it("on reschedule moves the reminders and sends old → new time with an updated invite of the same UID", async () => {
    const slots = await slotsFrom(new Date(Date.now() + 3 * 86_400_000));
    const { inviteeUri, eventUuid } = await book(slots[0], LA_REALTOR, "Jamie Carter", "America/Los_Angeles");
    await waitFor(() => mailsFor(eventUuid), (found) => found.length >= 2, "confirmations");

    const moved = await harness.control("POST", "/actions/reschedule", { invitee: inviteeUri, start_time: slots[3] });
    expect(moved.status).toBe(201);
    await processDeliveries();
    const newInviteeUri = moved.json.resource.uri as string;
    const [newRow] = await getDb().select().from(invitees).where(eq(invitees.uri, newInviteeUri));

    expect((await remindersOf(inviteeUri)).every((reminder) => reminder.status === "canceled")).toBe(true);
    const newReminders = await remindersOf(newInviteeUri);
    expect(newReminders).toHaveLength(4);
    for (const reminder of newReminders) {
      expect(reminder.status).toBe("scheduled");
      expect(reminder.dueAt.getTime()).toBe(new Date(slots[3]).getTime() - reminder.offsetMinutes * 60_000);
    }

    const rescheduled = await waitFor(() => mailsFor(newRow.eventUuid, (mail) => mail.subject.startsWith("Rescheduled")), (found) => found.length >= 2, "reschedule notices");
    const toRealtor = rescheduled.find((mail) => mail.to[0] === LA_REALTOR)!;
    expect(toRealtor.text).toMatch(/Was:/);
    expect(toRealtor.text).toMatch(/Now:/);
    const { event, method } = calendarOf(toRealtor);
    expect(method).toBe("REQUEST");
    expect(event.uid).toBe(`${eventUuid}@sessionly`);
    expect(new Date(event.start).toISOString()).toBe(new Date(slots[3]).toISOString());
    // A reschedule is never a cancellation.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(smtp.messages.filter((mail) => mail.subject.startsWith("Canceled"))).toHaveLength(0);
  });

  it("sends a reminder once, at its minute on the emulator's clock, even when the worker restarts in between", async () => {
    const [slot] = await slotsFrom(new Date(Date.now() + 3 * 86_400_000));
    const { inviteeUri, eventUuid } = await book(slot, LA_REALTOR, "Jamie Carter", "America/Los_Angeles");
    await waitFor(() => mailsFor(eventUuid), (found) => found.length >= 2, "confirmations");
    const hourBefore = (await remindersOf(inviteeUri)).find((reminder) => reminder.recipientRole === "realtor" && reminder.offsetMinutes === 60)!;
    const realtorReminders = () => mailsFor(eventUuid, (mail) => mail.to[0] === LA_REALTOR && mail.subject.includes("in 1 hour"));

    await setClock(new Date(hourBefore.dueAt.getTime() - 2 * 60_000));
    await sweepTick();
    // The 24 h reminders are long due by now and go out; the 1 h one is not due yet.
    await waitFor(() => mailsFor(eventUuid, (mail) => mail.subject.includes("in 1 day")), (found) => found.length === 2, "the 24 h reminders");
    expect(await realtorReminders()).toHaveLength(0);

    // The worker goes away and comes back; its state is in the database.
    await stopBoss();
    await startWorker();

    await harness.control("POST", "/clock", { advance_minutes: 1 });
    await sweepTick();
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await realtorReminders()).toHaveLength(0);
    expect((await remindersOf(inviteeUri)).find((reminder) => reminder.id === hourBefore.id)!.status).toBe("scheduled");

    await harness.control("POST", "/clock", { advance_minutes: 1 });
    await sweepTick();
    const sent = await waitFor(realtorReminders, (found) => found.length === 1, "the 1 h reminder");
    expect(sent[0].text).toContain("(America/Los_Angeles)");
    // The reminder's own job and later sweeps find it done.
    const { processReminder } = await import("./reminders");
    expect((await processReminder(hourBefore.id)).outcome).toBe("done");
    await harness.control("POST", "/clock", { advance_minutes: 5 });
    await sweepTick();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    expect(await realtorReminders()).toHaveLength(1);
    expect(await mailsFor(eventUuid, (mail) => mail.subject.includes("in 1 day"))).toHaveLength(2);

    // After the start nothing more is sent.
    await setClock(new Date(new Date(slot).getTime() + 60_000));
    await sweepTick();
    expect(await mailsFor(eventUuid, (mail) => mail.subject.startsWith("Reminder"))).toHaveLength(4);
  });

  it("retries through an SMTP outage and then delivers each message exactly once", async () => {
    const [slot] = await slotsFrom(new Date(Date.now() + 3 * 86_400_000));
    await smtp.stop();
    const { eventUuid } = await book(slot, LA_REALTOR, "Jamie Carter", "America/Los_Angeles");
    const failing = await waitFor(
      () => getDb().select().from(notificationMessages).where(eq(notificationMessages.eventUuid, eventUuid)),
      (rows) => rows.length === 2 && rows.every((row) => row.attempts >= 2 && row.status === "pending"),
      "failed attempts",
    );
    expect(failing[0].lastError).toMatch(/ECONNREFUSED|connect/i);
    await smtp.start();
    await waitFor(() => mailsFor(eventUuid), (found) => found.length >= 2, "delivery after the outage");
    const rows = await waitFor(
      () => getDb().select().from(notificationMessages).where(eq(notificationMessages.eventUuid, eventUuid)),
      (found) => found.every((row) => row.status === "sent"),
      "sent status",
    );
    // A late duplicate of the job finds the message sent.
    for (const row of rows) expect(await sendOutboxMessage(row.id)).toBe("already_sent");
    await new Promise((resolve) => setTimeout(resolve, 1500));
    const received = await mailsFor(eventUuid);
    expect(received).toHaveLength(2);
    expect(new Set(received.map((mail) => mail.messageId)).size).toBe(2);
  });

  it("writes times for Asia/Kolkata and America/Los_Angeles right across the US DST change", async () => {
    // US clocks spring forward on Sun 14 Mar 2027 (PST −8 → PDT −7); India has no DST (+5:30).
    await setClock("2027-03-11T12:00:00Z");
    const slots = await slotsFrom(new Date("2027-03-12T00:00:00Z"), 6);
    const before = slots.find((slot) => new Date(slot) < new Date("2027-03-14T10:00:00Z"))!;
    const after = slots.find((slot) => new Date(slot) > new Date("2027-03-14T10:00:00Z"))!;
    expect(before && after).toBeTruthy();
    const expectedWallClock = (iso: string, offsetMinutes: number) => {
      const local = new Date(new Date(iso).getTime() + offsetMinutes * 60_000);
      const end = new Date(local.getTime() + 30 * 60_000);
      const day = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"][local.getUTCDay()];
      const hm = (date: Date) => `${String(date.getUTCHours()).padStart(2, "0")}:${String(date.getUTCMinutes()).padStart(2, "0")}`;
      return `${day} ${local.getUTCDate()} Mar, ${hm(local)}–${hm(end)}`;
    };

    const laBefore = await book(before, LA_REALTOR, "Jamie Carter", "America/Los_Angeles");
    const laAfter = await book(after, LA_REALTOR, "Jamie Carter", "America/Los_Angeles");
    const kolkata = await book(slots[slots.indexOf(after) + 1], KOLKATA_REALTOR, "Asha Rao", "Asia/Kolkata");
    const realtorMail = async (eventUuid: string, email: string) => (await waitFor(() => mailsFor(eventUuid, (mail) => mail.to[0] === email), (found) => found.length >= 1, "confirmation"))[0];

    const mailBefore = await realtorMail(laBefore.eventUuid, LA_REALTOR);
    expect(mailBefore.text).toContain(`${expectedWallClock(before, -8 * 60)} (America/Los_Angeles)`);
    const mailAfter = await realtorMail(laAfter.eventUuid, LA_REALTOR);
    expect(mailAfter.text).toContain(`${expectedWallClock(after, -7 * 60)} (America/Los_Angeles)`);
    const kolkataStart = slots[slots.indexOf(after) + 1];
    const mailKolkata = await realtorMail(kolkata.eventUuid, KOLKATA_REALTOR);
    expect(mailKolkata.text).toContain(`${expectedWallClock(kolkataStart, 5.5 * 60)} (Asia/Kolkata)`);
    // The invites carry UTC instants whatever the server's or the recipient's zone.
    expect(mailAfter.calendar).toMatch(new RegExp(`DTSTART:${after.replace(/[-:]/g, "").replace(/\.\d+/, "").replace(/Z$/, "")}Z`));
    expect(new Date(calendarOf(mailKolkata).event.start).toISOString()).toBe(new Date(kolkataStart).toISOString());
    // Reminder offsets are durations: 24 h before a PDT session is 24 real hours, across the switch.
    const dayBefore = (await remindersOf(laAfter.inviteeUri)).find((reminder) => reminder.offsetMinutes === 1440)!;
    expect(dayBefore.dueAt.getTime()).toBe(new Date(after).getTime() - 24 * 3600_000);
  });

  it("unsubscribes through the signed link, refuses a tampered or revoked one", async () => {
    const [slot] = await slotsFrom(new Date(Date.now() + 3 * 86_400_000));
    const { eventUuid } = await book(slot, LA_REALTOR, "Jamie Carter", "America/Los_Angeles");
    const [mail] = await waitFor(() => mailsFor(eventUuid, (found) => found.to[0] === LA_REALTOR), (found) => found.length >= 1, "confirmation");
    const token = decodeURIComponent(/\/unsubscribe\?token=([^\s\]"&)]+)/.exec(mail.text)![1]);
    const [realtor] = await getDb().execute<{ id: string }>(sql`select id from "user" where email = ${LA_REALTOR}`).then((result) => result.rows);
    const client = new TestClient();
    const call = (value: string, scope = "kind") =>
      client.call(unsubscribeRoute.POST, { method: "POST", path: `/api/unsubscribe?token=${encodeURIComponent(value)}&scope=${scope}`, headers: { origin: "" } });

    const tampered = token.replace(/^(.)/, (first) => (first === "e" ? "f" : "e"));
    expect((await call(tampered)).status).toBe(403);
    const [payload, signature] = token.split(".");
    expect((await call(`${payload}.${signature.slice(0, -2)}AA`)).status).toBe(403);
    expect((await getNotificationPreferences(getDb(), realtor.id, "realtor")).emailBookingConfirmations).toBe(true);

    const done = await call(token);
    expect(done.status).toBe(200);
    expect(done.json).toMatchObject({ unsubscribed: true, kind: "booking_confirmation" });
    const preferences = await getNotificationPreferences(getDb(), realtor.id, "realtor");
    expect(preferences.emailBookingConfirmations).toBe(false);
    expect(preferences.emailReminders).toBe(true);

    // The next booking's confirmation is kept as suppressed, never sent.
    const [, second] = await slotsFrom(new Date(Date.now() + 4 * 86_400_000));
    const next = await book(second, LA_REALTOR, "Jamie Carter", "America/Los_Angeles");
    const rows = await getDb().select().from(notificationMessages).where(eq(notificationMessages.eventUuid, next.eventUuid));
    expect(rows.find((row) => row.recipientEmail === LA_REALTOR)?.status).toBe("suppressed");

    // Revoking links (a new link version) makes the old link useless.
    await getDb().execute(sql`update notification_preferences set link_version = link_version + 1 where user_id = ${realtor.id}`);
    expect((await call(token, "all")).status).toBe(403);
  });
});
