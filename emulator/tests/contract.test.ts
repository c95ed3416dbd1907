// Contract tests: for every captured Calendly response that maps to an implemented endpoint, the emulator's answer
// has the same keys (recursively) and compatible value types.
//
// Intentionally not covered (endpoints not emulated): activity_log_entries_001 (Enterprise activity log),
// organization_invitation*.json (organization invitations), routing_form*.json (routing forms and submissions).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, MORGAN, compareShape, oauthTokens, readCaptured, startTestEmulator, type TestEmulator } from "./support";

let emu: TestEmulator;
const loose = { looseKeys: ["location", "profile", "settings", "data"], optionalKeys: ["cancellation"] };
type Json = Record<string, unknown>;
const collection = (body: Json) => body.collection as Json[];
const pagination = (body: Json) => body.pagination as Json;

beforeAll(async () => {
  emu = await startTestEmulator({ fixture: "demo" });
});
afterAll(async () => {
  await emu.stop();
});

function expectShape(file: string, actual: unknown): void {
  expect(compareShape(readCaptured(file), actual, loose)).toEqual([]);
}

const q = (value: string) => encodeURIComponent(value);

describe("captured responses have emulator counterparts", () => {
  it("user_001", async () => {
    const res = await emu.get("/users/me");
    expect(res.status).toBe(200);
    expectShape("user_001.json", res.body);
  });

  it("organization memberships (one, list, two pages)", async () => {
    const page1 = await emu.get(`/organization_memberships?organization=${q(emu.orgUri())}&count=2`);
    expect(collection(page1.body)).toHaveLength(2);
    expectShape("organization_memberships_002_page1.json", page1.body);
    expectShape("organization_memberships_001.json", page1.body);
    const page2 = await emu.get(String(pagination(page1.body).next_page));
    expectShape("organization_memberships_002_page2.json", page2.body);
    const one = await emu.get(String(collection(page1.body)[0].uri).replace(emu.publicUrl, ""));
    expectShape("organization_membership_001.json", one.body);
  });

  it("event types (get with every question type, lists, pages)", async () => {
    const list = await emu.get(`/event_types?organization=${q(emu.orgUri())}&count=2`);
    for (const file of ["event_types_002_page1.json", "event_types_003.json"]) expectShape(file, list.body);
    const page2 = await emu.get(String(pagination(list.body).next_page));
    expectShape("event_types_002_page2.json", page2.body);
    const byUser = await emu.get(`/event_types?user=${q(emu.userUri(MORGAN))}&count=2`, MORGAN);
    expectShape("event_types_002_page1_user.json", byUser.body);
    const deepDive = collection((await emu.get(`/event_types?user=${q(emu.userUri(MORGAN))}&count=10`, MORGAN)).body).find((e) => e.slug === "deep-dive");
    const one = await emu.get(String(deepDive?.uri).replace(emu.publicUrl, ""));
    expect((one.body.resource as Json).custom_questions).toHaveLength(5);
    for (const file of ["event_type_001_user.json", "event_type_011_many_questions.json", "event_type_101_team.json", "event_type_201_no_profile.json"]) {
      expectShape(file, one.body);
    }
  });

  it("event_type_available_times_001", async () => {
    const types = collection((await emu.get(`/event_types?user=${q(emu.userUri(MORGAN))}`, MORGAN)).body);
    const quick = types.find((e) => e.slug === "quick-check-in");
    const start = new Date(emu.clock.now() + 60_000).toISOString();
    const end = new Date(emu.clock.now() + 6 * 86_400_000).toISOString();
    const res = await emu.get(`/event_type_available_times?event_type=${q(String(quick?.uri))}&start_time=${start}&end_time=${end}`, MORGAN);
    expect(res.status).toBe(200);
    expect(collection(res.body).length).toBeGreaterThan(0);
    expectShape("event_type_available_times_001.json", res.body);
  });

  it("scheduled events (canceled one, lists, pages, user list)", async () => {
    const canceled = await emu.get(`/scheduled_events?organization=${q(emu.orgUri())}&status=canceled&count=2`);
    const event = collection(canceled.body)[0];
    expect(event.cancellation).toBeTruthy();
    const one = await emu.get(String(event.uri).replace(emu.publicUrl, ""));
    expectShape("scheduled_event_001.json", one.body);
    expectShape("scheduled_events_001.json", canceled.body);
    const page1 = await emu.get(`/scheduled_events?organization=${q(emu.orgUri())}&count=2&status=active&invitee_email=${q("realtor.jamie@sessionly.test")}`);
    expectShape("scheduled_events_002_page1.json", page1.body);
    expectShape("scheduled_events_002_page2.json", (await emu.get(String(pagination(page1.body).next_page))).body);
    const mine = await emu.get(`/scheduled_events?user=${q(emu.userUri(MORGAN))}&count=2`, MORGAN);
    expectShape("scheduled_events_002_page1_user.json", mine.body);
  });

  it("invitees (rescheduled one, lists, pages) and no-show", async () => {
    const rescheduled = [...emu.store.state.invitees.values()].find((i) => i.rescheduled && i.questionsAndAnswers.length > 0);
    expect(rescheduled).toBeDefined();
    const one = await emu.get(`/scheduled_events/${rescheduled?.eventUuid}/invitees/${rescheduled?.uuid}`);
    expectShape("scheduled_event_invitee_301.json", one.body);
    const group = [...emu.store.state.events.values()].find((e) => emu.store.inviteesOfEvent(e.uuid).length >= 3);
    const page1 = await emu.get(`/scheduled_events/${group?.uuid}/invitees?count=2`);
    expect(collection(page1.body)).toHaveLength(2);
    for (const file of ["scheduled_event_invitees_101.json", "scheduled_event_invitees_201_page1.json"]) expectShape(file, page1.body);
    expectShape("scheduled_event_invitees_201_page2.json", (await emu.get(String(pagination(page1.body).next_page))).body);
    const noShow = [...emu.store.state.noShows.values()][0];
    expectShape("no_show_001.json", (await emu.get(`/invitee_no_shows/${noShow.uuid}`)).body);
  });

  it("cancel_event_001 / 002", async () => {
    const future = [...emu.store.state.events.values()].filter((e) => e.status === "active" && e.startTime > emu.clock.now());
    const first = await emu.call("POST", `/scheduled_events/${future[0].uuid}/cancellation`, { token: emu.tokenFor(ADMIN), body: {} });
    expect(first.status).toBe(201);
    expectShape("cancel_event_001.json", first.body);
    const second = await emu.call("POST", `/scheduled_events/${future[1].uuid}/cancellation`, { token: emu.tokenFor(ADMIN), body: { reason: "something" } });
    expect((second.body.resource as Json).reason).toBe("something");
    expectShape("cancel_event_002.json", second.body);
  });

  it("refresh_token and error_400_invalid_grant", async () => {
    const tokens = await oauthTokens(emu, MORGAN);
    const form = { grant_type: "refresh_token", refresh_token: String(tokens.refresh_token), client_id: emu.oauthClient.clientId, client_secret: emu.oauthClient.clientSecret };
    const refreshed = await emu.call("POST", "/oauth/token", { form });
    expect(refreshed.status).toBe(200);
    expectShape("refresh_token.json", refreshed.body);
    const reused = await emu.call("POST", "/oauth/token", { form });
    expect(reused.status).toBe(400);
    expect(reused.body).toEqual(readCaptured("error_400_invalid_grant.json"));
  });

  it("schedule_link_001", async () => {
    const eventType = [...emu.store.state.eventTypes.values()].find((e) => e.slug === "quick-check-in");
    const res = await emu.call("POST", "/scheduling_links", {
      token: emu.tokenFor(MORGAN),
      body: { max_event_count: 1, owner: `${emu.publicUrl}/event_types/${eventType?.uuid}`, owner_type: "EventType" },
    });
    expect(res.status).toBe(201);
    expect(String((res.body.resource as Json).booking_url)).toMatch(new RegExp(`^${emu.publicUrl}/d/[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}/quick-check-in$`));
    expectShape("schedule_link_001.json", res.body);
  });

  it("error_404_not_found", async () => {
    const res = await emu.get("/scheduled_events/00000000-0000-4000-8000-000000000000");
    expect(res.status).toBe(404);
    expect(res.body).toEqual(readCaptured("error_404_not_found.json"));
  });

  it("webhook subscriptions (organization and user scope, lists, pages)", async () => {
    const token = emu.tokenFor(ADMIN);
    const org = emu.orgUri();
    for (let i = 0; i < 2; i += 1) {
      await emu.call("POST", "/webhook_subscriptions", { token, body: { url: `https://example.test/org/${i}`, events: ["invitee.created", "invitee.canceled"], organization: org, scope: "organization" } });
      await emu.call("POST", "/webhook_subscriptions", { token, body: { url: `https://example.test/user/${i}`, events: ["invitee.created"], organization: org, scope: "user", user: emu.userUri(ADMIN) } });
    }
    const orgList = await emu.get(`/webhook_subscriptions?organization=${q(org)}&scope=organization&count=1`);
    for (const file of ["webhooks_organization_001.json", "webhooks_organization_002_page1.json"]) expectShape(file, orgList.body);
    expectShape("webhooks_organization_002_page2.json", (await emu.get(String(pagination(orgList.body).next_page))).body);
    const userList = await emu.get(`/webhook_subscriptions?organization=${q(org)}&scope=user&user=${q(emu.userUri(ADMIN))}&count=1`);
    for (const file of ["webhooks_user_001.json", "webhooks_user_002_page1.json"]) expectShape(file, userList.body);
    expectShape("webhooks_user_002_page2.json", (await emu.get(String(pagination(userList.body).next_page))).body);
    expectShape("webhook_organization_001.json", (await emu.get(String(collection(orgList.body)[0].uri).replace(emu.publicUrl, ""))).body);
    expectShape("webhook_user_001.json", (await emu.get(String(collection(userList.body)[0].uri).replace(emu.publicUrl, ""))).body);
  });
});

describe("shape comparer", () => {
  it("reports missing keys and type mismatches, tolerates nulls", () => {
    expect(compareShape({ a: 1, b: { c: "x" } }, { a: "1", b: {} })).toEqual(["$.a: expected number, got string", "$.b.c: missing"]);
    expect(compareShape({ a: null, b: [{ c: 1 }] }, { a: { x: 1 }, b: [{ c: null }] })).toEqual([]);
  });
});
