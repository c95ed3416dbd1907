// Control plane: admin auth, clock, reset, route and webhook faults, state summary, snapshots.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, MORGAN, startReceiver, startTestEmulator, waitFor, type TestEmulator } from "./support";

type Json = Record<string, unknown>;
let emu: TestEmulator;

beforeAll(async () => {
  emu = await startTestEmulator({ fixture: "empty" });
});
afterAll(async () => {
  await emu.stop();
});

describe("control plane", () => {
  it("requires the admin token", async () => {
    expect((await emu.call("GET", "/__emulator/state", { token: emu.tokenFor(ADMIN) })).status).toBe(401);
    expect((await emu.admin("GET", "/__emulator/state")).status).toBe(200);
  });

  it("gets, sets and advances the clock", async () => {
    const set = await emu.admin("POST", "/__emulator/clock", { set: "2027-06-01T10:00:00Z" });
    expect(String(set.body.now).slice(0, 16)).toBe("2027-06-01T10:00");
    const advanced = await emu.admin("POST", "/__emulator/clock", { advance_minutes: 90 });
    expect(String(advanced.body.now).slice(0, 16)).toBe("2027-06-01T11:30");
    expect(emu.clock.now()).toBeGreaterThanOrEqual(Date.parse("2027-06-01T11:30:00Z"));
  });

  it("resets to a fixture", async () => {
    const demo = await emu.admin("POST", "/__emulator/reset", { fixture: "demo" });
    expect((demo.body.counts as Json).events).toBeGreaterThan(150);
    const empty = await emu.admin("POST", "/__emulator/reset", { fixture: "empty" });
    expect((empty.body.counts as Json).events).toBe(0);
    expect((await emu.admin("POST", "/__emulator/reset", { fixture: "nope" })).status).toBe(400);
    expect((await emu.get("/users/me", MORGAN)).status).toBe(200);
  });

  it("injects latency, errors, 429 bursts and forced 401s per route, and clears them", async () => {
    const morgan = emu.tokenFor(MORGAN);
    await emu.admin("POST", "/__emulator/faults", {
      routes: [
        { route: "/users/*", latency_ms: 120, burst_429: 1 },
        { route: "/event_types*", error_rate: 1, error_status: 503 },
        { route: "*", unauthorized_tokens: [morgan] },
      ],
    });
    const started = Date.now();
    const limited = await emu.get("/users/me", ADMIN);
    expect(Date.now() - started).toBeGreaterThanOrEqual(100);
    expect(limited.status).toBe(429);
    expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
    expect((await emu.get("/users/me", ADMIN)).status).toBe(200);
    const failing = await emu.get(`/event_types?user=${encodeURIComponent(emu.userUri(ADMIN))}`);
    expect(failing.status).toBe(503);
    expect(failing.body.title).toBe("Internal Server Error");
    expect((await emu.get("/users/me", MORGAN)).status).toBe(401);
    expect((await emu.call("DELETE", "/__emulator/faults", { token: emu.adminToken })).status).toBe(204);
    expect((await emu.get("/users/me", MORGAN)).status).toBe(200);
  });

  it("drops and duplicates webhook deliveries on demand", async () => {
    const receiver = await startReceiver();
    try {
      await emu.call("POST", "/webhook_subscriptions", {
        token: emu.tokenFor(ADMIN),
        body: { url: receiver.url, events: ["invitee.created"], organization: emu.orgUri(), scope: "organization" },
      });
      const quick = [...emu.store.state.eventTypes.values()].find((e) => e.slug === "quick-check-in");
      const book = async (start: number) => {
        const slots = await emu.get<{ collection: { start_time: string }[] }>(
          `/event_type_available_times?event_type=${encodeURIComponent(`${emu.publicUrl}/event_types/${quick?.uuid}`)}&start_time=${new Date(start).toISOString()}&end_time=${new Date(start + 6 * 86_400_000).toISOString()}`,
        );
        return emu.admin("POST", "/__emulator/actions/book", { event_type: quick?.uuid, start_time: slots.body.collection[0].start_time, invitee: { email: "a@b.test", name: "A", timezone: "UTC" } });
      };
      await emu.admin("POST", "/__emulator/faults", { webhook: { duplicate_rate: 1 } });
      await book(emu.clock.now() + 86_400_000);
      await waitFor(() => receiver.received.length === 2);
      expect(receiver.received[0].body).toBe(receiver.received[1].body);
      await emu.admin("POST", "/__emulator/faults", { webhook: { duplicate_rate: 0, drop_rate: 1 } });
      await book(emu.clock.now() + 86_400_000);
      await emu.waitForDeliveries();
      expect(receiver.received).toHaveLength(2);
      const deliveries = (await emu.admin<{ collection: Json[] }>("GET", "/__emulator/deliveries")).body.collection;
      expect(deliveries.map((d) => d.state)).toEqual(["delivered", "delivered", "dropped"]);
      expect(deliveries[1].duplicate_of).toBe(deliveries[0].id);
    } finally {
      await emu.call("DELETE", "/__emulator/faults", { token: emu.adminToken });
      await receiver.close();
    }
  });

  it("summarizes state with users, PATs and the OAuth client", async () => {
    const state = await emu.admin("GET", "/__emulator/state");
    const users = state.body.users as Json[];
    expect(users.map((u) => u.email)).toContain(MORGAN);
    expect((users.find((u) => u.email === ADMIN)?.personal_access_tokens as string[])[0]).toBe(emu.tokenFor(ADMIN));
    expect((state.body.oauth_clients as Json[])[0].client_id).toBe("sessionly-dev-client");
  });
});

describe("snapshots and seed PAT", () => {
  it("writes the state to a file and starts from it again", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "emulator-")), "state.json");
    const first = await startTestEmulator({ fixture: "empty", snapshotPath: path, seedPat: "seed-token" });
    const me = await first.call("GET", "/users/me", { token: "seed-token" });
    expect((me.body.resource as Json).email).toBe(ADMIN);
    await first.call("POST", "/webhook_subscriptions", {
      token: "seed-token",
      body: { url: "https://example.test/persisted", events: ["invitee.created"], organization: first.orgUri(), scope: "organization" },
    });
    await first.stop();
    const second = await startTestEmulator({ fixture: "demo", snapshotPath: path });
    try {
      expect(second.store.state.events.size).toBe(0);
      expect([...second.store.state.webhooks.values()].map((h) => h.callbackUrl)).toEqual(["https://example.test/persisted"]);
    } finally {
      await second.stop();
    }
  });
});
