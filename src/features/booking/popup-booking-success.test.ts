import { asc, eq, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as authRoute from "@/app/api/auth/[...all]/route";
import * as availabilityRoute from "@/app/api/calendly/availability/route";
import * as dashboardRoute from "@/app/api/analytics/dashboard/route";
import * as popupBookingsRoute from "@/app/api/booking/popup-bookings/route";
import * as popupStartedRoute from "@/app/api/booking/popup-started/route";
import { getDb } from "@/lib/db";
import { bookingAttempts, eventTypes, webhookDeliveries } from "@/lib/db/schema";
import { connectWithPersonalAccessToken } from "@/features/calendly/connection/connect-calendly";
import { processWebhookDelivery } from "@/features/calendly/webhooks/process-webhook-delivery";
import { startCalendlyHarness, type CalendlyHarness } from "../../../tests/helpers/calendly-harness";
import { TestClient } from "../../../tests/helpers/http";
import { createUser } from "../../../tests/helpers/users";
import { openingsChecksSettled } from "./check-event-type-openings";
import { POPUP_ATTEMPT_REUSE_MS } from "./record-popup-opened";

/**
 * Booking success for bookings made in Calendly's popup, through the route handlers: the page reports the popup
 * opening (a started booking), Calendly's booking completes it (reported back by the page, or by the webhook), and
 * the coach's analytics count started vs completed.
 */
let harness: CalendlyHarness;
let coach: { id: string; email: string };
let realtor: { id: string; email: string };
let otherRealtor: { id: string; email: string };
let offeredUuid: string;
let offeredUri: string;
let hiddenUuid: string;
let groupUuid: string;
let groupUri: string;
const realtorClient = new TestClient();
const otherRealtorClient = new TestClient();
const coachClient = new TestClient();
const ZONE = "America/New_York";

async function signIn(client: TestClient, email: string) {
  const response = await client.call(authRoute.POST, { path: "/api/auth/sign-in/email", params: { all: ["sign-in", "email"] }, body: { email, password: "sessionly-demo" } });
  expect(response.status).toBe(200);
}

function openPopup(client: TestClient, body: unknown) {
  return client.call(popupStartedRoute.POST, { path: "/api/booking/popup-started", body });
}

/** The coach's booking-success row, as their analytics dashboard shows it. */
async function bookingSuccess() {
  const response = await coachClient.call(dashboardRoute.GET, { path: "/api/analytics/dashboard" });
  expect(response.status, JSON.stringify(response.json)).toBe(200);
  const row = response.json.bookingSuccess.coaches.find((item: { coachUserId: string }) => item.coachUserId === coach.id);
  return row ? { started: row.started, completed: row.completed, startedByPopup: row.startedByPopup, successRate: row.successRate } : null;
}

async function attempts() {
  return getDb().select().from(bookingAttempts).orderBy(asc(bookingAttempts.startedAt));
}

async function processPendingDeliveries() {
  await harness.control("POST", "/deliveries/wait");
  for (const delivery of await getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.status, "pending"))) await processWebhookDelivery(delivery.id);
}

let slotIndex = 0;
/** The next unused open time of an event type, from the realtors' week view. */
async function nextOpenStart(eventTypeUuid: string) {
  // The next Monday–Sunday week at least two days out: every weekday has open times.
  const monday = DateTime.now().setZone(ZONE).plus({ days: 2 }).startOf("week").plus({ weeks: 1 });
  const query = new URLSearchParams({ event_type: eventTypeUuid, from: monday.toISODate()!, to: monday.plus({ days: 6 }).toISODate()!, tz: ZONE });
  const week = await realtorClient.call(availabilityRoute.GET, { path: `/api/calendly/availability?${query}` });
  expect(week.status, JSON.stringify(week.json)).toBe(200);
  return (week.json.days as Array<{ slots: Array<{ start: string }> }>).flatMap((day) => day.slots)[slotIndex++].start;
}

/** Books a time of an event type in Calendly, as the popup does (tagged with our utm values). */
async function bookAt(who: { id: string; email: string }, eventTypeUri: string, start: string, options: { tagged?: boolean } = {}) {
  const booked = await harness.control("POST", "/actions/book", {
    event_type: eventTypeUri,
    start_time: start,
    invitee: { email: who.email, name: "Popup Booker", timezone: ZONE },
    ...(options.tagged === false ? {} : { tracking: { utm_source: "sessionly", utm_medium: "popup", utm_campaign: "realtor-booking", utm_content: who.id } }),
  });
  expect(booked.status, JSON.stringify(booked.json)).toBe(201);
  return { eventUri: booked.json.resource.event as string, inviteeUri: booked.json.resource.uri as string };
}

/** Books the next open time of the offered one-on-one event type in Calendly's popup. */
async function bookInPopup(who: { id: string; email: string }, options: { tagged?: boolean } = {}) {
  return bookAt(who, offeredUri, await nextOpenStart(offeredUuid), options);
}

describe("booking success of Calendly popup bookings", () => {
  beforeAll(async () => {
    harness = await startCalendlyHarness({ fixture: "empty", rateLimitPerMinute: 10_000 });
    await getDb().execute(
      sql`truncate calendly_connections, calendly_scheduled_events, calendly_event_types, calendly_webhook_deliveries, booking_availability_cache, booking_availability_invalidations, booking_attempts cascade`,
    );
    const created = await createUser({ email: "coach.morgan@sessionly.test", name: "Morgan Reyes", role: "coach", timeZone: ZONE });
    coach = { id: created.id, email: created.email };
    realtor = await createUser({ email: "popup.realtor@example.com", name: "Jamie Carter", role: "realtor", timeZone: ZONE });
    otherRealtor = await createUser({ email: "popup.other@example.com", name: "Sam Patel", role: "realtor", timeZone: ZONE });
    const connection = await connectWithPersonalAccessToken({ ...created, role: "coach" }, harness.emulator.tokenFor(coach.email), { backfill: "none" });
    const types = await getDb().select().from(eventTypes).where(eq(eventTypes.connectionId, connection.id));
    const offered = types.find((type) => type.name === "Listing Strategy Session")!;
    await getDb().update(eventTypes).set({ offered: true }).where(eq(eventTypes.uri, offered.uri));
    offeredUuid = offered.uuid;
    offeredUri = offered.uri;
    hiddenUuid = types.find((type) => type.name === "Quick Check-in")!.uuid;
    const group = types.find((type) => type.name === "Group Market Update")!;
    await getDb().update(eventTypes).set({ offered: true }).where(eq(eventTypes.uri, group.uri));
    groupUuid = group.uuid;
    groupUri = group.uri;
    await signIn(realtorClient, realtor.email);
    await signIn(otherRealtorClient, otherRealtor.email);
    await signIn(coachClient, coach.email);
  }, 60_000);
  afterAll(async () => {
    await openingsChecksSettled();
    await harness.stop();
  });
  beforeEach(async () => {
    await processPendingDeliveries();
    await getDb().execute(sql`truncate booking_attempts`);
  });

  it("refuses signed-out callers, the wrong role, bad bodies and event types realtors cannot book", async () => {
    expect((await openPopup(new TestClient(), { eventType: offeredUuid })).status).toBe(401);
    const asCoach = await openPopup(coachClient, { eventType: offeredUuid });
    expect(asCoach.status).toBe(403);
    const empty = await openPopup(realtorClient, {});
    expect(empty.status).toBe(400);
    expect(empty.json.error.fields.eventType).toBeDefined();
    expect((await openPopup(realtorClient, { eventType: 42 })).status).toBe(400);
    expect((await openPopup(realtorClient, { eventType: "x".repeat(501) })).status).toBe(400);
    expect((await realtorClient.call(popupStartedRoute.POST, { path: "/api/booking/popup-started", body: "{not json" })).status).toBe(400);
    const unknown = await openPopup(realtorClient, { eventType: "00000000-0000-0000-0000-000000000000" });
    expect(unknown.status).toBe(404);
    const hidden = await openPopup(realtorClient, { eventType: hiddenUuid });
    expect(hidden.status).toBe(404);
    expect(hidden.json.error.message).toBe("That event type is not offered to realtors.");
    expect(await attempts()).toHaveLength(0);
  });

  it("counts an opened popup as one started booking, reused for 30 minutes, and lowers the rate until it completes", async () => {
    const first = await openPopup(realtorClient, { eventType: offeredUuid });
    expect(first.status, JSON.stringify(first.json)).toBe(200);
    expect(first.json.reused).toBe(false);
    // Closed and opened again, twice at once (a double click): the same attempt.
    const again = await Promise.all([openPopup(realtorClient, { eventType: offeredUuid }), openPopup(realtorClient, { eventType: offeredUri })]);
    expect(again.map((response) => [response.status, response.json.attemptId, response.json.reused])).toEqual([
      [200, first.json.attemptId, true],
      [200, first.json.attemptId, true],
    ]);
    expect(await attempts()).toMatchObject([{ coachUserId: coach.id, realtorUserId: realtor.id, eventTypeUri: offeredUri, method: "popup", completedAt: null }]);
    expect(await bookingSuccess()).toEqual({ started: 1, completed: 0, startedByPopup: 1, successRate: 0 });

    // Another realtor opening it is their own start.
    expect((await openPopup(otherRealtorClient, { eventType: offeredUuid })).json.reused).toBe(false);
    // Half an hour later the first realtor's opening is a new start.
    await getDb().update(bookingAttempts).set({ startedAt: new Date(Date.now() - POPUP_ATTEMPT_REUSE_MS - 60_000) }).where(eq(bookingAttempts.id, first.json.attemptId));
    const later = await openPopup(realtorClient, { eventType: offeredUuid });
    expect(later.json).toMatchObject({ reused: false });
    expect(later.json.attemptId).not.toBe(first.json.attemptId);
    expect(await bookingSuccess()).toEqual({ started: 3, completed: 0, startedByPopup: 3, successRate: 0 });
  });

  it("completes the opened attempt with the booking the page posts back, once, webhook or not", async () => {
    const opened = await openPopup(realtorClient, { eventType: offeredUuid });
    const booking = await bookInPopup(realtor);
    const posted = await realtorClient.call(popupBookingsRoute.POST, { path: "/api/booking/popup-bookings", body: { eventType: offeredUuid, ...booking } });
    expect(posted.status, JSON.stringify(posted.json)).toBe(200);
    const [attempt] = await attempts();
    expect(attempt).toMatchObject({ id: opened.json.attemptId, eventUri: booking.eventUri });
    expect(attempt.completedAt).not.toBeNull();
    expect(await bookingSuccess()).toEqual({ started: 1, completed: 1, startedByPopup: 1, successRate: 1 });

    // The webhook and a repeated post find it done.
    await processPendingDeliveries();
    expect((await realtorClient.call(popupBookingsRoute.POST, { path: "/api/booking/popup-bookings", body: { eventType: offeredUuid, ...booking } })).status).toBe(200);
    expect(await attempts()).toHaveLength(1);

    // A popup opened and left without booking: started, not completed, so the rate drops.
    await openPopup(otherRealtorClient, { eventType: offeredUuid });
    expect(await bookingSuccess()).toEqual({ started: 2, completed: 1, startedByPopup: 2, successRate: 0.5 });
    // Opening the popup again after a completed booking is a new start.
    expect((await openPopup(realtorClient, { eventType: offeredUuid })).json.reused).toBe(false);
    expect(await bookingSuccess()).toEqual({ started: 3, completed: 1, startedByPopup: 3, successRate: 1 / 3 });
  });

  it("completes it from the webhook when the page never reports the booking back", async () => {
    const opened = await openPopup(realtorClient, { eventType: offeredUuid });
    const booking = await bookInPopup(realtor);
    await processPendingDeliveries();
    expect(await attempts()).toMatchObject([{ id: opened.json.attemptId, eventUri: booking.eventUri }]);
    expect(await bookingSuccess()).toEqual({ started: 1, completed: 1, startedByPopup: 1, successRate: 1 });
    // Reported late: still one attempt.
    expect((await realtorClient.call(popupBookingsRoute.POST, { path: "/api/booking/popup-bookings", body: { eventType: offeredUuid, ...booking } })).status).toBe(200);
    expect(await attempts()).toHaveLength(1);
  });

  it("never lets a booking made elsewhere complete an opened popup", async () => {
    await openPopup(realtorClient, { eventType: offeredUuid });
    // The same realtor books on Calendly's own page (no Sessionly utm values): not a popup booking.
    const elsewhere = await bookInPopup(realtor, { tagged: false });
    await processPendingDeliveries();
    // Another realtor posts that booking's URIs: shown to them, counted for nobody.
    const foreign = await otherRealtorClient.call(popupBookingsRoute.POST, { path: "/api/booking/popup-bookings", body: { eventType: offeredUuid, ...elsewhere } });
    expect(foreign.status).toBe(200);
    expect(foreign.json.bookedByYou).toBe(false);
    expect((await attempts()).map((attempt) => [attempt.realtorUserId, attempt.eventUri])).toEqual([[realtor.id, null]]);
    expect(await bookingSuccess()).toEqual({ started: 1, completed: 0, startedByPopup: 1, successRate: 0 });
  });

  it("still counts a popup booking once when its opening was never recorded", async () => {
    const booking = await bookInPopup(realtor);
    const posted = await realtorClient.call(popupBookingsRoute.POST, { path: "/api/booking/popup-bookings", body: { eventType: offeredUuid, ...booking } });
    expect(posted.status).toBe(200);
    await processPendingDeliveries();
    expect((await attempts()).map((attempt) => [attempt.method, attempt.realtorUserId, attempt.eventUri, attempt.completedAt !== null])).toEqual([
      ["popup", realtor.id, booking.eventUri, true],
    ]);
    expect(await bookingSuccess()).toEqual({ started: 1, completed: 1, startedByPopup: 1, successRate: 1 });
  });

  it("completes one attempt per realtor when two realtors book the same group session in the popup", async () => {
    const first = await openPopup(realtorClient, { eventType: groupUuid });
    const second = await openPopup(otherRealtorClient, { eventType: groupUuid });
    expect([first.status, second.status]).toEqual([200, 200]);
    const start = await nextOpenStart(groupUuid);
    const mine = await bookAt(realtor, groupUri, start);
    const theirs = await bookAt(otherRealtor, groupUri, start);
    // One Calendly event, two invitees.
    expect(theirs.eventUri).toBe(mine.eventUri);
    expect(theirs.inviteeUri).not.toBe(mine.inviteeUri);
    // The first realtor's page reports the booking; the second one's is only seen by the webhook.
    const posted = await realtorClient.call(popupBookingsRoute.POST, { path: "/api/booking/popup-bookings", body: { eventType: groupUuid, ...mine } });
    expect(posted.status, JSON.stringify(posted.json)).toBe(200);
    await processPendingDeliveries();
    // Reported late by the second page, and again by the first: no new attempt, no second completion.
    for (const [client, booking] of [[otherRealtorClient, theirs], [realtorClient, mine]] as const) {
      expect((await client.call(popupBookingsRoute.POST, { path: "/api/booking/popup-bookings", body: { eventType: groupUuid, ...booking } })).status).toBe(200);
    }
    const rows = await attempts();
    expect(rows.map((attempt) => [attempt.id, attempt.realtorUserId, attempt.eventUri, attempt.completedAt !== null]).sort()).toEqual(
      [
        [first.json.attemptId, realtor.id, mine.eventUri, true],
        [second.json.attemptId, otherRealtor.id, mine.eventUri, true],
      ].sort(),
    );
    expect(await bookingSuccess()).toEqual({ started: 2, completed: 2, startedByPopup: 2, successRate: 1 });
  });
});
