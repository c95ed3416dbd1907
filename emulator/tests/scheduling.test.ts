// Scheduling API (POST /invitees), cancellation, reschedule chains, no-shows and keyset pagination.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClock } from "../core/clock";
import { ADMIN, MORGAN, startTestEmulator, type ApiResponse, type TestEmulator } from "./support";

type Json = Record<string, unknown>;
let emu: TestEmulator;
const q = (value: string) => encodeURIComponent(value);
const path = (uri: unknown) => String(uri).replace(emu.publicUrl, "");

beforeAll(async () => {
  emu = await startTestEmulator({ fixture: "empty", clock: createClock({ at: "2027-03-10T12:00:00Z", frozen: true }) });
});
afterAll(async () => {
  await emu.stop();
});

function eventTypeUri(slug: string): string {
  const et = [...emu.store.state.eventTypes.values()].find((x) => x.slug === slug);
  return `${emu.publicUrl}/event_types/${et?.uuid}`;
}

const deepDiveAnswers = [
  { question: "Brokerage name", answer: "Carter Homes", position: 0 },
  { question: "Years in real estate", answer: "3-5", position: 3 },
  { question: "Topics", answer: "Listings\nNegotiation", position: 4 },
];

function book(startTime: string, extra: Json = {}) {
  return emu.call("POST", "/invitees", {
    token: emu.tokenFor(ADMIN),
    body: {
      event_type: eventTypeUri("deep-dive"),
      start_time: startTime,
      invitee: { email: "realtor.jamie@sessionly.test", name: "Jamie Carter", timezone: "America/Chicago", text_reminder_number: "+1 312 555 0187" },
      questions_and_answers: deepDiveAnswers,
      tracking: { utm_source: "sessionly-app", utm_campaign: "spring" },
      event_guests: ["assistant@carter-homes.test"],
      ...extra,
    },
  });
}

describe("POST /invitees", () => {
  it("books an exact open slot with api scheduling method, guests, Q&A, tracking and URLs", async () => {
    const res = await book("2027-03-11T14:00:00Z");
    expect(res.status).toBe(201);
    const invitee = res.body.resource as Json;
    const uuid = String(invitee.uri).split("/").pop();
    expect(invitee).toMatchObject({
      email: "realtor.jamie@sessionly.test",
      name: "Jamie Carter",
      status: "active",
      timezone: "America/Chicago",
      scheduling_method: "api",
      text_reminder_number: "+1 312 555 0187",
      rescheduled: false,
      old_invitee: null,
      no_show: null,
      cancel_url: `${emu.publicUrl}/cancellations/${uuid}`,
      reschedule_url: `${emu.publicUrl}/reschedulings/${uuid}`,
      questions_and_answers: deepDiveAnswers,
    });
    expect((invitee.tracking as Json).utm_source).toBe("sessionly-app");
    const event = (await emu.get(path(invitee.event))).body.resource as Json;
    expect(event).toMatchObject({
      status: "active",
      start_time: "2027-03-11T14:00:00.000000Z",
      end_time: "2027-03-11T15:00:00.000000Z",
      name: "Deep-Dive Strategy Session",
      invitees_counter: { total: 1, active: 1, limit: 1 },
      location: { type: "physical", location: "Sessionly HQ, 200 Park Ave, New York, NY" },
    });
    expect((event.event_guests as Json[]).map((g) => g.email)).toEqual(["assistant@carter-homes.test"]);
  });

  it("answers 404 for a taken slot and an off-grid start", async () => {
    for (const start of ["2027-03-11T14:00:00Z", "2027-03-11T14:07:00Z"]) {
      const res = await book(start);
      expect(res.status).toBe(404);
      expect(res.body).toMatchObject({ title: "Resource Not Found", message: "The server could not find the requested resource." });
    }
  });

  it("validates required questions, select choices, location kind and guests", async () => {
    const missing = await book("2027-03-12T14:00:00Z", { questions_and_answers: [] });
    expect(missing.status).toBe(400);
    expect(missing.body.details).toEqual([{ parameter: "questions_and_answers", message: 'answer to "Brokerage name" must be filled' }]);
    const badChoice = await book("2027-03-12T14:00:00Z", { questions_and_answers: [deepDiveAnswers[0], { question: "Years in real estate", answer: "forever", position: 3 }] });
    expect(badChoice.status).toBe(400);
    const badLocation = await book("2027-03-12T14:00:00Z", { location: { kind: "zoom_conference" } });
    expect(badLocation.body.details).toEqual([{ parameter: "location.kind", message: "is not a location configured on this event type" }]);
    const tooManyGuests = await book("2027-03-12T14:00:00Z", { event_guests: Array.from({ length: 11 }, (_, i) => `g${i}@x.test`) });
    expect(tooManyGuests.status).toBe(400);
  });

  it("supports every location kind configured on an event type", async () => {
    const phone = await emu.call("POST", "/invitees", {
      token: emu.tokenFor(MORGAN),
      body: { event_type: eventTypeUri("listing-strategy"), start_time: "2027-03-12T18:00:00Z", invitee: { email: "realtor.sam@sessionly.test", name: "Sam Patel", timezone: "Asia/Kolkata" }, location: { kind: "outbound_call", location: "+91 98450 12345" } },
    });
    expect(phone.status).toBe(201);
    const event = (await emu.get(path((phone.body.resource as Json).event), MORGAN)).body.resource as Json;
    expect(event.location).toEqual({ type: "outbound_call", location: "+91 98450 12345" });
    const meet = await emu.call("POST", "/invitees", {
      token: emu.tokenFor(MORGAN),
      body: { event_type: eventTypeUri("quick-check-in"), start_time: "2027-03-12T19:00:00Z", invitee: { email: "realtor.sam@sessionly.test", first_name: "Sam", last_name: "Patel", timezone: "Asia/Kolkata" } },
    });
    expect((meet.body.resource as Json).name).toBe("Sam Patel");
    const zoom = (await emu.get(path((meet.body.resource as Json).event), MORGAN)).body.resource as Json;
    expect((zoom.location as Json).type).toBe("zoom");
  });

  it("is gated to paid plans", async () => {
    const fiona = [...emu.store.state.eventTypes.values()].find((e) => e.slug === "free-consult");
    const res = await emu.call("POST", "/invitees", {
      token: emu.tokenFor("fiona@free-coaching.test"),
      body: { event_type: `${emu.publicUrl}/event_types/${fiona?.uuid}`, start_time: "2027-03-15T08:00:00Z", invitee: { email: "a@b.test", name: "A", timezone: "UTC" } },
    });
    expect(res.status).toBe(403);
    expect(res.body.message).toBe("The Scheduling API is only available on paid Calendly plans. Upgrade your plan to access this feature.");
  });
});

describe("cancellation, reschedule and no-shows", () => {
  it("cancels with a reason and refuses to cancel twice or in the past", async () => {
    const booked = await book("2027-03-15T13:00:00Z");
    const eventPath = path((booked.body.resource as Json).event);
    const res = await emu.call("POST", `${eventPath}/cancellation`, { token: emu.tokenFor(MORGAN), body: { reason: "Coach is sick" } });
    expect(res.status).toBe(201);
    expect(res.body.resource).toMatchObject({ canceled_by: "Morgan Reyes", canceler_type: "host", reason: "Coach is sick" });
    const again = await emu.call("POST", `${eventPath}/cancellation`, { token: emu.tokenFor(MORGAN), body: {} });
    expect(again.status).toBe(403);
    expect(again.body).toEqual({ title: "Permission Denied", message: "Event is already canceled" });
    const invitees = await emu.get<{ collection: Json[] }>(`${eventPath}/invitees`);
    expect(invitees.body.collection[0]).toMatchObject({ status: "canceled", cancellation: { canceler_type: "host", reason: "Coach is sick" } });
    const past = await book("2027-03-16T13:00:00Z");
    emu.clock.advance(7 * 86_400_000);
    try {
      const late = await emu.call("POST", `${path((past.body.resource as Json).event)}/cancellation`, { token: emu.tokenFor(MORGAN), body: {} });
      expect(late.body).toEqual({ title: "Permission Denied", message: "Event in the past" });
    } finally {
      emu.clock.advance(-7 * 86_400_000);
    }
  });

  it("reschedules into a chain: old canceled with rescheduled/new_invitee, new with old_invitee", async () => {
    const booked = await book("2027-03-17T13:00:00Z");
    const oldUri = String((booked.body.resource as Json).uri);
    const res = await emu.admin("POST", "/__emulator/actions/reschedule", { invitee: oldUri, start_time: "2027-03-18T13:00:00Z", reason: "Clash" });
    expect(res.status).toBe(201);
    const fresh = res.body.resource as Json;
    const old = (await emu.get(path(oldUri))).body.resource as Json;
    expect(old).toMatchObject({ status: "canceled", rescheduled: true, new_invitee: fresh.uri, cancellation: { canceler_type: "invitee", reason: "Clash" } });
    expect(fresh).toMatchObject({ status: "active", old_invitee: oldUri, rescheduled: false });
    expect(fresh.event).not.toBe(old.event);
  });

  it("marks and unmarks a no-show only once the event started", async () => {
    const booked = await book("2027-03-19T13:00:00Z");
    const inviteeUri = String((booked.body.resource as Json).uri);
    const early = await emu.call("POST", "/invitee_no_shows", { token: emu.tokenFor(MORGAN), body: { invitee: inviteeUri } });
    expect(early.status).toBe(400);
    emu.clock.set("2027-03-19T13:20:00Z");
    try {
      const marked = await emu.call("POST", "/invitee_no_shows", { token: emu.tokenFor(MORGAN), body: { invitee: inviteeUri } });
      expect(marked.status).toBe(201);
      const noShow = marked.body.resource as Json;
      expect(noShow).toMatchObject({ invitee: inviteeUri, created_at: "2027-03-19T13:20:00.000000Z" });
      expect(((await emu.get(path(inviteeUri))).body.resource as Json).no_show).toEqual({ uri: noShow.uri, created_at: noShow.created_at });
      expect((await emu.get(path(noShow.uri))).status).toBe(200);
      expect((await emu.call("DELETE", path(noShow.uri), { token: emu.tokenFor(MORGAN) })).status).toBe(204);
      expect(((await emu.get(path(inviteeUri))).body.resource as Json).no_show).toBeNull();
      expect((await emu.get(path(noShow.uri))).status).toBe(404);
    } finally {
      emu.clock.set("2027-03-10T12:00:00Z");
    }
  });
});

describe("keyset pagination over the demo fixture", () => {
  it("never skips or repeats, forwards and backwards, and filters consistently", async () => {
    const demo = await startTestEmulator({ fixture: "demo" });
    try {
      const org = `${demo.publicUrl}/organizations/${demo.store.userByEmail(ADMIN)?.organizationUuid}`;
      const all = [...demo.store.state.events.values()].filter((e) => e.status === "active");
      const seen: string[] = [];
      let next: string | null = `/scheduled_events?organization=${q(org)}&status=active&count=17&sort=start_time:desc`;
      let lastPage: Json = {};
      while (next) {
        const res: ApiResponse<{ collection: Json[]; pagination: Json }> = await demo.get(next);
        expect(res.status).toBe(200);
        seen.push(...res.body.collection.map((e) => String(e.uri)));
        lastPage = res.body;
        next = (res.body.pagination.next_page as string | null) ?? null;
      }
      expect(seen).toHaveLength(all.length);
      expect(new Set(seen).size).toBe(all.length);
      const starts = seen.map((uri) => demo.store.state.events.get(uri.split("/").pop() ?? "")?.startTime ?? 0);
      expect([...starts].sort((a, b) => b - a)).toEqual(starts);
      const back: string[] = [];
      let previous = (lastPage.pagination as Json).previous_page as string | null;
      while (previous) {
        const res: ApiResponse<{ collection: Json[]; pagination: Json }> = await demo.get(previous);
        back.unshift(...res.body.collection.map((e) => String(e.uri)));
        previous = (res.body.pagination.previous_page as string | null) ?? null;
      }
      expect([...back, ...(lastPage.collection as Json[]).map((e) => String(e.uri))]).toEqual(seen);
    } finally {
      await demo.stop();
    }
  });
});
