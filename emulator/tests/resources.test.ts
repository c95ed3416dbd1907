// Read endpoints over the demo fixture: organizations, memberships, event type filters/sort, scheduled event filters.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, FIONA, MORGAN, PRIYA, startTestEmulator, type TestEmulator } from "./support";

type Json = Record<string, unknown>;
type List = { collection: Json[]; pagination: Json };
let emu: TestEmulator;
const q = (value: string) => encodeURIComponent(value);

beforeAll(async () => {
  emu = await startTestEmulator({ fixture: "demo" });
});
afterAll(async () => {
  await emu.stop();
});

describe("users, organizations and memberships", () => {
  it("serves the organization to its members only", async () => {
    const org = await emu.get(emu.orgUri().replace(emu.publicUrl, ""), MORGAN);
    expect(org.body.resource).toMatchObject({ uri: emu.orgUri(), name: "Sessionly Coaching", plan: "teams", stage: "paid" });
    expect((await emu.get(emu.orgUri().replace(emu.publicUrl, ""), FIONA)).status).toBe(403);
    expect((await emu.get(emu.userUri(FIONA).replace(emu.publicUrl, ""), ADMIN)).status).toBe(403);
    expect(((await emu.get(emu.userUri(PRIYA).replace(emu.publicUrl, ""), MORGAN)).body.resource as Json).timezone).toBe("Europe/London");
  });

  it("lists memberships by organization, user, email and role", async () => {
    const all = await emu.get<List>(`/organization_memberships?organization=${q(emu.orgUri())}`, MORGAN);
    expect(all.body.collection.map((m) => (m.user as Json).email)).toEqual([
      "admin@sessionly.test", "ops@sessionly.test", "coach.morgan@sessionly.test", "coach.priya@sessionly.test", "coach.lena@sessionly.test", "coach.tom@sessionly.test",
    ]);
    const mine = await emu.get<List>(`/organization_memberships?user=${q(emu.userUri(MORGAN))}`, MORGAN);
    expect(mine.body.collection).toHaveLength(1);
    expect(mine.body.collection[0]).toMatchObject({ role: "user", organization: emu.orgUri() });
    const owners = await emu.get<List>(`/organization_memberships?organization=${q(emu.orgUri())}&role=owner`);
    expect(owners.body.collection.map((m) => (m.user as Json).email)).toEqual([ADMIN]);
    const byEmail = await emu.get<List>(`/organization_memberships?organization=${q(emu.orgUri())}&email=${q(PRIYA)}`);
    expect(byEmail.body.collection).toHaveLength(1);
    expect((await emu.get("/organization_memberships")).status).toBe(400);
  });
});

describe("event types", () => {
  it("filters by active and sorts by name", async () => {
    const user = q(emu.userUri(PRIYA));
    const all = await emu.get<List>(`/event_types?user=${user}`, PRIYA);
    expect(all.body.collection.map((e) => e.name)).toEqual(["Business Plan Review", "Intro Call", "Legacy Intro Call (retired)", "Pricing Clinic"]);
    const inactive = await emu.get<List>(`/event_types?user=${user}&active=false`, PRIYA);
    expect(inactive.body.collection.map((e) => e.slug)).toEqual(["legacy-intro"]);
    const desc = await emu.get<List>(`/event_types?user=${user}&active=true&sort=name:desc`, PRIYA);
    expect(desc.body.collection.map((e) => e.name)).toEqual(["Pricing Clinic", "Intro Call", "Business Plan Review"]);
    expect(desc.body.collection[0]).toMatchObject({ scheduling_url: `${emu.publicUrl}/priya-shah/pricing-clinic`, duration: 30, kind: "solo", profile: { type: "User", name: "Priya Shah", owner: emu.userUri(PRIYA) } });
    const group = (await emu.get<List>(`/event_types?user=${q(emu.userUri(MORGAN))}`, MORGAN)).body.collection.find((e) => e.kind === "group");
    expect(group).toMatchObject({ name: "Group Market Update", kind_description: "Group" });
    expect((await emu.get(`/event_types?user=${user}&sort=color:asc`, PRIYA)).status).toBe(400);
  });
});

describe("scheduled events filters", () => {
  it("applies min/max start, status and invitee_email like Calendly", async () => {
    const min = new Date(emu.clock.now() - 30 * 86_400_000).toISOString();
    const max = new Date(emu.clock.now()).toISOString();
    const res = await emu.get<List>(`/scheduled_events?organization=${q(emu.orgUri())}&min_start_time=${min}&max_start_time=${max}&status=canceled&invitee_email=${q("realtor.jamie@sessionly.test")}&count=100`);
    expect(res.status).toBe(200);
    const expected = [...emu.store.state.events.values()].filter(
      (e) => e.status === "canceled" && e.startTime >= Date.parse(min) && e.startTime < Date.parse(max) &&
        emu.store.inviteesOfEvent(e.uuid).some((i) => i.email === "realtor.jamie@sessionly.test"),
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(res.body.collection.map((e) => e.uri).sort()).toEqual(expected.map((e) => `${emu.publicUrl}/scheduled_events/${e.uuid}`).sort());
    for (const event of res.body.collection) expect(event.cancellation).toMatchObject({ canceler_type: expect.stringMatching(/^(host|invitee)$/) });
  });

  it("lists a group event's invitees filtered by status and sorted by created_at desc", async () => {
    const group = [...emu.store.state.events.values()].find((e) => e.inviteeLimit === 8 && emu.store.inviteesOfEvent(e.uuid).some((i) => i.status === "canceled"));
    expect(group).toBeDefined();
    const path = `/scheduled_events/${group?.uuid}/invitees`;
    const active = await emu.get<List>(`${path}?status=active`, MORGAN);
    expect(active.body.collection.every((i) => i.status === "active")).toBe(true);
    const desc = await emu.get<List>(`${path}?sort=created_at:desc`, MORGAN);
    const created = desc.body.collection.map((i) => String(i.created_at));
    expect([...created].sort().reverse()).toEqual(created);
  });

  it("covers every location type in the demo data", async () => {
    const types = new Set([...emu.store.state.events.values()].map((e) => e.location?.type));
    for (const type of ["zoom", "google_conference", "microsoft_teams_conference", "webex_conference", "gotomeeting", "physical", "ask_invitee", "custom", "inbound_call", "outbound_call"]) {
      expect(types).toContain(type);
    }
  });
});
