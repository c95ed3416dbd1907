import { and, eq, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as authRoute from "@/app/api/auth/[...all]/route";
import * as availabilityRoute from "@/app/api/calendly/availability/route";
import * as bookingsRoute from "@/app/api/booking/bookings/route";
import * as coachesRoute from "@/app/api/booking/coaches/route";
import * as findRoute from "@/app/api/booking/find/route";
import * as popupRoute from "@/app/api/booking/popup-bookings/route";
import * as seriesRoute from "@/app/api/booking/series/route";
import * as cancelRemainingRoute from "@/app/api/booking/series/[seriesId]/cancel-remaining/route";
import * as overviewRoute from "@/app/api/booking/availability-overview/route";
import * as settingsRoute from "@/app/api/booking/availability-settings/route";
import { getDb } from "@/lib/db";
import { availabilityCache, bookingAttempts, eventTypes, invitees, scheduledEvents, webhookDeliveries } from "@/lib/db/schema";
import { connectWithPersonalAccessToken } from "@/features/calendly/connection/connect-calendly";
import { processWebhookDelivery } from "@/features/calendly/webhooks/process-webhook-delivery";
import { startCalendlyHarness, type CalendlyHarness } from "../../../tests/helpers/calendly-harness";
import { TestClient } from "../../../tests/helpers/http";
import { createUser } from "../../../tests/helpers/users";
import { availabilityCacheStats, getAvailableTimes } from "./availability-cache";
import { openingsChecksSettled } from "./check-event-type-openings";
import { getAvailabilitySettings, computeOpenHours } from "./coach-availability";
import { invalidateCoachAvailability } from "./invalidate-coach-availability";

let harness: CalendlyHarness;
let coach: { id: string; name: string; email: string };
let realtor: { id: string; email: string };
let offeredUuid: string;
let offeredUri: string;
let hiddenUuid: string;
let connectionId: string;
const realtorClient = new TestClient();
const coachClient = new TestClient();
const ZONE = "America/New_York";

async function signIn(client: TestClient, email: string) {
  const response = await client.call(authRoute.POST, { path: "/api/auth/sign-in/email", params: { all: ["sign-in", "email"] }, body: { email, password: "sessionly-demo" } });
  expect(response.status).toBe(200);
}

function availability(client: TestClient, params: Record<string, string>) {
  return client.call(availabilityRoute.GET, { path: `/api/calendly/availability?${new URLSearchParams(params)}` });
}

/** The next Monday–Sunday week (in the coach's zone) at least two days out, so every weekday can have open times. */
function nextWeek() {
  const monday = DateTime.now().setZone(ZONE).plus({ days: 2 }).startOf("week").plus({ weeks: 1 });
  return { from: monday.toISODate()!, to: monday.plus({ days: 6 }).toISODate()! };
}

async function processPendingDeliveries() {
  await harness.control("POST", "/deliveries/wait");
  for (const delivery of await getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.status, "pending"))) await processWebhookDelivery(delivery.id);
}

describe("availability and booking API", () => {
  beforeAll(async () => {
    harness = await startCalendlyHarness({ fixture: "empty", rateLimitPerMinute: 10_000 });
    await getDb().execute(
      sql`truncate calendly_connections, calendly_scheduled_events, calendly_event_types, calendly_webhook_deliveries, booking_availability_cache, booking_availability_invalidations, booking_availability_settings, booking_series, booking_attempts cascade`,
    );
    const created = await createUser({ email: "coach.morgan@sessionly.test", name: "Morgan Reyes", role: "coach", timeZone: ZONE });
    coach = { id: created.id, name: created.name, email: created.email };
    realtor = await createUser({ email: "realtor.jamie@sessionly.test", name: "Jamie Carter", role: "realtor", timeZone: "America/Chicago" });
    const connection = await connectWithPersonalAccessToken({ ...created, role: "coach" }, harness.emulator.tokenFor(coach.email), { backfill: "none" });
    connectionId = connection.id;
    const types = await getDb().select().from(eventTypes).where(eq(eventTypes.connectionId, connectionId));
    const offered = types.find((type) => type.name === "Listing Strategy Session")!;
    const hidden = types.find((type) => type.name === "Quick Check-in")!;
    await getDb().update(eventTypes).set({ offered: true }).where(eq(eventTypes.uri, offered.uri));
    offeredUuid = offered.uuid;
    offeredUri = offered.uri;
    hiddenUuid = hidden.uuid;
    await signIn(realtorClient, realtor.email);
    await signIn(coachClient, coach.email);
  }, 60_000);
  afterAll(async () => harness.stop());
  beforeEach(async () => {
    // The directory re-checks openings in the background; let those land before emptying the cache they write to.
    await openingsChecksSettled();
    await getDb().execute(sql`truncate booking_availability_cache, booking_availability_invalidations`);
  });

  it("refuses bad input with clear messages", async () => {
    const week = nextWeek();
    const badDate = await availability(realtorClient, { event_type: offeredUuid, from: "2026-13-01", to: week.to, tz: ZONE });
    expect(badDate.status).toBe(400);
    expect(badDate.json.error.fields.from).toBeDefined();
    const reversed = await availability(realtorClient, { event_type: offeredUuid, from: week.to, to: week.from, tz: ZONE });
    expect(reversed.status).toBe(400);
    expect(reversed.json.error.message).toMatch(/end date is before the start date/);
    const tooLong = await availability(realtorClient, { event_type: offeredUuid, from: week.from, to: DateTime.fromISO(week.from).plus({ days: 40 }).toISODate()!, tz: ZONE });
    expect(tooLong.status).toBe(400);
    expect(tooLong.json.error.message).toMatch(/too long: at most 31 days/);
    const badZone = await availability(realtorClient, { event_type: offeredUuid, ...week, tz: "Mars/Olympus" });
    expect(badZone.status).toBe(400);
    expect(badZone.json.error.fields.tz[0]).toMatch(/Unknown time zone/);
    const past = await availability(realtorClient, { event_type: offeredUuid, from: "2020-01-01", to: "2020-01-07", tz: ZONE });
    expect(past.status).toBe(400);
    const unknown = await availability(realtorClient, { event_type: "00000000-0000-0000-0000-000000000000", ...week, tz: ZONE });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.message).toBe("That event type was not found.");
    const unauthenticated = await availability(new TestClient(), { event_type: offeredUuid, ...week, tz: ZONE });
    expect(unauthenticated.status).toBe(401);
  });

  it("hides a non-offered event type from realtors but shows it to its coach", async () => {
    const week = nextWeek();
    const asRealtor = await availability(realtorClient, { event_type: hiddenUuid, ...week, tz: ZONE });
    expect(asRealtor.status).toBe(404);
    expect(asRealtor.json.error.message).toBe("That event type is not offered to realtors.");
    const asCoach = await availability(coachClient, { event_type: hiddenUuid, ...week, tz: ZONE });
    expect(asCoach.status).toBe(200);
    const directory = await realtorClient.call(coachesRoute.GET, { path: "/api/booking/coaches" });
    const morgan = directory.json.coaches.find((item: { coachUserId: string }) => item.coachUserId === coach.id);
    expect(morgan.available).toBe(true);
    expect(morgan.eventTypes.map((item: { uuid: string }) => item.uuid)).toEqual([offeredUuid]);
    const filtered = await realtorClient.call(coachesRoute.GET, { path: "/api/booking/coaches?duration=60" });
    expect(filtered.json.coaches.find((item: { coachUserId: string }) => item.coachUserId === coach.id)).toBeUndefined();
  });

  it("answers a week with days, hours and status, then from the cache", async () => {
    const week = nextWeek();
    const first = await availability(realtorClient, { event_type: offeredUuid, ...week, tz: ZONE });
    expect(first.status).toBe(200);
    expect(first.json.days).toHaveLength(7);
    const monday = first.json.days[0];
    expect(monday.weekday).toBe("Mon");
    expect(monday.slots.length).toBeGreaterThan(5);
    expect(monday.slots[0].time).toBe("09:00"); // Morgan: Mon–Fri 9–12, 13–17 New York
    expect(monday.openHours).toBe(7);
    expect(monday.status).toBe("available");
    expect(first.json.days[5].status).toBe("unavailable"); // Saturday
    expect(first.json.cache.windows.every((window: { outcome: string }) => window.outcome === "miss")).toBe(true);
    expect(first.json.cache.calendlyCalls).toBe(first.json.cache.windows.length);
    expect(first.json.cache.windows.length).toBeLessThanOrEqual(2);

    const mornings = await availability(realtorClient, { event_type: offeredUuid, ...week, tz: ZONE, time_of_day: "morning", min_slots: "100" });
    expect(mornings.json.cache.calendlyCalls).toBe(0);
    expect(mornings.json.cache.windows.every((window: { outcome: string }) => window.outcome === "hit")).toBe(true);
    expect(mornings.json.days[0].slots.every((slot: { time: string }) => slot.time < "12:00")).toBe(true);
    expect(mornings.json.days[0].meetsMinimum).toBe(false);

    // Another zone reads the same cached windows.
    const kolkata = await availability(realtorClient, { event_type: offeredUuid, ...week, tz: "Asia/Kolkata" });
    expect(kolkata.status).toBe(200);
    expect(kolkata.json.days[0].slots[0]?.time ?? kolkata.json.days[1].slots[0].time).toMatch(/^(18|19):30$/);
  });

  it("makes one Calendly call per window for concurrent misses, serves stale entries while refreshing", async () => {
    const week = nextWeek();
    const target = { eventTypeUri: offeredUri, coachUserId: coach.id, connectionId };
    const range = { start: DateTime.fromISO(week.from, { zone: ZONE }).toJSDate(), end: DateTime.fromISO(week.to, { zone: ZONE }).plus({ days: 1 }).toJSDate() };
    const before = availabilityCacheStats().calendlyCalls;
    const answers = await Promise.all(Array.from({ length: 8 }, () => getAvailableTimes(target, range)));
    const windows = answers[0].windows.length;
    expect(availabilityCacheStats().calendlyCalls - before).toBe(windows);
    expect(new Set(answers.map((answer) => answer.slots.length)).size).toBe(1);

    // Age the entries past "fresh": they answer at once (stale) and are refreshed in the background.
    await getDb().execute(sql`update booking_availability_cache set fetched_at = now() - interval '5 minutes'`);
    const stale = await getAvailableTimes(target, range);
    expect(stale.windows.every((window) => window.outcome === "stale")).toBe(true);
    expect(stale.calendlyCalls).toBe(0);
    await expect.poll(async () => (await getDb().select().from(availabilityCache)).every((row) => row.fetchedAt && Date.now() - row.fetchedAt.getTime() < 60_000), { timeout: 10_000 }).toBe(true);
    // Past "stale" an entry is fetched again before answering.
    await getDb().execute(sql`update booking_availability_cache set fetched_at = now() - interval '2 hours'`);
    const expired = await getAvailableTimes(target, range);
    expect(expired.windows.every((window) => window.outcome === "miss")).toBe(true);
  });

  it("waits for another instance that holds the fetch lease instead of calling Calendly", async () => {
    const week = nextWeek();
    const target = { eventTypeUri: offeredUri, coachUserId: coach.id, connectionId };
    const range = { start: DateTime.fromISO(week.from, { zone: ZONE }).toJSDate(), end: DateTime.fromISO(week.from, { zone: ZONE }).plus({ hours: 12 }).toJSDate() };
    const fill = await getAvailableTimes(target, range);
    const [row] = await getDb().select().from(availabilityCache);
    // Pretend another instance is fetching it right now.
    await getDb().update(availabilityCache).set({ slots: null, fetchedAt: null, leaseOwner: "other-instance", leaseUntil: new Date(Date.now() + 5000) }).where(eq(availabilityCache.key, row.key));
    const before = availabilityCacheStats().calendlyCalls;
    const waiting = getAvailableTimes(target, range);
    await new Promise((resolve) => setTimeout(resolve, 200));
    await getDb().update(availabilityCache).set({ slots: row.slots, fetchedAt: new Date(), leaseOwner: null, leaseUntil: null }).where(eq(availabilityCache.key, row.key));
    const answer = await waiting;
    expect(availabilityCacheStats().calendlyCalls - before).toBe(0);
    expect(answer.slots.length).toBe(fill.slots.length);
  });

  it("never stores a fetch that was in flight when the coach's bookings changed", async () => {
    const week = nextWeek();
    const target = { eventTypeUri: offeredUri, coachUserId: coach.id, connectionId };
    const range = { start: DateTime.fromISO(week.from, { zone: ZONE }).toJSDate(), end: DateTime.fromISO(week.from, { zone: ZONE }).plus({ hours: 12 }).toJSDate() };
    await harness.control("POST", "/faults", { routes: [{ route: "/event_type_available_times", latency_ms: 400 }] });
    try {
      const inFlight = getAvailableTimes(target, range);
      await new Promise((resolve) => setTimeout(resolve, 150));
      await invalidateCoachAvailability(getDb(), coach.id);
      const answer = await inFlight;
      expect(answer.slots.length).toBeGreaterThan(0);
      // Only this range's window (a background openings check from another test may fill other windows).
      const rows = (await getDb().select().from(availabilityCache)).filter((row) => row.windowStart <= range.start && row.windowEnd > range.start);
      expect(rows.length).toBeLessThanOrEqual(1);
      expect(rows.map((row) => ({ slots: row.slots === null ? null : "set", lease: row.leaseOwner }))).toEqual(rows.map(() => ({ slots: null, lease: null })));
    } finally {
      await harness.control("DELETE", "/faults");
    }
    const next = await getAvailableTimes(target, range);
    expect(next.windows[0].outcome).toBe("miss");
  });

  it("invalidates the coach's entries when a booking arrives by webhook", async () => {
    const week = nextWeek();
    const first = await availability(realtorClient, { event_type: offeredUuid, ...week, tz: ZONE });
    expect((await getDb().select().from(availabilityCache)).length).toBeGreaterThan(0);
    const start = first.json.days[1].slots[0].start;
    const booked = await harness.control("POST", "/actions/book", { event_type: offeredUri, start_time: start, invitee: { email: "someone@example.com", name: "Someone", timezone: ZONE } });
    expect(booked.status).toBe(201);
    await processPendingDeliveries();
    expect(await getDb().select().from(availabilityCache)).toHaveLength(0);
    const after = await availability(realtorClient, { event_type: offeredUuid, ...week, tz: ZONE });
    expect(after.json.days[1].slots.map((slot: { start: string }) => slot.start)).not.toContain(start);
    expect(after.json.days[1].bookedHours).toBeGreaterThan(0);
  });

  it("books through the Scheduling API, shows it in the copy at once, and never double-books", async () => {
    const week = nextWeek();
    const open = await availability(realtorClient, { event_type: offeredUuid, ...week, tz: ZONE });
    const start = open.json.days[2].slots[3].start;
    const asCoach = await coachClient.call(bookingsRoute.POST, { path: "/api/booking/bookings", body: { eventType: offeredUuid, start, timeZone: ZONE } });
    expect(asCoach.status).toBe(403);
    const past = await realtorClient.call(bookingsRoute.POST, { path: "/api/booking/bookings", body: { eventType: offeredUuid, start: "2020-01-01T10:00:00Z", timeZone: ZONE } });
    expect(past.status).toBe(400);
    expect(past.json.error.message).toMatch(/already passed/);

    const booked = await realtorClient.call(bookingsRoute.POST, {
      path: "/api/booking/bookings",
      body: { eventType: offeredUuid, start, timeZone: "America/Chicago", answers: [{ position: 0, answer: "Price my new listing" }] },
    });
    expect(booked.status, JSON.stringify(booked.json)).toBe(200);
    const [copy] = await getDb().select().from(scheduledEvents).where(eq(scheduledEvents.uuid, booked.json.session.uuid));
    expect(copy).toMatchObject({ status: "active", coachUserId: coach.id });
    expect(copy.startTime.toISOString()).toBe(new Date(start).toISOString());
    const [invitee] = await getDb().select().from(invitees).where(eq(invitees.eventUuid, copy.uuid));
    expect(invitee).toMatchObject({ realtorUserId: realtor.id, schedulingMethod: "api" });
    expect(invitee.tracking).toMatchObject({ utm_source: "sessionly", utm_content: realtor.id });
    expect(invitee.questionsAndAnswers[0].answer).toBe("Price my new listing");

    const again = await realtorClient.call(bookingsRoute.POST, { path: "/api/booking/bookings", body: { eventType: offeredUuid, start, timeZone: ZONE } });
    expect(again.status).toBe(409);
    // Both valid requests count as started bookings for the booking-success metric; only the first completed.
    const attempts = await getDb().select().from(bookingAttempts).where(eq(bookingAttempts.realtorUserId, realtor.id));
    expect(attempts.map((attempt) => ({ method: attempt.method, event: attempt.eventUri })).sort((a, b) => String(a.event).localeCompare(String(b.event)))).toEqual([
      { method: "api", event: copy.uri },
      { method: "api", event: null },
    ]);
    expect(again.json.error.details.reason).toBe("slot_taken");
    const events = await getDb().select().from(scheduledEvents).where(and(eq(scheduledEvents.coachUserId, coach.id), eq(scheduledEvents.startTime, new Date(start))));
    expect(events).toHaveLength(1);
    // The webhook confirms it later without changing anything.
    await processPendingDeliveries();
    expect(await getDb().select().from(invitees).where(eq(invitees.eventUuid, copy.uuid))).toHaveLength(1);
  });

  it("records a booking made in Calendly's popup from the URIs it posts", async () => {
    const week = nextWeek();
    const open = await availability(realtorClient, { event_type: offeredUuid, ...week, tz: ZONE });
    const start = open.json.days[3].slots[0].start;
    const booked = await harness.control("POST", "/actions/book", {
      event_type: offeredUri,
      start_time: start,
      invitee: { email: realtor.email, name: "Jamie Carter", timezone: "America/Chicago" },
      tracking: { utm_source: "sessionly", utm_medium: "popup", utm_content: realtor.id },
    });
    expect(booked.status).toBe(201);
    const recorded = await realtorClient.call(popupRoute.POST, { path: "/api/booking/popup-bookings", body: { eventType: offeredUuid, eventUri: booked.json.resource.event, inviteeUri: booked.json.resource.uri } });
    expect(recorded.status, JSON.stringify(recorded.json)).toBe(200);
    expect(recorded.json.bookedByYou).toBe(true);
    const [invitee] = await getDb().select().from(invitees).where(eq(invitees.uri, booked.json.resource.uri));
    expect(invitee.realtorUserId).toBe(realtor.id);
  });

  it("books a weekly series, reports the taken occurrence, and cancels only the remaining ones", async () => {
    const week = nextWeek();
    const open = await availability(realtorClient, { event_type: offeredUuid, ...week, tz: ZONE });
    const first = open.json.days[0].slots.at(-1).start as string;
    const secondWeek = DateTime.fromISO(first).setZone(ZONE).plus({ weeks: 1 }).toUTC().toISO()!;
    const taken = await harness.control("POST", "/actions/book", { event_type: offeredUri, start_time: secondWeek, invitee: { email: "other@example.com", name: "Other", timezone: ZONE } });
    expect(taken.status).toBe(201);
    await processPendingDeliveries();

    const invalid = await realtorClient.call(seriesRoute.POST, { path: "/api/booking/series", body: { eventType: offeredUuid, start: first, timeZone: ZONE, frequency: "weekly", occurrences: 13 } });
    expect(invalid.status).toBe(400);
    const series = await realtorClient.call(seriesRoute.POST, { path: "/api/booking/series", body: { eventType: offeredUuid, start: first, timeZone: ZONE, frequency: "weekly", occurrences: 3 } });
    expect(series.status, JSON.stringify(series.json)).toBe(200);
    expect(series.json.occurrences.map((item: { status: string }) => item.status)).toEqual(["booked", "unavailable", "booked"]);
    expect(series.json.booked).toBe(2);
    const linked = await getDb().select().from(scheduledEvents).where(eq(scheduledEvents.seriesId, series.json.seriesId));
    expect(linked).toHaveLength(2);

    const listed = await realtorClient.call(seriesRoute.GET, { path: "/api/booking/series" });
    expect(listed.json.series[0]).toMatchObject({ id: series.json.seriesId, remaining: 2 });
    const foreign = await coachClient.call(cancelRemainingRoute.POST, { path: `/api/booking/series/${series.json.seriesId}/cancel-remaining`, params: { seriesId: series.json.seriesId }, body: {} });
    expect(foreign.status).toBe(403);
    const canceled = await realtorClient.call(cancelRemainingRoute.POST, {
      path: `/api/booking/series/${series.json.seriesId}/cancel-remaining`,
      params: { seriesId: series.json.seriesId },
      body: { reason: "Changed plans" },
    });
    expect(canceled.status, JSON.stringify(canceled.json)).toBe(200);
    expect(canceled.json.results.map((item: { status: string }) => item.status)).toEqual(["canceled", "canceled"]);
    const after = await getDb().select().from(scheduledEvents).where(eq(scheduledEvents.seriesId, series.json.seriesId));
    expect(after.every((event) => event.status === "canceled")).toBe(true);
    const twice = await realtorClient.call(cancelRemainingRoute.POST, { path: `/api/booking/series/${series.json.seriesId}/cancel-remaining`, params: { seriesId: series.json.seriesId }, body: {} });
    expect(twice.status).toBe(409);
  }, 60_000);

  it("finds open times across coaches by day range, time of day and duration", async () => {
    const week = nextWeek();
    const found = await realtorClient.call(findRoute.GET, { path: `/api/booking/find?from=${week.from}&to=${week.to}&tz=${ZONE}&time_of_day=afternoon&duration=30&weekdays=2` });
    expect(found.status, JSON.stringify(found.json)).toBe(200);
    expect(found.json.results).toHaveLength(1);
    const result = found.json.results[0];
    expect(result).toMatchObject({ coachName: "Morgan Reyes", eventTypeUuid: offeredUuid });
    for (const slot of result.slots) {
      const local = DateTime.fromISO(slot.start).setZone(ZONE);
      expect(local.weekday).toBe(2);
      expect(local.hour).toBeGreaterThanOrEqual(12);
    }
    const none = await realtorClient.call(findRoute.GET, { path: `/api/booking/find?from=${week.from}&to=${week.to}&tz=${ZONE}&duration=45` });
    expect(none.json.results).toHaveLength(0);
    const tooLong = await realtorClient.call(findRoute.GET, { path: `/api/booking/find?from=${week.from}&to=${DateTime.fromISO(week.from).plus({ days: 20 }).toISODate()}&tz=${ZONE}` });
    expect(tooLong.status).toBe(400);
  });

  it("gives the coach a weekly overview, open hours and a threshold setting", async () => {
    expect(await getAvailabilitySettings(coach.id)).toEqual({ minOpenHours: 5, windowDays: 7 });
    const asRealtor = await realtorClient.call(overviewRoute.GET, { path: "/api/booking/availability-overview" });
    expect(asRealtor.status).toBe(403);
    const saved = await coachClient.call(settingsRoute.PUT, { path: "/api/booking/availability-settings", method: "PUT", body: { minOpenHours: 500, windowDays: 7 } });
    expect(saved.status).toBe(400);
    // A misspelt field is refused, not ignored: nothing is saved.
    const misspelt = await coachClient.call(settingsRoute.PUT, { path: "/api/booking/availability-settings", method: "PUT", body: { minOpenHours: 3, windowDays: 7, windowdays: 14 } });
    expect(misspelt.status).toBe(400);
    expect(misspelt.json.error.fields).toEqual({ windowdays: ["is not a known field"] });
    expect(await getAvailabilitySettings(coach.id)).toEqual({ minOpenHours: 5, windowDays: 7 });
    const ok = await coachClient.call(settingsRoute.PUT, { path: "/api/booking/availability-settings", method: "PUT", body: { minOpenHours: 100, windowDays: 7 } });
    expect(ok.status).toBe(200);
    const overview = await coachClient.call(overviewRoute.GET, { path: `/api/booking/availability-overview?week=${nextWeek().from}&tz=${ZONE}` });
    expect(overview.status, JSON.stringify(overview.json)).toBe(200);
    expect(overview.json.days).toHaveLength(7);
    expect(overview.json.days[0].openHours).toBeGreaterThan(0);
    // Each day's status follows the realtor week view's rule; next Monday has open times, the weekend none.
    expect(overview.json.days[0]).toMatchObject({ weekday: "Mon", past: false, status: "available" });
    expect(overview.json.days[6]).toMatchObject({ weekday: "Sun", past: false, status: "unavailable", openHours: 0 });
    const lastWeek = await coachClient.call(overviewRoute.GET, { path: `/api/booking/availability-overview?week=${DateTime.fromISO(nextWeek().from).minus({ weeks: 3 }).toISODate()}&tz=${ZONE}` });
    expect(lastWeek.status, JSON.stringify(lastWeek.json)).toBe(200);
    expect(lastWeek.json.days.map((day: { past: boolean; status: string }) => [day.past, day.status])).toEqual(Array.from({ length: 7 }, () => [true, "unavailable"]));
    expect(overview.json.lowAvailability).toMatchObject({ low: true, minOpenHours: 100 });
    expect(overview.json.eventTypes[0]).toMatchObject({ uuid: offeredUuid, hasOpenings: true, noOpeningsFix: null });
    const hours = await computeOpenHours(coach.id, 7);
    expect(hours.openHours).toBeGreaterThan(0);
    expect(hours.byEventType[0].uuid).toBe(offeredUuid);
  });
});
