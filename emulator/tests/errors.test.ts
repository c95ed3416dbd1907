// Error cases answer Calendly's status codes and texts: validation, auth, scopes, org-scope rules, rate limits.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADMIN, FIONA, MORGAN, OPS, PRIYA, startTestEmulator, type TestEmulator } from "./support";

let emu: TestEmulator;
const q = (value: string) => encodeURIComponent(value);
const invalidArgument = (parameter: string, message: string) => ({
  title: "Invalid Argument",
  message: "The supplied parameters are invalid.",
  details: [{ parameter, message }],
});
const denied = (message: string) => ({ title: "Permission Denied", message });

beforeAll(async () => {
  emu = await startTestEmulator({ fixture: "empty", clock: undefined });
});
afterAll(async () => {
  await emu.stop();
});

function quickCheckIn(): string {
  const et = [...emu.store.state.eventTypes.values()].find((e) => e.slug === "quick-check-in");
  return `${emu.publicUrl}/event_types/${et?.uuid}`;
}

describe("validation errors", () => {
  it("rejects count outside 1..100 and non-integers", async () => {
    const base = `/scheduled_events?organization=${q(emu.orgUri())}`;
    expect((await emu.get(`${base}&count=101`)).body).toEqual(invalidArgument("count", "must be less than or equal to 100"));
    expect((await emu.get(`${base}&count=0`)).body).toEqual(invalidArgument("count", "must be greater than or equal to 1"));
    const res = await emu.get(`${base}&count=abc`);
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([{ parameter: "count", message: "must be an integer" }]);
  });

  it("rejects an availability window longer than 7 days", async () => {
    const start = new Date(emu.clock.now() + 3_600_000).toISOString();
    const end = new Date(emu.clock.now() + 3_600_000 + 8 * 86_400_000).toISOString();
    const res = await emu.get(`/event_type_available_times?event_type=${q(quickCheckIn())}&start_time=${start}&end_time=${end}`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual(invalidArgument("end_time", "date range can be no greater than 1 week (7 days)"));
  });

  it("rejects a start time in the past", async () => {
    const start = new Date(emu.clock.now() - 60_000).toISOString();
    const end = new Date(emu.clock.now() + 86_400_000).toISOString();
    const res = await emu.get(`/event_type_available_times?event_type=${q(quickCheckIn())}&start_time=${start}&end_time=${end}`);
    expect(res.status).toBe(400);
    expect(res.body).toEqual(invalidArgument("start_time", "must be in the future"));
  });

  it("requires the mandatory parameters", async () => {
    const res = await emu.get(`/event_type_available_times?event_type=${q(quickCheckIn())}`);
    expect(res.status).toBe(400);
    expect(res.body.details).toEqual([
      { parameter: "start_time", message: "must be filled" },
      { parameter: "end_time", message: "must be filled" },
    ]);
  });

  it("rejects an invalid page token", async () => {
    const res = await emu.get(`/scheduled_events?organization=${q(emu.orgUri())}&page_token=garbage`);
    expect(res.body).toEqual(invalidArgument("page_token", "is invalid"));
  });
});

describe("authentication and scopes", () => {
  it("answers 401 for a missing or unknown token, with rate-limit headers", async () => {
    for (const token of [null, "not-a-token"]) {
      const res = await emu.call("GET", "/users/me", { token });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ title: "Unauthenticated", message: "The access token is invalid" });
      expect(res.headers.get("x-ratelimit-limit")).toBe("500");
    }
  });

  it("answers 403 with required_scopes when a token lacks the scope", async () => {
    const issued = await emu.admin("POST", "/__emulator/tokens", { user: MORGAN, scopes: ["users:read"] });
    const token = String(issued.body.token);
    expect((await emu.call("GET", "/users/me", { token })).status).toBe(200);
    const res = await emu.call("GET", `/scheduled_events?user=${q(emu.userUri(MORGAN))}`, { token });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ title: "Permission Denied", message: "Insufficient scope", required_scopes: ["scheduled_events:read"] });
  });

  it("treats a :write scope as implying :read", async () => {
    const issued = await emu.admin("POST", "/__emulator/tokens", { user: MORGAN, scopes: ["scheduled_events:write"] });
    const res = await emu.call("GET", `/scheduled_events?user=${q(emu.userUri(MORGAN))}`, { token: String(issued.body.token) });
    expect(res.status).toBe(200);
  });
});

describe("organization scope rules", () => {
  it("lets only admins and owners list org-wide scheduled events", async () => {
    const path = `/scheduled_events?organization=${q(emu.orgUri())}`;
    expect((await emu.get(path, ADMIN)).status).toBe(200);
    expect((await emu.get(path, OPS)).status).toBe(200);
    const res = await emu.get(path, MORGAN);
    expect(res.status).toBe(403);
    expect(res.body).toEqual(denied("You do not have permission"));
  });

  it("requires organization when asking for another member's events", async () => {
    const res = await emu.get(`/scheduled_events?user=${q(emu.userUri(PRIYA))}`, MORGAN);
    expect(res.body).toEqual(denied("Please also specify organization when requesting events for a user within your organization."));
    const outsider = await emu.get(`/scheduled_events?user=${q(emu.userUri(FIONA))}`, ADMIN);
    expect(outsider.body).toEqual(denied("This user is not in your organization"));
  });

  it("answers Calendly's 403 for event types of another organization and org listing by a plain user", async () => {
    expect((await emu.get(`/event_types?user=${q(emu.userUri(FIONA))}`)).body).toEqual(denied("This user is not in your organization"));
    expect((await emu.get(`/event_types?organization=${q(emu.orgUri())}`, MORGAN)).body).toEqual(denied("You do not have permission"));
    expect((await emu.get(`/user_busy_times?user=${q(emu.userUri(FIONA))}&start_time=2030-01-01T00:00:00Z&end_time=2030-01-02T00:00:00Z`)).body).toEqual(
      denied("This user is not in your organization"),
    );
  });

  it("hides other hosts' events from a plain user", async () => {
    const start = new Date(emu.clock.now() + 26 * 3_600_000);
    const slots = await emu.get<{ collection: { start_time: string }[] }>(
      `/event_type_available_times?event_type=${q(quickCheckIn())}&start_time=${start.toISOString()}&end_time=${new Date(start.getTime() + 6 * 86_400_000).toISOString()}`,
    );
    const booked = await emu.admin("POST", "/__emulator/actions/book", {
      event_type: quickCheckIn(),
      start_time: slots.body.collection[0].start_time,
      invitee: { email: "realtor.jamie@sessionly.test", name: "Jamie Carter", timezone: "America/Chicago" },
    });
    const eventPath = String((booked.body.resource as Record<string, unknown>).event).replace(emu.publicUrl, "");
    expect((await emu.get(eventPath, MORGAN)).status).toBe(200);
    expect((await emu.get(eventPath, PRIYA)).body).toEqual(denied("You are not allowed to view this event"));
    const cancel = await emu.call("POST", `${eventPath}/cancellation`, { token: emu.tokenFor(PRIYA), body: {} });
    expect(cancel.body).toEqual(denied("You are not allowed to cancel this event"));
  });
});

describe("rate limiting", () => {
  it("answers 429 past the per-user limit, with headers, and resets after a minute of emulator time", async () => {
    const limited = await startTestEmulator({ fixture: "empty", rateLimitPerMinute: 3 });
    try {
      const remaining: string[] = [];
      for (let i = 0; i < 3; i += 1) remaining.push((await limited.get("/users/me", MORGAN)).headers.get("x-ratelimit-remaining") ?? "");
      expect(remaining).toEqual(["2", "1", "0"]);
      const res = await limited.get("/users/me", MORGAN);
      expect(res.status).toBe(429);
      expect(res.headers.get("x-ratelimit-limit")).toBe("3");
      expect(res.headers.get("x-ratelimit-remaining")).toBe("0");
      expect(Number(res.headers.get("x-ratelimit-reset"))).toBeGreaterThan(0);
      expect(res.headers.get("retry-after")).toBe(res.headers.get("x-ratelimit-reset"));
      expect((await limited.get("/users/me", PRIYA)).status).toBe(200);
      limited.clock.advance(61_000);
      expect((await limited.get("/users/me", MORGAN)).status).toBe(200);
    } finally {
      await limited.stop();
    }
  });
});
