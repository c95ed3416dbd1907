import { eq, sql } from "drizzle-orm";
import ical from "node-ical";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as listRoute from "@/app/api/calendly/scheduled_events/route";
import * as detailsRoute from "@/app/api/calendly/sessions/[uuid]/route";
import * as cancelRoute from "@/app/api/calendly/cancel_event/[uuid]/route";
import * as batchRoute from "@/app/api/calendly/cancel_events/route";
import * as rescheduleRoute from "@/app/api/sessions/[uuid]/request_reschedule/route";
import * as sessionIcsRoute from "@/app/api/sessions/[uuid]/ics/route";
import * as listIcsRoute from "@/app/api/sessions/ics/route";
import * as feedRoute from "@/app/api/calendar/feed/route";
import * as feedTokenRoute from "@/app/api/calendar/[token]/route";
import { getDb } from "@/lib/db";
import { configureRateLimits } from "@/lib/security/rate-limit";
import { auditLog, scheduledEvents } from "@/lib/db/schema";
import { TestClient } from "../../../tests/helpers/http";
import { hours, insertConnection, insertEventType, insertSession, signedIn, truncateSessionTables } from "./testing/session-fixtures";

type Signed = Awaited<ReturnType<typeof signedIn>>;
let admin: Signed, morgan: Signed, priya: Signed, jamie: Signed, sam: Signed;

async function setUpPeople() {
  // Several sign-ins per file: keep them clear of the auth rate limit.
  configureRateLimits({ auth: { points: 1000, duration: 60 } });
  await truncateSessionTables();
  if (admin) return;
  admin = await signedIn("admin.sessions@sessionly.test", "admin", { name: "Ada Admin" });
  morgan = await signedIn("morgan.sessions@sessionly.test", "coach", { name: "Morgan Reyes", timeZone: "America/New_York" });
  priya = await signedIn("priya.sessions@sessionly.test", "coach", { name: "Priya Shah", timeZone: "Europe/London" });
  jamie = await signedIn("jamie.sessions@sessionly.test", "realtor", { name: "Jamie Carter", timeZone: "America/Chicago" });
  sam = await signedIn("sam.sessions@sessionly.test", "realtor", { name: "Sam Patel", timeZone: "Asia/Kolkata" });
}

const list = (client: TestClient, query = "") => client.call(listRoute.GET, { path: `/api/calendly/scheduled_events${query ? `?${query}` : ""}` });
const details = (client: TestClient, uuid: string) => client.call(detailsRoute.GET, { path: `/api/calendly/sessions/${uuid}`, params: { uuid } });
const cancel = (client: TestClient, uuid: string, reason: unknown) =>
  client.call(cancelRoute.POST, { path: `/api/calendly/cancel_event/${uuid}`, params: { uuid }, body: { reason } });
const uuidsOf = (response: { json: { sessions: Array<{ uuid: string }> } }) => response.json.sessions.map((session) => session.uuid);

async function walk(client: TestClient, query: string, between?: (page: number) => Promise<void>) {
  const seen: string[] = [];
  let after: string | null = null;
  let page = 0;
  do {
    const response = await list(client, `${query}${after ? `&after=${after}` : ""}`);
    expect(response.status).toBe(200);
    seen.push(...uuidsOf(response));
    after = response.json.nextCursor;
    page++;
    if (between) await between(page);
  } while (after && page < 100);
  return seen;
}

beforeAll(setUpPeople);
afterAll(async () => {
  await truncateSessionTables();
});

describe("session list: who sees what", () => {
  let morganSession: string, priyaSession: string, jamieWithPriya: string;
  beforeEach(async () => {
    await setUpPeople();
    morganSession = (await insertSession({ coachUserId: morgan.user.id, start: hours(24), invitees: [{ name: "Sam Patel", email: sam.user.email, realtorUserId: sam.user.id }] })).uuid;
    priyaSession = (await insertSession({ coachUserId: priya.user.id, start: hours(48), invitees: [{ name: "Someone Else", email: "else@example.com" }] })).uuid;
    jamieWithPriya = (await insertSession({ coachUserId: priya.user.id, start: hours(72), invitees: [{ name: "Jamie Carter", email: jamie.user.email, realtorUserId: jamie.user.id }] })).uuid;
  });

  it("gives a coach their own sessions, a realtor their bookings, and an admin everything (with a coach filter)", async () => {
    expect(uuidsOf(await list(morgan.client))).toEqual([morganSession]);
    expect(uuidsOf(await list(priya.client))).toEqual([priyaSession, jamieWithPriya]);
    expect(uuidsOf(await list(jamie.client))).toEqual([jamieWithPriya]);
    expect(uuidsOf(await list(sam.client))).toEqual([morganSession]);
    expect(uuidsOf(await list(admin.client))).toEqual([morganSession, priyaSession, jamieWithPriya]);
    expect(uuidsOf(await list(admin.client, `coach=${priya.user.id}`))).toEqual([priyaSession, jamieWithPriya]);
    // A coach cannot widen their scope with the coach filter.
    expect(uuidsOf(await list(morgan.client, `coach=${priya.user.id}`))).toEqual([morganSession]);
  });

  it("answers DTOs, never raw rows, and a realtor only sees their own invitee", async () => {
    const response = await list(jamie.client);
    const [session] = response.json.sessions;
    expect(Object.keys(session).sort()).toEqual(["cancelable", "coach", "createdAt", "endTime", "eventType", "invitee", "invitees", "location", "name", "startTime", "state", "status", "uuid"]);
    expect(session).toMatchObject({ state: "upcoming", coach: { name: "Priya Shah" }, invitee: { email: jamie.user.email }, location: { kind: "zoom", label: "Zoom" } });
    expect(response.json.timeZone).toBe("America/Chicago");
  });

  it("answers 401 signed out, 404 for someone else's session, 400 for bad input", async () => {
    expect((await list(new TestClient())).status).toBe(401);
    expect((await details(new TestClient(), morganSession)).status).toBe(401);
    expect((await details(priya.client, morganSession)).status).toBe(404);
    expect((await details(jamie.client, morganSession)).status).toBe(404);
    expect((await details(sam.client, jamieWithPriya)).status).toBe(404);
    expect((await details(morgan.client, "does-not-exist")).status).toBe(404);
    expect((await details(admin.client, morganSession)).status).toBe(200);
    expect((await details(sam.client, morganSession)).status).toBe(200);
    expect((await list(morgan.client, "size=7")).status).toBe(400);
    expect((await list(morgan.client, "status=sometimes")).status).toBe(400);
    expect((await list(morgan.client, "after=not-a-cursor")).status).toBe(400);
    expect((await list(morgan.client, "from=2026-05-02&to=2026-05-01")).status).toBe(400);
    // A misspelt filter is refused, not ignored (which would return the unfiltered list).
    const misspelt = await list(morgan.client, "search=zulu&q=zulu");
    expect(misspelt.status).toBe(400);
    expect(misspelt.json.error.message).toContain('"search"');
    expect(misspelt.json.error.fields).toEqual({ search: ["is not a known query parameter"] });
  });
});

describe("session list: filters and sorts", () => {
  const now = Date.now();
  let ids: Record<string, string>;
  beforeEach(async () => {
    await setUpPeople();
    const connection = await insertConnection(morgan.user.id);
    const strategy = await insertEventType(morgan.user.id, connection.id, "Strategy call");
    const deepDive = await insertEventType(morgan.user.id, connection.id, "Deep-Dive");
    const jamieInvitee = { name: "Jamie Carter", email: jamie.user.email, realtorUserId: jamie.user.id };
    const base = { coachUserId: morgan.user.id, connectionId: connection.id };
    ids = {
      upcoming: (await insertSession({ ...base, eventTypeUri: strategy.uri, start: new Date(now + 2 * 86_400_000), createdAt: new Date(now - 3 * 86_400_000), invitees: [jamieInvitee] })).uuid,
      later: (await insertSession({ ...base, eventTypeUri: deepDive.uri, name: "Deep-Dive", start: new Date(now + 5 * 86_400_000), createdAt: new Date(now - 1 * 86_400_000), invitees: [{ name: "Zed Zulu", email: "zed@example.com" }] })).uuid,
      completed: (await insertSession({ ...base, eventTypeUri: strategy.uri, start: new Date(now - 2 * 86_400_000), createdAt: new Date(now - 9 * 86_400_000), invitees: [jamieInvitee] })).uuid,
      noShow: (await insertSession({ ...base, eventTypeUri: strategy.uri, start: new Date(now - 3 * 86_400_000), createdAt: new Date(now - 8 * 86_400_000), invitees: [{ ...jamieInvitee, noShow: true }] })).uuid,
      canceled: (await insertSession({ ...base, eventTypeUri: strategy.uri, status: "canceled", cancelerType: "invitee", start: new Date(now + 3 * 86_400_000), createdAt: new Date(now - 5 * 86_400_000), invitees: [jamieInvitee] })).uuid,
      rescheduled: (await insertSession({ ...base, eventTypeUri: strategy.uri, status: "canceled", rescheduled: true, start: new Date(now + 4 * 86_400_000), createdAt: new Date(now - 6 * 86_400_000), invitees: [{ ...jamieInvitee, rescheduled: true }] })).uuid,
    };
  });

  it("filters by state as DOMAIN.md derives it", async () => {
    expect(uuidsOf(await list(morgan.client, "status=upcoming"))).toEqual([ids.upcoming, ids.later]);
    expect(uuidsOf(await list(morgan.client, "status=past"))).toEqual([ids.noShow, ids.completed]);
    expect(uuidsOf(await list(morgan.client, "status=canceled"))).toEqual([ids.canceled]);
    expect(uuidsOf(await list(morgan.client, "status=rescheduled"))).toEqual([ids.rescheduled]);
    expect(uuidsOf(await list(morgan.client, "status=no_show"))).toEqual([ids.noShow]);
    const states = Object.fromEntries((await list(morgan.client)).json.sessions.map((session: { uuid: string; state: string }) => [session.uuid, session.state]));
    expect(states).toEqual({
      [ids.upcoming]: "upcoming",
      [ids.later]: "upcoming",
      [ids.completed]: "completed",
      [ids.noShow]: "no_show",
      [ids.canceled]: "canceled_by_invitee",
      [ids.rescheduled]: "rescheduled",
    });
  });

  it("filters by date range in the viewer's zone, event type and invitee name or email", async () => {
    const day = (offset: number) => new Date(now + offset * 86_400_000).toLocaleDateString("en-CA", { timeZone: "America/New_York" });
    expect(uuidsOf(await list(morgan.client, `from=${day(2)}&to=${day(3)}`))).toEqual([ids.upcoming, ids.canceled]);
    const deepDive = (await list(morgan.client)).json.sessions.find((session: { uuid: string }) => session.uuid === ids.later).eventType.uuid;
    expect(uuidsOf(await list(morgan.client, `eventType=${deepDive}`))).toEqual([ids.later]);
    expect(uuidsOf(await list(morgan.client, "q=zulu"))).toEqual([ids.later]);
    expect(uuidsOf(await list(morgan.client, "q=ZED%40EXAMPLE"))).toEqual([ids.later]);
    expect(uuidsOf(await list(morgan.client, "q=%25"))).toEqual([]);
  });

  it("sorts by start, created time and status, both ways", async () => {
    expect(uuidsOf(await list(morgan.client, "sort=start&dir=desc"))).toEqual([ids.later, ids.rescheduled, ids.canceled, ids.upcoming, ids.completed, ids.noShow]);
    expect(uuidsOf(await list(morgan.client, "sort=created&dir=desc"))).toEqual([ids.later, ids.upcoming, ids.canceled, ids.rescheduled, ids.noShow, ids.completed]);
    expect(uuidsOf(await list(morgan.client, "sort=status"))).toEqual([ids.noShow, ids.completed, ids.upcoming, ids.later, ids.canceled, ids.rescheduled]);
    const statusPages = await walk(morgan.client, "sort=status&dir=desc&size=10");
    expect(statusPages).toEqual([ids.rescheduled, ids.canceled, ids.later, ids.upcoming, ids.completed, ids.noShow]);
  });
});

describe("session list: keyset pagination", () => {
  beforeEach(setUpPeople);

  it("never skips or repeats rows while rows are inserted between pages, forwards and back", async () => {
    const start = Date.now() + 86_400_000;
    const original: string[] = [];
    // Pairs of sessions at the same start time: the uuid tie-breaker must keep them apart across page edges.
    for (let index = 0; index < 30; index++) {
      original.push((await insertSession({ coachUserId: morgan.user.id, start: new Date(start + Math.floor(index / 2) * 3_600_000) })).uuid);
    }
    const insertedLater: string[] = [];
    const seen = await walk(morgan.client, "size=10", async (page) => {
      // One row before everything (already passed) and one after everything (still to come).
      await insertSession({ coachUserId: morgan.user.id, start: new Date(start - page * 60_000) });
      insertedLater.push((await insertSession({ coachUserId: morgan.user.id, start: new Date(start + 100 * 3_600_000 + page * 60_000) })).uuid);
    });
    expect(new Set(seen).size).toBe(seen.length);
    for (const uuid of original) expect(seen).toContain(uuid);
    for (const uuid of insertedLater.slice(0, -1)) expect(seen).toContain(uuid);

    // Back from the third page to the second gives the same rows as going forward did.
    const first = await list(morgan.client, "size=10");
    const second = await list(morgan.client, `size=10&after=${first.json.nextCursor}`);
    const third = await list(morgan.client, `size=10&after=${second.json.nextCursor}`);
    const back = await list(morgan.client, `size=10&before=${third.json.prevCursor}`);
    expect(uuidsOf(back)).toEqual(uuidsOf(second));
    const backToFirst = await list(morgan.client, `size=10&before=${back.json.prevCursor}`);
    expect(uuidsOf(backToFirst)).toEqual(uuidsOf(first));
    expect(backToFirst.json.prevCursor).toBeNull();
    expect(first.json.prevCursor).toBeNull();
  });

  it("refuses a cursor from another sort", async () => {
    for (let index = 0; index < 3; index++) await insertSession({ coachUserId: morgan.user.id, start: hours(10 + index) });
    const page = await list(morgan.client, "size=10&sort=created");
    const first = await list(morgan.client, "size=10");
    expect(first.json.nextCursor).toBeNull();
    const forged = Buffer.from(JSON.stringify({ v: 1, s: "created", d: "asc", k: ["2026-01-01T00:00:00.000000Z"], u: page.json.sessions[0].uuid })).toString("base64url");
    const response = await list(morgan.client, `size=10&after=${forged}`);
    expect(response.status).toBe(400);
    expect(response.json.error.message).toMatch(/different sort/);
  });
});

describe("session details", () => {
  beforeEach(setUpPeople);

  it("shows time, location, counters, guests, actions and the reschedule chain on both sessions", async () => {
    const connection = await insertConnection(morgan.user.id);
    const eventType = await insertEventType(morgan.user.id, connection.id);
    const oldInviteeUuid = crypto.randomUUID();
    const newInviteeUuid = crypto.randomUUID();
    const old = await insertSession({
      coachUserId: morgan.user.id,
      connectionId: connection.id,
      eventTypeUri: eventType.uri,
      status: "canceled",
      rescheduled: true,
      start: hours(20),
      invitees: [{ uuid: oldInviteeUuid, name: "Jamie Carter", email: jamie.user.email, realtorUserId: jamie.user.id, rescheduled: true }],
    });
    const replacement = await insertSession({
      coachUserId: morgan.user.id,
      connectionId: connection.id,
      eventTypeUri: eventType.uri,
      start: hours(44),
      minutes: 45,
      guests: ["partner@example.com"],
      location: { type: "physical", location: "12 Main St" },
      invitees: [{ uuid: newInviteeUuid, name: "Jamie Carter", email: jamie.user.email, realtorUserId: jamie.user.id, oldInviteeUri: old.invitees[0].uri }],
    });
    await getDb().execute(sql`update calendly_invitees set new_invitee_uri = ${replacement.invitees[0].uri} where uuid = ${oldInviteeUuid}`);

    const coachView = (await details(morgan.client, replacement.uuid)).json.session;
    expect(coachView).toMatchObject({
      state: "upcoming",
      durationMinutes: 45,
      guests: ["partner@example.com"],
      location: { kind: "in_person", detail: "12 Main St", joinUrl: null },
      invitees: { total: 1, active: 1, limit: 1 },
      invitee: { timeZone: "America/Chicago" },
      chain: { previous: [{ uuid: old.uuid }], next: [] },
      actions: { cancel: true, requestReschedule: true, export: true, markNoShow: false, rescheduleUrl: null },
    });
    expect(coachView.calendar.google).toMatch(/^https:\/\/calendar\.google\.com\//);
    expect(coachView.calendar.outlook).toMatch(/^https:\/\/outlook\.live\.com\//);
    const oldView = (await details(jamie.client, old.uuid)).json.session;
    expect(oldView).toMatchObject({ state: "rescheduled", chain: { previous: [], next: [{ uuid: replacement.uuid }] }, actions: { cancel: false } });

    const realtorView = (await details(jamie.client, replacement.uuid)).json.session;
    expect(realtorView.actions).toMatchObject({ cancel: true, requestReschedule: false, markNoShow: false });
    expect(realtorView.actions.rescheduleUrl).toContain(`/reschedulings/${newInviteeUuid}`);
  });

  it("offers no cancel on a started session and a group session for realtors, and says why", async () => {
    const connection = await insertConnection(morgan.user.id);
    const started = await insertSession({ coachUserId: morgan.user.id, connectionId: connection.id, start: hours(-0.2), invitees: [{ name: "J", email: jamie.user.email, realtorUserId: jamie.user.id }] });
    const group = await insertSession({ coachUserId: morgan.user.id, connectionId: connection.id, limit: 8, start: hours(30), invitees: [{ name: "J", email: jamie.user.email, realtorUserId: jamie.user.id }] });
    const startedView = (await details(morgan.client, started.uuid)).json.session;
    expect(startedView).toMatchObject({ state: "in_progress", actions: { cancel: false, markNoShow: true } });
    expect(startedView.actions.cancelBlockedReason).toMatch(/already started/);
    const groupView = (await details(jamie.client, group.uuid)).json.session;
    expect(groupView.actions).toMatchObject({ cancel: false });
    expect(groupView.actions.cancelBlockedReason).toMatch(/group session/);
    expect(groupView.actions.cancelUrl).toContain("/cancellations/");
  });
});

describe("cancel refusals that never reach Calendly", () => {
  beforeEach(setUpPeople);

  it("answers 401, 404 for someone else's, 409 for canceled or started, 400 for a bad reason, 403 for a realtor's reschedule request", async () => {
    const connection = await insertConnection(morgan.user.id);
    const jamieInvitee = [{ name: "Jamie", email: jamie.user.email, realtorUserId: jamie.user.id }];
    const upcoming = await insertSession({ coachUserId: morgan.user.id, connectionId: connection.id, start: hours(24), invitees: jamieInvitee });
    const canceled = await insertSession({ coachUserId: morgan.user.id, connectionId: connection.id, status: "canceled", start: hours(24), invitees: jamieInvitee });
    const rescheduled = await insertSession({ coachUserId: morgan.user.id, connectionId: connection.id, status: "canceled", rescheduled: true, start: hours(24) });
    const past = await insertSession({ coachUserId: morgan.user.id, connectionId: connection.id, start: hours(-3), invitees: jamieInvitee });

    expect((await cancel(new TestClient(), upcoming.uuid, "x")).status).toBe(401);
    expect((await cancel(priya.client, upcoming.uuid, "Not mine")).status).toBe(404);
    expect((await cancel(sam.client, upcoming.uuid, "Not mine")).status).toBe(404);
    const already = await cancel(morgan.client, canceled.uuid, "Again");
    expect(already.status).toBe(409);
    expect(already.json.error.message).toBe("This session has already been canceled.");
    expect((await cancel(morgan.client, rescheduled.uuid, "Again")).json.error.message).toMatch(/rescheduled/);
    const started = await cancel(jamie.client, past.uuid, "Too late");
    expect(started.status).toBe(409);
    expect(started.json.error.message).toBe("This session has already started, so it can no longer be canceled.");
    expect((await cancel(morgan.client, upcoming.uuid, "   ")).status).toBe(400);
    expect((await cancel(morgan.client, upcoming.uuid, "x".repeat(501))).status).toBe(400);
    expect((await cancel(morgan.client, upcoming.uuid, undefined)).status).toBe(400);
    const realtorRequest = await jamie.client.call(rescheduleRoute.POST, {
      path: `/api/sessions/${upcoming.uuid}/request_reschedule`,
      params: { uuid: upcoming.uuid },
      body: { reason: "Please" },
    });
    expect(realtorRequest.status).toBe(403);
    const crossSite = await morgan.client.call(cancelRoute.POST, {
      path: `/api/calendly/cancel_event/${upcoming.uuid}`,
      params: { uuid: upcoming.uuid },
      body: { reason: "x" },
      headers: { origin: "https://evil.example" },
    });
    expect(crossSite.status).toBe(403);
    const [row] = await getDb().select().from(scheduledEvents).where(eq(scheduledEvents.uuid, upcoming.uuid));
    expect(row.status).toBe("active");
    expect(await getDb().select().from(auditLog)).toEqual([]);
    expect((await batchCall(new TestClient(), [upcoming.uuid])).status).toBe(401);
    expect((await batchCall(morgan.client, [])).status).toBe(400);
  });
});

const batchCall = (client: TestClient, uuids: string[], reason = "Conference") => client.call(batchRoute.POST, { path: "/api/calendly/cancel_events", body: { uuids, reason } });

describe("calendar export", () => {
  beforeEach(setUpPeople);

  it("exports one session with a stable UID, a growing SEQUENCE and CANCELLED once canceled, in UTC whatever the server zone", async () => {
    // 3 March, a few years ahead (always upcoming, so it can be canceled below), 16:00 UTC.
    const year = new Date().getUTCFullYear() + 4;
    const start = new Date(Date.UTC(year, 2, 3, 16));
    const session = await insertSession({ coachUserId: morgan.user.id, start, invitees: [{ name: "Jamie Carter", email: jamie.user.email, realtorUserId: jamie.user.id }] });
    const download = async () => {
      const response = await jamie.client.call(sessionIcsRoute.GET, { path: `/api/sessions/${session.uuid}/ics`, params: { uuid: session.uuid } });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toMatch(/^text\/calendar/);
      expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="session-/);
      return response.text;
    };
    const originalTz = process.env.TZ;
    process.env.TZ = "America/Los_Angeles";
    let first: string;
    try {
      expect(new Date(year, 0, 1).getTimezoneOffset()).toBe(480);
      first = await download();
    } finally {
      process.env.TZ = originalTz;
    }
    expect(first).toContain(`DTSTART:${year}0303T160000Z`);
    expect(first).toContain(`DTEND:${year}0303T163000Z`);
    const parsedFirst = ical.sync.parseICS(first);
    const event = parsedFirst[`${session.uuid}@sessionly`] as ical.VEvent;
    expect(event.type).toBe("VEVENT");
    expect(event.start.toISOString()).toBe(start.toISOString());
    expect(event.summary).toBe("Strategy call with Morgan Reyes");
    expect(event.status).toBe("CONFIRMED");

    await getDb()
      .update(scheduledEvents)
      .set({ status: "canceled", cancelReason: "Sick", calendlyUpdatedAt: new Date(session.calendlyCreatedAt.getTime() + 3_600_000) })
      .where(eq(scheduledEvents.uuid, session.uuid));
    const second = ical.sync.parseICS(await download())[`${session.uuid}@sessionly`] as ical.VEvent;
    expect(second.uid).toBe(event.uid);
    expect(Number(second.sequence)).toBeGreaterThan(Number(event.sequence));
    expect(second.status).toBe("CANCELLED");

    expect((await priya.client.call(sessionIcsRoute.GET, { path: `/api/sessions/${session.uuid}/ics`, params: { uuid: session.uuid } })).status).toBe(404);
    expect((await sam.client.call(sessionIcsRoute.GET, { path: `/api/sessions/${session.uuid}/ics`, params: { uuid: session.uuid } })).status).toBe(404);
    expect((await new TestClient().call(sessionIcsRoute.GET, { path: `/api/sessions/${session.uuid}/ics`, params: { uuid: session.uuid } })).status).toBe(401);
  });

  it("exports a filtered list", async () => {
    const upcoming = await insertSession({ coachUserId: morgan.user.id, start: hours(24) });
    await insertSession({ coachUserId: morgan.user.id, start: hours(-24) });
    await insertSession({ coachUserId: priya.user.id, start: hours(24) });
    const response = await morgan.client.call(listIcsRoute.GET, { path: "/api/sessions/ics?status=upcoming" });
    expect(response.status).toBe(200);
    const events = Object.values(ical.sync.parseICS(response.text)).filter((item) => item?.type === "VEVENT") as ical.VEvent[];
    expect(events.map((item) => item.uid)).toEqual([`${upcoming.uuid}@sessionly`]);
  });

  it("serves a personal feed by signed token, rotates and revokes it, and refuses forged tokens", async () => {
    const session = await insertSession({ coachUserId: morgan.user.id, start: hours(24), invitees: [{ name: "Jamie Carter", email: jamie.user.email, realtorUserId: jamie.user.id }] });
    await insertSession({ coachUserId: priya.user.id, start: hours(24) });
    const canceled = await insertSession({ coachUserId: morgan.user.id, status: "canceled", start: hours(30), invitees: [{ name: "Jamie Carter", email: jamie.user.email, realtorUserId: jamie.user.id }] });

    expect((await jamie.client.call(feedRoute.GET, { path: "/api/calendar/feed" })).json.feed).toMatchObject({ active: false, url: null });
    const created = await jamie.client.call(feedRoute.POST, { path: "/api/calendar/feed", method: "POST" });
    expect(created.status).toBe(200);
    const url: string = created.json.feed.url;
    expect(url).toMatch(/^http:\/\/localhost:3000\/api\/calendar\/[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}\.ics$/);
    expect(created.json.feed.subscribe.webcal).toMatch(/^webcal:\/\//);
    expect((await jamie.client.call(feedRoute.GET, { path: "/api/calendar/feed" })).json.feed.url).toBe(url);

    const token = url.split("/").pop()!;
    const fetchFeed = (value: string) => new TestClient().call(feedTokenRoute.GET, { path: `/api/calendar/${value}`, params: { token: value } });
    const feed = await fetchFeed(token);
    expect(feed.status).toBe(200);
    const events = ical.sync.parseICS(feed.text);
    expect(Object.keys(events).filter((key) => key.endsWith("@sessionly")).sort()).toEqual([`${session.uuid}@sessionly`, `${canceled.uuid}@sessionly`].sort());
    expect((events[`${canceled.uuid}@sessionly`] as ical.VEvent).status).toBe("CANCELLED");

    const [id, signature] = token.replace(/\.ics$/, "").split(".");
    const forgedSignature = `${signature.slice(0, -2)}${signature.endsWith("AA") ? "BB" : "AA"}`;
    expect((await fetchFeed(`${id}.${forgedSignature}.ics`)).status).toBe(404);
    expect((await fetchFeed("nonsense.ics")).status).toBe(404);

    const rotated = await jamie.client.call(feedRoute.POST, { path: "/api/calendar/feed", method: "POST" });
    expect(rotated.json.feed.url).not.toBe(url);
    expect((await fetchFeed(token)).status).toBe(404);
    const newToken = rotated.json.feed.url.split("/").pop();
    expect((await fetchFeed(newToken)).status).toBe(200);
    const revoked = await jamie.client.call(feedRoute.DELETE, { path: "/api/calendar/feed", method: "DELETE" });
    expect(revoked.json.feed.active).toBe(false);
    expect((await fetchFeed(newToken)).status).toBe(404);
    expect((await new TestClient().call(feedRoute.POST, { path: "/api/calendar/feed", method: "POST" })).status).toBe(401);
    const actions = (await getDb().select().from(auditLog).where(eq(auditLog.actorUserId, jamie.user.id))).map((entry) => entry.action).sort();
    expect(actions).toEqual(["calendar_feed.created", "calendar_feed.revoked", "calendar_feed.rotated"]);
  });
});
