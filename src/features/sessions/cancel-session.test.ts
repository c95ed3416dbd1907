import { eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as cancelRoute from "@/app/api/calendly/cancel_event/[uuid]/route";
import * as batchRoute from "@/app/api/calendly/cancel_events/route";
import * as detailsRoute from "@/app/api/calendly/sessions/[uuid]/route";
import * as rescheduleRoute from "@/app/api/sessions/[uuid]/request_reschedule/route";
import { connectWithPersonalAccessToken } from "@/features/calendly/connection/connect-calendly";
import { reconcileConnection } from "@/features/calendly/sync/reconcile-connection";
import { getDb } from "@/lib/db";
import { auditLog, invitees, scheduledEvents, sessionRescheduleRequests } from "@/lib/db/schema";
import { configureRateLimits } from "@/lib/security/rate-limit";
import { startCalendlyHarness, type CalendlyHarness } from "../../../tests/helpers/calendly-harness";
import { calendlyGet, openStartTimes } from "../../../tests/helpers/calendly-actions";
import { signedIn, truncateSessionTables } from "./testing/session-fixtures";

/** Cancel, batch cancel and reschedule requests through the Calendly emulator over HTTP. */
let harness: CalendlyHarness;
let morgan: Awaited<ReturnType<typeof signedIn>>;
let priya: Awaited<ReturnType<typeof signedIn>>;
let jamie: Awaited<ReturnType<typeof signedIn>>;
let morganToken: string;
let eventTypeUri: string;
let connectionId: string;
let slots: string[];
let nextSlot = 0;

async function book(email: string, name: string): Promise<string> {
  const result = await harness.control("POST", "/actions/book", {
    event_type: eventTypeUri,
    start_time: slots[nextSlot++],
    invitee: { email, name, timezone: "America/Chicago" },
  });
  expect(result.status).toBe(201);
  const inviteeUri: string = result.json.resource.uri;
  return inviteeUri.split("/scheduled_events/")[1].split("/")[0];
}

async function syncCopy() {
  await harness.control("POST", "/deliveries/wait");
  await reconcileConnection(connectionId, { kind: "reconcile", trigger: "manual" });
}

async function calendlyEvent(uuid: string) {
  return (await calendlyGet<{ resource: { status: string; cancellation?: { reason: string; canceler_type: string } } }>(harness, morganToken, `/scheduled_events/${uuid}`)).resource;
}

describe("canceling sessions through Calendly", () => {
  beforeAll(async () => {
    configureRateLimits({ auth: { points: 1000, duration: 60 } });
    harness = await startCalendlyHarness({ fixture: "empty", rateLimitPerMinute: 10_000 });
    await truncateSessionTables();
    morgan = await signedIn("coach.morgan@sessionly.test", "coach", { name: "Morgan Reyes", timeZone: "America/New_York" });
    priya = await signedIn("coach.priya@sessionly.test", "coach", { name: "Priya Shah" });
    jamie = await signedIn("realtor.jamie@sessionly.test", "realtor", { name: "Jamie Carter", timeZone: "America/Chicago" });
    morganToken = harness.emulator.tokenFor("coach.morgan@sessionly.test");
    const connection = await connectWithPersonalAccessToken({ ...morgan.user, role: "coach" }, morganToken, { backfill: "none" });
    connectionId = connection.id;
    const state = await harness.control("GET", "/state");
    const user = state.json.users.find((entry: { email: string }) => entry.email === "coach.morgan@sessionly.test");
    eventTypeUri = user.event_types.find((eventType: { kind: string; active: boolean; duration: number }) => eventType.kind === "solo" && eventType.active && eventType.duration === 30).uri;
    slots = [];
    for (let day = 1; slots.length < 30 && day < 40; day += 7) slots.push(...(await openStartTimes(harness, morganToken, eventTypeUri, new Date(Date.now() + day * 86_400_000))));
    expect(slots.length).toBeGreaterThanOrEqual(12);
  });
  afterAll(async () => {
    await harness.stop();
    await truncateSessionTables();
  });
  beforeEach(async () => {
    await getDb().execute(sql`truncate audit_log, session_reschedule_requests`);
  });

  it("cancels at Calendly first, then updates the copy with an audit entry naming the canceler and reason", async () => {
    const uuid = await book("realtor.jamie@sessionly.test", "Jamie Carter");
    await syncCopy();
    const response = await jamie.client.call(cancelRoute.POST, { path: `/api/calendly/cancel_event/${uuid}`, params: { uuid }, body: { reason: "  Closing on a house  " } });
    expect(response.status, response.text).toBe(200);
    expect(response.json).toMatchObject({ uuid, status: "canceled", copyUpdated: true });

    const truth = await calendlyEvent(uuid);
    expect(truth.status).toBe("canceled");
    expect(truth.cancellation?.reason).toBe("Closing on a house");
    const [copy] = await getDb().select().from(scheduledEvents).where(eq(scheduledEvents.uuid, uuid));
    expect(copy).toMatchObject({ status: "canceled", cancelReason: "Closing on a house" });
    const [invitee] = await getDb().select().from(invitees).where(eq(invitees.eventUuid, uuid));
    expect(invitee.status).toBe("canceled");
    const [entry] = await getDb().select().from(auditLog).where(eq(auditLog.targetId, uuid));
    expect(entry).toMatchObject({ action: "session.canceled", actorUserId: jamie.user.id, actorType: "realtor", reason: "Closing on a house", targetType: "session" });

    const again = await morgan.client.call(cancelRoute.POST, { path: `/api/calendly/cancel_event/${uuid}`, params: { uuid }, body: { reason: "Twice" } });
    expect(again.status).toBe(409);
  });

  it("answers 409 and repairs the copy when Calendly says the session was already canceled", async () => {
    const uuid = await book("realtor.jamie@sessionly.test", "Jamie Carter");
    await syncCopy();
    const [invitee] = await getDb().select().from(invitees).where(eq(invitees.eventUuid, uuid));
    // Canceled in Calendly behind our back, and the webhook has not been processed yet.
    await harness.control("POST", "/actions/cancel", { invitee: invitee.uri, reason: "Changed my mind", canceler_type: "invitee" });
    const response = await morgan.client.call(cancelRoute.POST, { path: `/api/calendly/cancel_event/${uuid}`, params: { uuid }, body: { reason: "Late" } });
    expect(response.status).toBe(409);
    expect(response.json.error.message).toMatch(/already been canceled/);
    const [copy] = await getDb().select().from(scheduledEvents).where(eq(scheduledEvents.uuid, uuid));
    expect(copy.status).toBe("canceled");
    expect(await getDb().select().from(auditLog)).toEqual([]);
  });

  it("leaves the copy unchanged and says so clearly when Calendly fails", async () => {
    const uuid = await book("realtor.jamie@sessionly.test", "Jamie Carter");
    await syncCopy();
    await harness.control("POST", "/faults", { routes: [{ route: "/scheduled_events/*/cancellation", method: "POST", error_rate: 1, error_status: 500 }] });
    try {
      const response = await morgan.client.call(cancelRoute.POST, { path: `/api/calendly/cancel_event/${uuid}`, params: { uuid }, body: { reason: "Broken" } });
      expect(response.status).toBe(502);
      expect(response.json.error.message).toMatch(/Calendly/);
    } finally {
      await harness.control("DELETE", "/faults");
    }
    expect((await calendlyEvent(uuid)).status).toBe("active");
    const [copy] = await getDb().select().from(scheduledEvents).where(eq(scheduledEvents.uuid, uuid));
    expect(copy.status).toBe("active");
  });

  it("batch cancels a mix of valid, foreign and already-canceled sessions with one operation id", async () => {
    const valid = [await book("realtor.jamie@sessionly.test", "Jamie Carter"), await book("someone@example.com", "Some One")];
    const alreadyCanceled = await book("realtor.jamie@sessionly.test", "Jamie Carter");
    await syncCopy();
    const first = await morgan.client.call(cancelRoute.POST, { path: `/api/calendly/cancel_event/${alreadyCanceled}`, params: { uuid: alreadyCanceled }, body: { reason: "Earlier" } });
    expect(first.status).toBe(200);
    await getDb().execute(sql`truncate audit_log`);
    // Priya's session exists only in the copy: to Morgan it is someone else's.
    const [foreign] = (
      await getDb()
        .insert(scheduledEvents)
        .values({
          uuid: "foreign-session",
          uri: "https://api.calendly.test/scheduled_events/foreign-session",
          coachUserId: priya.user.id,
          name: "Priya's call",
          status: "active",
          startTime: new Date(Date.now() + 86_400_000),
          endTime: new Date(Date.now() + 90_000_000),
          calendlyCreatedAt: new Date(),
          calendlyUpdatedAt: new Date(),
        })
        .returning()
    );

    const response = await morgan.client.call(batchRoute.POST, {
      path: "/api/calendly/cancel_events",
      body: { uuids: [valid[0], foreign.uuid, alreadyCanceled, valid[1]], reason: "Conference week" },
    });
    expect(response.status).toBe(200);
    expect(response.json).toMatchObject({ done: 2, failed: 2 });
    expect(response.json.results).toEqual([
      { uuid: valid[0], outcome: "done" },
      { uuid: foreign.uuid, outcome: "failed", code: "not_found", message: "This session was not found." },
      { uuid: alreadyCanceled, outcome: "failed", code: "conflict", message: "This session has already been canceled." },
      { uuid: valid[1], outcome: "done" },
    ]);
    for (const uuid of valid) expect((await calendlyEvent(uuid)).status).toBe("canceled");
    const rows = await getDb().select().from(scheduledEvents).where(inArray(scheduledEvents.uuid, valid));
    expect(rows.map((row) => row.status)).toEqual(["canceled", "canceled"]);
    const entries = await getDb().select().from(auditLog);
    expect(entries).toHaveLength(2);
    expect(new Set(entries.map((entry) => entry.operationId))).toEqual(new Set([response.json.operationId]));
    const [priyaCopy] = await getDb().select().from(scheduledEvents).where(eq(scheduledEvents.uuid, foreign.uuid));
    expect(priyaCopy.status).toBe("active");
  });

  it("lets a coach request a reschedule: cancels with the reason and a rebook link, shown on both sessions once rebooked", async () => {
    const uuid = await book("realtor.jamie@sessionly.test", "Jamie Carter");
    await syncCopy();
    const response = await morgan.client.call(rescheduleRoute.POST, { path: `/api/sessions/${uuid}/request_reschedule`, params: { uuid }, body: { reason: "I am travelling" } });
    expect(response.status, response.text).toBe(200);
    const eventTypeUuid = eventTypeUri.split("/").pop();
    expect(response.json.rebookPath).toBe(`/coaches/${morgan.user.id}/${eventTypeUuid}`);
    const truth = await calendlyEvent(uuid);
    expect(truth.cancellation?.reason).toContain("I am travelling");
    expect(truth.cancellation?.reason).toContain(`/coaches/${morgan.user.id}/${eventTypeUuid}`);
    expect(await getDb().select().from(sessionRescheduleRequests)).toHaveLength(1);
    const [entry] = await getDb().select().from(auditLog).where(eq(auditLog.targetId, uuid));
    expect(entry).toMatchObject({ action: "session.reschedule_requested", reason: "I am travelling" });

    const rebooked = await book("realtor.jamie@sessionly.test", "Jamie Carter");
    await syncCopy();
    const oldView = (await jamie.client.call(detailsRoute.GET, { path: `/api/calendly/sessions/${uuid}`, params: { uuid } })).json.session;
    expect(oldView.rescheduleRequest).toMatchObject({ reason: "I am travelling", rebooked: { uuid: rebooked } });
    const newView = (await morgan.client.call(detailsRoute.GET, { path: `/api/calendly/sessions/${rebooked}`, params: { uuid: rebooked } })).json.session;
    expect(newView.rebookedFrom).toMatchObject({ uuid });
  });

  it("shows Calendly's own reschedule chain on both sessions", async () => {
    const uuid = await book("realtor.jamie@sessionly.test", "Jamie Carter");
    await syncCopy();
    const [invitee] = await getDb().select().from(invitees).where(eq(invitees.eventUuid, uuid));
    const moved = await harness.control("POST", "/actions/reschedule", { invitee: invitee.uri, start_time: slots[nextSlot++] });
    expect(moved.status).toBeLessThan(300);
    await syncCopy();
    const oldView = (await jamie.client.call(detailsRoute.GET, { path: `/api/calendly/sessions/${uuid}`, params: { uuid } })).json.session;
    expect(oldView.state).toBe("rescheduled");
    expect(oldView.chain.next).toHaveLength(1);
    const newUuid = oldView.chain.next[0].uuid;
    const newView = (await morgan.client.call(detailsRoute.GET, { path: `/api/calendly/sessions/${newUuid}`, params: { uuid: newUuid } })).json.session;
    expect(newView.chain.previous.map((link: { uuid: string }) => link.uuid)).toEqual([uuid]);
  });
});
