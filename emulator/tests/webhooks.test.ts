// Webhook subscriptions and real deliveries: envelope, independent HMAC verification, events fired by API and
// control-plane actions, 409 duplicates, plan gate, retries with back-off and disabling (time-scaled).
import { createHmac, timingSafeEqual } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { createClock } from "../core/clock";
import { EMULATOR_WEBHOOK_SIGNING_KEY } from "../defaults";
import { ADMIN, FIONA, MORGAN, oauthTokens, startReceiver, startTestEmulator, waitFor, type TestEmulator } from "./support";

type Json = Record<string, unknown>;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0)) await cleanup();
});

async function setup(options: Parameters<typeof startTestEmulator>[0] = {}, status: () => number = () => 200) {
  const emu = await startTestEmulator({ fixture: "empty", clock: createClock({ at: "2027-03-10T12:00:00Z" }), ...options });
  const receiver = await startReceiver(status);
  cleanups.push(() => emu.stop(), () => receiver.close());
  return { emu, receiver };
}

function verify(key: string, rawBody: string, header: string): boolean {
  const parts = Object.fromEntries(header.split(",").map((p) => p.split("=", 2)));
  const expected = createHmac("sha256", key).update(`${parts.t}.${rawBody}`).digest("hex");
  return typeof parts.v1 === "string" && parts.v1.length === expected.length && timingSafeEqual(Buffer.from(parts.v1), Buffer.from(expected));
}

function eventTypeUri(emu: TestEmulator, slug: string): string {
  const et = [...emu.store.state.eventTypes.values()].find((x) => x.slug === slug);
  return `${emu.publicUrl}/event_types/${et?.uuid}`;
}

async function subscribe(emu: TestEmulator, url: string, token: string, body: Json = {}) {
  return emu.call("POST", "/webhook_subscriptions", {
    token,
    body: { url, events: ["invitee.created", "invitee.canceled", "invitee_no_show.created", "invitee_no_show.deleted"], organization: emu.orgUri(), scope: "organization", ...body },
  });
}

const bookQuick = (emu: TestEmulator, start = "2027-03-11T14:00:00Z") =>
  emu.admin("POST", "/__emulator/actions/book", { event_type: eventTypeUri(emu, "quick-check-in"), start_time: start, invitee: { email: "realtor.jamie@sessionly.test", name: "Jamie Carter", timezone: "America/Chicago" } });

describe("deliveries", () => {
  it("delivers signed invitee.created / canceled / no-show events with Calendly's envelope", async () => {
    const { emu, receiver } = await setup();
    const created = await subscribe(emu, receiver.url, emu.tokenFor(ADMIN), { signing_key: "pat-chosen-key" });
    expect(created.status).toBe(201);
    expect(created.body.resource).toMatchObject({ callback_url: receiver.url, scope: "organization", state: "active", user: null, retry_started_at: null, creator: emu.userUri(ADMIN) });
    const booked = await bookQuick(emu);
    const inviteeUri = String((booked.body.resource as Json).uri);
    await waitFor(() => receiver.received.length === 1);
    const first = receiver.received[0];
    expect(verify("pat-chosen-key", first.body, String(first.headers["calendly-webhook-signature"]))).toBe(true);
    expect(verify("wrong-key", first.body, String(first.headers["calendly-webhook-signature"]))).toBe(false);
    const t = Number(/t=(\d+)/.exec(String(first.headers["calendly-webhook-signature"]))?.[1]);
    // Signatures use real time by default (a receiver checks its tolerance against its own clock).
    expect(Math.abs(t - Math.floor(Date.now() / 1000))).toBeLessThan(5);
    const envelope = JSON.parse(first.body) as Json;
    expect(Object.keys(envelope)).toEqual(["created_at", "created_by", "event", "payload"]);
    expect(envelope).toMatchObject({ event: "invitee.created", created_by: emu.userUri(ADMIN) });
    const payload = envelope.payload as Json;
    expect(payload).toMatchObject({ uri: inviteeUri, email: "realtor.jamie@sessionly.test", status: "active", scheduling_method: null });
    expect(payload.scheduled_event).toMatchObject({ start_time: "2027-03-11T14:00:00.000000Z", status: "active", event_memberships: [{ user: emu.userUri(MORGAN), user_email: MORGAN, user_name: "Morgan Reyes" }] });

    await emu.admin("POST", "/__emulator/actions/cancel", { invitee: inviteeUri, reason: "Running late" });
    await waitFor(() => receiver.received.length === 2);
    const canceled = JSON.parse(receiver.received[1].body) as Json;
    expect(canceled.event).toBe("invitee.canceled");
    expect(canceled.payload).toMatchObject({ status: "canceled", cancellation: { canceler_type: "invitee", canceled_by: "Jamie Carter", reason: "Running late" } });
    expect((canceled.payload as Json).scheduled_event).toMatchObject({ status: "canceled", invitees_counter: { active: 0, total: 1, limit: 1 } });

    const second = await bookQuick(emu, "2027-03-11T15:00:00Z");
    emu.clock.set("2027-03-11T15:20:00Z");
    const secondUri = String((second.body.resource as Json).uri);
    expect((await emu.admin("POST", "/__emulator/actions/no-show", { invitee: secondUri })).status).toBe(201);
    expect((await emu.admin("POST", "/__emulator/actions/remove-no-show", { invitee: secondUri })).status).toBe(204);
    await waitFor(() => receiver.received.length === 5);
    const events = receiver.received.map((r) => (JSON.parse(r.body) as Json).event);
    expect(events).toEqual(["invitee.created", "invitee.canceled", "invitee.created", "invitee_no_show.created", "invitee_no_show.deleted"]);
    expect(((JSON.parse(receiver.received[3].body) as Json).payload as Json).no_show).toMatchObject({ uri: expect.stringContaining("/invitee_no_shows/") });
    expect(((JSON.parse(receiver.received[4].body) as Json).payload as Json).no_show).toBeNull();
    const deliveries = await emu.admin<{ collection: Json[] }>("GET", "/__emulator/deliveries");
    expect(deliveries.body.collection).toHaveLength(5);
    expect(deliveries.body.collection.every((d) => d.state === "delivered" && (d.attempts as Json[])[0].status_code === 200)).toBe(true);
  });

  it("signs subscriptions created with the OAuth client's tokens with the app-level key and scopes user hooks", async () => {
    const { emu, receiver } = await setup();
    const tokens = await oauthTokens(emu, MORGAN);
    const res = await subscribe(emu, receiver.url, String(tokens.access_token), { scope: "user", user: emu.userUri(MORGAN) });
    expect(res.status).toBe(201);
    const other = [...emu.store.state.eventTypes.values()].find((e) => e.slug === "intro-call");
    await emu.admin("POST", "/__emulator/actions/book", { event_type: other?.uuid, start_time: "2027-03-11T09:30:00Z", invitee: { email: "x@y.test", name: "X", timezone: "UTC" } });
    await bookQuick(emu);
    await waitFor(() => receiver.received.length >= 1);
    await emu.waitForDeliveries();
    expect(receiver.received).toHaveLength(1);
    const r = receiver.received[0];
    expect(verify(EMULATOR_WEBHOOK_SIGNING_KEY, r.body, String(r.headers["calendly-webhook-signature"]))).toBe(true);
  });

  it("fires invitee.created for POST /invitees with scheduling_method api", async () => {
    const { emu, receiver } = await setup();
    await subscribe(emu, receiver.url, emu.tokenFor(ADMIN));
    const res = await emu.call("POST", "/invitees", {
      token: emu.tokenFor(ADMIN),
      body: { event_type: eventTypeUri(emu, "quick-check-in"), start_time: "2027-03-11T14:00:00Z", invitee: { email: "realtor.sam@sessionly.test", name: "Sam Patel", timezone: "Asia/Kolkata" } },
    });
    expect(res.status).toBe(201);
    await waitFor(() => receiver.received.length === 1);
    expect((JSON.parse(receiver.received[0].body) as Json).payload).toMatchObject({ scheduling_method: "api", timezone: "Asia/Kolkata" });
  });
});

describe("subscription rules", () => {
  it("answers 409 for a duplicate URL, 403 for a free plan and for a plain user's org hook", async () => {
    const { emu, receiver } = await setup();
    expect((await subscribe(emu, receiver.url, emu.tokenFor(ADMIN))).status).toBe(201);
    const dup = await subscribe(emu, receiver.url, emu.tokenFor(ADMIN));
    expect(dup.status).toBe(409);
    expect(dup.body).toEqual({ title: "Already Exists", message: "Hook with this url already exists" });
    const fiona = emu.store.userByEmail(FIONA);
    const free = await subscribe(emu, "https://example.test/free", emu.tokenFor(FIONA), { organization: `${emu.publicUrl}/organizations/${fiona?.organizationUuid}` });
    expect(free.status).toBe(403);
    expect(free.body).toEqual({ title: "Permission Denied", message: "Please upgrade your Calendly account to Standard" });
    const plain = await subscribe(emu, "https://example.test/plain", emu.tokenFor(MORGAN));
    expect(plain.body).toEqual({ title: "Permission Denied", message: "You do not have permission" });
    const list = await emu.get<{ collection: Json[] }>(`/webhook_subscriptions?organization=${encodeURIComponent(emu.orgUri())}&scope=organization`, MORGAN);
    expect(list.status).toBe(403);
    const hookPath = String(((await emu.get<{ collection: Json[] }>(`/webhook_subscriptions?organization=${encodeURIComponent(emu.orgUri())}&scope=organization`)).body.collection[0]).uri).replace(emu.publicUrl, "");
    expect((await emu.call("DELETE", hookPath, { token: emu.tokenFor(ADMIN) })).status).toBe(204);
    expect((await emu.get(hookPath)).status).toBe(404);
  });
});

describe("retries", () => {
  it("retries failing deliveries with back-off and disables the subscription after the budget", async () => {
    const { emu, receiver } = await setup({ webhookRetryScale: 0.00002 }, () => 500); // 60 s → 1.2 ms, 24 h → 1.7 s
    const hook = await subscribe(emu, receiver.url, emu.tokenFor(ADMIN));
    await bookQuick(emu);
    await waitFor(() => receiver.received.length >= 2, 3000);
    const retrying = await emu.get(String((hook.body.resource as Json).uri).replace(emu.publicUrl, ""));
    expect((retrying.body.resource as Json).retry_started_at).not.toBeNull();
    await emu.waitForDeliveries();
    const after = await emu.get(String((hook.body.resource as Json).uri).replace(emu.publicUrl, ""));
    expect((after.body.resource as Json).state).toBe("disabled");
    const [delivery] = (await emu.admin<{ collection: Json[] }>("GET", "/__emulator/deliveries")).body.collection;
    const attempts = delivery.attempts as Json[];
    expect(delivery.state).toBe("failed");
    expect(attempts.length).toBeGreaterThanOrEqual(8);
    expect(attempts.every((a) => a.status_code === 500)).toBe(true);
    const gaps = receiver.received.slice(1).map((r, i) => r.at - receiver.received[i].at);
    expect(gaps.at(-1)).toBeGreaterThan(gaps[0]);
    const count = receiver.received.length;
    await bookQuick(emu, "2027-03-11T15:00:00Z");
    await emu.waitForDeliveries();
    expect(receiver.received.length).toBe(count);
  });

  it("recovers when the receiver comes back before the budget is spent", async () => {
    let calls = 0;
    const { emu, receiver } = await setup({ webhookRetryScale: 0.0001 }, () => (++calls < 3 ? 503 : 204));
    const hook = await subscribe(emu, receiver.url, emu.tokenFor(ADMIN));
    await bookQuick(emu);
    await waitFor(() => receiver.received.length === 3, 5000);
    await emu.waitForDeliveries();
    const res = await emu.get(String((hook.body.resource as Json).uri).replace(emu.publicUrl, ""));
    expect(res.body.resource).toMatchObject({ state: "active", retry_started_at: null });
    const [delivery] = (await emu.admin<{ collection: Json[] }>("GET", "/__emulator/deliveries")).body.collection;
    expect((delivery.attempts as Json[]).map((a) => a.status_code)).toEqual([503, 503, 204]);
  });
});

describe("timeouts and group bookings", () => {
  it("treats a receiver that does not answer in time as a failure and retries", async () => {
    let calls = 0;
    const { emu, receiver } = await setup({ webhookRetryScale: 0.0001, webhookTimeoutMs: 150 });
    receiver.server.removeAllListeners("request");
    receiver.server.on("request", (req, res) => {
      calls += 1;
      if (calls === 1) return; // hang: the emulator must time out
      req.resume();
      req.on("end", () => res.writeHead(200).end());
    });
    await subscribe(emu, receiver.url, emu.tokenFor(ADMIN));
    await bookQuick(emu);
    await emu.waitForDeliveries();
    const [delivery] = (await emu.admin<{ collection: Json[] }>("GET", "/__emulator/deliveries")).body.collection;
    const attempts = delivery.attempts as Json[];
    expect(attempts[0]).toMatchObject({ status_code: null, error: "timeout" });
    expect(attempts[1]).toMatchObject({ status_code: 200 });
    expect(delivery.state).toBe("delivered");
  });

  it("keeps a group event active when one of several invitees cancels", async () => {
    const { emu, receiver } = await setup();
    await subscribe(emu, receiver.url, emu.tokenFor(ADMIN));
    const group = eventTypeUri(emu, "group-market-update");
    const invitees: string[] = [];
    for (const email of ["realtor.jamie@sessionly.test", "realtor.sam@sessionly.test"]) {
      const res = await emu.admin("POST", "/__emulator/actions/book", { event_type: group, start_time: "2027-03-11T14:00:00Z", invitee: { email, name: email, timezone: "UTC" } });
      invitees.push(String((res.body.resource as Json).uri));
    }
    await emu.admin("POST", "/__emulator/actions/cancel", { invitee: invitees[0] });
    await waitFor(() => receiver.received.length === 3);
    // Deliveries are sent concurrently, so they may arrive in any order: find the cancellation by its name.
    const canceled = receiver.received.map((delivery) => JSON.parse(delivery.body) as Json).find((body) => body.event === "invitee.canceled")!;
    expect(canceled.event).toBe("invitee.canceled");
    expect((canceled.payload as Json).scheduled_event).toMatchObject({ status: "active", invitees_counter: { total: 2, active: 1, limit: 8 } });
  });
});
