import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { invitees, scheduledEvents, syncRuns, webhookDeliveries } from "@/lib/db/schema";
import { startCalendlyHarness, type CalendlyHarness } from "../../../../tests/helpers/calendly-harness";
import { calendlyGet, openStartTimes } from "../../../../tests/helpers/calendly-actions";
import { createUser } from "../../../../tests/helpers/users";
import { connectWithPersonalAccessToken } from "../connection/connect-calendly";
import { processWebhookDelivery } from "../webhooks/process-webhook-delivery";
import { reconcileConnection } from "./reconcile-connection";

let harness: CalendlyHarness;
let connectionId: string;
let coachId: string;
let token: string;
let eventTypeUri: string;

interface Page<T> {
  collection: T[];
  pagination: { next_page: string | null };
}
type Event = { uri: string; status: string; start_time: string; updated_at: string };
type Invitee = { uri: string; status: string; rescheduled: boolean; no_show: { uri: string } | null; cancellation?: { reason: string | null } | null };

/** Calendly's truth for the coach over the reconciliation window, read through its public API. */
async function calendlyTruth() {
  const user = await calendlyGet<{ resource: { uri: string } }>(harness, token, "/users/me");
  const min = new Date(Date.now() - 30 * 24 * 3600 * 1000).toISOString();
  const max = new Date(Date.now() + 180 * 24 * 3600 * 1000).toISOString();
  let next: string | null = `/scheduled_events?user=${encodeURIComponent(user.resource.uri)}&min_start_time=${min}&max_start_time=${max}&count=100`;
  const events: Array<Event & { invitees: Invitee[] }> = [];
  while (next) {
    const page: Page<Event> = await calendlyGet<Page<Event>>(harness, token, next);
    for (const event of page.collection) {
      const list = await calendlyGet<Page<Invitee>>(harness, token, `${event.uri}/invitees?count=100`);
      events.push({ ...event, invitees: list.collection });
    }
    next = page.pagination.next_page;
  }
  return events;
}

async function copyOf(eventUri: string) {
  const [event] = await getDb().select().from(scheduledEvents).where(eq(scheduledEvents.uri, eventUri));
  const rows = event ? await getDb().select().from(invitees).where(eq(invitees.eventUuid, event.uuid)) : [];
  return { event, invitees: rows };
}

async function expectCopyEqualsCalendly() {
  const truth = await calendlyTruth();
  expect(truth.length).toBeGreaterThan(10);
  for (const event of truth) {
    const copy = await copyOf(event.uri);
    expect(copy.event, `missing ${event.uri}`).toBeDefined();
    expect({ uri: event.uri, status: copy.event.status, start: copy.event.startTime.toISOString(), updated: copy.event.calendlyUpdatedAt.getTime() }).toEqual({
      uri: event.uri,
      status: event.status,
      start: new Date(event.start_time).toISOString(),
      updated: new Date(event.updated_at).getTime(),
    });
    for (const invitee of event.invitees) {
      const ours = copy.invitees.find((row) => row.uri === invitee.uri);
      expect(ours, `missing invitee ${invitee.uri}`).toBeDefined();
      expect({ uri: invitee.uri, status: ours!.status, rescheduled: ours!.rescheduled, noShow: ours!.noShowUri }).toEqual({
        uri: invitee.uri,
        status: invitee.status,
        rescheduled: invitee.rescheduled,
        noShow: invitee.no_show?.uri ?? null,
      });
    }
  }
}

async function processStoredDeliveries() {
  for (const delivery of await getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.status, "pending"))) {
    await processWebhookDelivery(delivery.id);
  }
}

describe("reconciliation", () => {
  beforeAll(async () => {
    // The truth checks read every event; a higher per-user limit keeps them clear of Calendly's 500/min.
    harness = await startCalendlyHarness({ rateLimitPerMinute: 10_000 });
    await getDb().execute(sql`truncate calendly_connections, calendly_scheduled_events, calendly_event_types, calendly_webhook_deliveries cascade`);
    const coach = await createUser({ email: "coach.priya@sessionly.test", name: "Priya Shah", role: "coach" });
    coachId = coach.id;
    token = harness.emulator.tokenFor("coach.priya@sessionly.test");
    const connection = await connectWithPersonalAccessToken({ ...coach, role: "coach" }, token, { backfill: "none" });
    connectionId = connection.id;
    const state = await harness.control("GET", "/state");
    const priya = state.json.users.find((user: { email: string }) => user.email === "coach.priya@sessionly.test");
    eventTypeUri = priya.event_types.find((eventType: { duration: number; kind: string; active: boolean }) => eventType.kind === "solo" && eventType.active && eventType.duration <= 30).uri;
  });
  afterAll(async () => harness.stop());

  it("backfills history and upcoming events, then an unchanged pass repairs nothing", async () => {
    const backfill = await reconcileConnection(connectionId, { kind: "backfill", trigger: "connect" });
    expect(backfill.eventsSeen).toBeGreaterThan(10);
    expect(backfill.eventsRepaired).toBe(backfill.eventsSeen);
    await expectCopyEqualsCalendly();

    const again = await reconcileConnection(connectionId, { kind: "reconcile", trigger: "schedule" });
    expect(again.eventsRepaired).toBe(0);
    expect(again.inviteesRepaired).toBe(0);
    expect(again.apiCalls).toBeLessThanOrEqual(Math.ceil(again.eventsSeen / 100) + 10);
    const [run] = await getDb().select().from(syncRuns).where(eq(syncRuns.id, again.runId));
    expect(run.status).toBe("succeeded");
  }, 120_000); // a full backfill: ~10 s alone, several times that on a busy 2-core CI machine

  it("caches the coach's availability schedules on a backfill, and a scheduled pass re-reads them only once a day old", async () => {
    const cached = async () =>
      (await getDb().execute<{ uri: string; fetched_at: string }>(sql`select uri, fetched_at::text from analytics_availability_schedules where coach_user_id = ${coachId} order by uri`)).rows;
    await getDb().execute(sql`delete from analytics_availability_schedules where coach_user_id = ${coachId}`);
    await reconcileConnection(connectionId, { kind: "backfill", trigger: "manual" });
    const afterBackfill = await cached();
    const me = await calendlyGet<{ resource: { uri: string } }>(harness, token, "/users/me");
    const truth = await calendlyGet<{ collection: Array<{ uri: string }> }>(harness, token, `/user_availability_schedules?user=${encodeURIComponent(me.resource.uri)}`);
    expect(afterBackfill.map((row) => row.uri)).toEqual(truth.collection.map((schedule) => schedule.uri).sort());
    expect(afterBackfill.length).toBeGreaterThan(0);

    // Fresh: a scheduled pass leaves the cached copy alone.
    await reconcileConnection(connectionId, { kind: "reconcile", trigger: "schedule" });
    expect(await cached()).toEqual(afterBackfill);

    // A day old: the next scheduled pass fetches them again.
    await getDb().execute(sql`update analytics_availability_schedules set fetched_at = now() - interval '25 hours' where coach_user_id = ${coachId}`);
    const aged = await cached();
    await reconcileConnection(connectionId, { kind: "reconcile", trigger: "schedule" });
    const refreshed = await cached();
    expect(refreshed.map((row) => row.uri)).toEqual(afterBackfill.map((row) => row.uri));
    for (const [index, row] of refreshed.entries()) expect(new Date(row.fetched_at).getTime()).toBeGreaterThan(new Date(aged[index].fetched_at).getTime());
  }, 120_000);

  it("heals dropped, duplicated and reordered webhooks in one reconciliation", async () => {
    await reconcileConnection(connectionId, { kind: "backfill", trigger: "connect" });
    const faults = await harness.control("POST", "/faults", { webhook: { drop_rate: 0.2, duplicate_rate: 0.2, reorder_rate: 0.5, reorder_window_ms: 50 } });
    expect(faults.status).toBe(200);

    const slots = await openStartTimes(harness, token, eventTypeUri, new Date(Date.now() + 24 * 3600 * 1000));
    expect(slots.length).toBeGreaterThanOrEqual(8);
    const booked: string[] = [];
    for (const [index, start] of slots.slice(0, 8).entries()) {
      const result = await harness.control("POST", "/actions/book", {
        event_type: eventTypeUri,
        start_time: start,
        invitee: { email: index % 2 ? "realtor.jamie@sessionly.test" : "realtor.sam@sessionly.test", name: "Realtor", timezone: "Asia/Kolkata" },
      });
      expect(result.status).toBe(201);
      booked.push(result.json.resource.uri);
    }
    await harness.control("POST", "/actions/cancel", { invitee: booked[0], reason: "Sick", canceler_type: "invitee" });
    await harness.control("POST", "/actions/cancel", { invitee: booked[1], reason: "Host busy", canceler_type: "host" });
    await harness.control("POST", "/actions/reschedule", { invitee: booked[2], start_time: slots[10] ?? slots[9] });
    // No-shows on sessions that just ended (the common case: coaches mark them right after).
    const recent = (await calendlyTruth()).filter((event) => event.status === "active" && new Date(event.start_time) < new Date() && Date.now() - new Date(event.start_time).getTime() < 40 * 3600 * 1000);
    for (const event of recent.slice(0, 2)) {
      const active = event.invitees.find((invitee) => invitee.status === "active" && !invitee.no_show);
      if (active) await harness.control("POST", "/actions/no-show", { invitee: active.uri });
    }
    await harness.control("POST", "/deliveries/wait");
    await processStoredDeliveries();

    const repaired = await reconcileConnection(connectionId, { kind: "reconcile", trigger: "schedule" });
    expect(repaired.eventsSeen).toBeGreaterThan(10);
    await expectCopyEqualsCalendly();
    // The reschedule is a chain, never a cancellation.
    const rescheduledCopy = await getDb().select().from(invitees).where(eq(invitees.uri, booked[2]));
    expect(rescheduledCopy[0]).toMatchObject({ status: "canceled", rescheduled: true });
    expect(rescheduledCopy[0].newInviteeUri).toBeTruthy();
    const [oldEvent] = await getDb().select().from(scheduledEvents).where(eq(scheduledEvents.uuid, rescheduledCopy[0].eventUuid));
    expect(oldEvent.rescheduled).toBe(true);
    await harness.control("DELETE", "/faults");
  }, 120_000);

  it("survives 5xx bursts and 429 storms without losing data", async () => {
    const calm = await reconcileConnection(connectionId, { kind: "reconcile", trigger: "manual" });
    await getDb().execute(sql`delete from calendly_scheduled_events where coach_user_id = ${coachId}`);
    await harness.control("POST", "/faults", {
      routes: [
        { route: "/scheduled_events", method: "GET", error_rate: 0.3, error_status: 503 },
        { route: "/scheduled_events/*/invitees", method: "GET", burst_429: 3 },
      ],
    });
    const result = await reconcileConnection(connectionId, { kind: "backfill", trigger: "manual" });
    expect(result.eventsSeen).toBeGreaterThan(10);
    // The faults really happened: the same pass needed more calls (retries) than without them.
    expect(result.apiCalls).toBeGreaterThan(calm.apiCalls);
    await harness.control("DELETE", "/faults");
    await expectCopyEqualsCalendly();
  }, 120_000);
});
