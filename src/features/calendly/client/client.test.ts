// Client behaviour against a real node:http server: retries, 429 waits, one refresh on 401, timeouts, typed errors.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { createCalendlyClient, type CalendlyClientOptions, type CalendlyRequestInfo } from "./client";
import { CalendlyApiError, CalendlyNetworkError, CalendlyRateLimitError, CalendlyResponseError } from "./errors";
import { eventTypeFixture, NOT_FOUND, pageOf, SERVER_ERROR, USER } from "./testing/fixtures";
import { startScriptedServer, type ScriptedServer } from "./testing/scripted-http-server";

const TOKEN = "tok_live_SECRET_0123456789abcdef";
const silentLogger = { warn: () => {}, debug: () => {} };

let server: ScriptedServer;
let sleeps: number[];

beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
  sleeps = [];
});

function client(overrides: Partial<CalendlyClientOptions> = {}) {
  return createCalendlyClient({
    apiBase: server.url,
    getAccessToken: async () => TOKEN,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    logger: silentLogger,
    ...overrides,
  });
}

async function caught(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error("expected the promise to reject");
}

describe("requests", () => {
  it("sends the bearer token and parses the resource", async () => {
    server.setHandler(() => ({ status: 200, body: { resource: USER } }));
    const user = await client().getCurrentUser();
    expect(user.uri).toBe(USER.uri);
    expect(server.requests[0]).toMatchObject({ method: "GET", url: "/users/me" });
    expect(server.requests[0].headers.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it("derives the path UUID from a full URI and refuses a URI of another collection", async () => {
    server.setHandler(() => ({ status: 200, body: { resource: eventTypeFixture(1) } }));
    await client().getEventType("https://api.calendly.com/event_types/ET1");
    expect(server.requests[0].url).toBe("/event_types/ET1");
    await expect(client().getEventType("https://api.calendly.com/scheduled_events/EV1")).rejects.toThrow(TypeError);
    expect(server.requests).toHaveLength(1);
  });

  it("finds an invitee from the event and invitee URIs", async () => {
    server.setHandler(() => ({ status: 404, body: NOT_FOUND }));
    const error = await caught(
      client().getInvitee(
        "https://api.calendly.com/scheduled_events/EV1",
        "https://api.calendly.com/scheduled_events/EV1/invitees/INV1",
      ),
    );
    expect(server.requests[0].url).toBe("/scheduled_events/EV1/invitees/INV1");
    expect(error).toBeInstanceOf(CalendlyApiError);
    expect(error).toMatchObject({ status: 404, title: NOT_FOUND.title, calendlyMessage: NOT_FOUND.message, retryable: false });
  });

  it("encodes query parameters, Dates as ISO, and skips undefined ones", async () => {
    server.setHandler(() => ({ status: 200, body: pageOf([], null) }));
    await client().listScheduledEvents({
      user: USER.uri,
      min_start_time: new Date("2026-01-01T00:00:00Z"),
      status: undefined,
      count: 50,
    });
    const url = new URL(server.requests[0].url, server.url);
    expect(url.pathname).toBe("/scheduled_events");
    expect(Object.fromEntries(url.searchParams)).toEqual({ user: USER.uri, min_start_time: "2026-01-01T00:00:00.000Z", count: "50" });
  });

  it("posts JSON bodies and accepts 204 for deletes", async () => {
    server.setHandler((request) =>
      request.method === "DELETE"
        ? { status: 204 }
        : { status: 201, body: { resource: { uri: "https://api.calendly.com/invitee_no_shows/N1", invitee: "https://api.calendly.com/scheduled_events/EV1/invitees/INV1", created_at: "2026-01-01T00:00:00.000000Z" } } },
    );
    const noShow = await client().createInviteeNoShow("https://api.calendly.com/scheduled_events/EV1/invitees/INV1");
    await client().deleteInviteeNoShow(noShow.uri);
    expect(JSON.parse(server.requests[0].body)).toEqual({ invitee: "https://api.calendly.com/scheduled_events/EV1/invitees/INV1" });
    expect(server.requests[0].headers["content-type"]).toBe("application/json");
    expect(server.requests[1]).toMatchObject({ method: "DELETE", url: "/invitee_no_shows/N1" });
  });

  it("reports every attempt to onRequest", async () => {
    server.setHandler((_request, index) =>
      index === 0 ? { status: 503, body: SERVER_ERROR } : { status: 200, body: { resource: USER }, headers: { "X-RateLimit-Remaining": "499" } },
    );
    const seen: CalendlyRequestInfo[] = [];
    await client({ onRequest: (info) => seen.push(info) }).getCurrentUser();
    expect(seen.map((info) => [info.method, info.path, info.status, info.attempt])).toEqual([
      ["GET", "/users/me", 503, 1],
      ["GET", "/users/me", 200, 2],
    ]);
    expect(seen[1].rateLimit?.remaining).toBe(499);
  });
});

describe("retries", () => {
  it("retries a 500 with jittered back-off, then succeeds", async () => {
    server.setHandler((_request, index) => (index < 2 ? { status: 500, body: SERVER_ERROR } : { status: 200, body: { resource: USER } }));
    const user = await client({ baseDelayMs: 100 }).getCurrentUser();
    expect(user.email).toBe(USER.email);
    expect(server.requests).toHaveLength(3);
    expect(sleeps).toEqual([50, 100]); // random 0.5 × 100·2^0, × 100·2^1
  });

  it("gives up after maxRetries with Calendly's title and message", async () => {
    server.setHandler(() => ({ status: 500, body: SERVER_ERROR }));
    const error = await caught(client({ maxRetries: 2 }).getCurrentUser());
    expect(server.requests).toHaveLength(3);
    expect(error).toBeInstanceOf(CalendlyApiError);
    expect(error).toMatchObject({
      status: 500,
      title: SERVER_ERROR.title,
      calendlyMessage: SERVER_ERROR.message,
      retryable: true,
      method: "GET",
      path: "/users/me",
    });
    expect((error as Error).message).toContain("Internal Server Error");
  });

  it("does not retry a 4xx", async () => {
    server.setHandler(() => ({
      status: 400,
      body: { title: "Invalid Argument", message: "The supplied parameters are invalid.", details: [{ parameter: "count", message: "is too big" }] },
    }));
    const error = await caught(client().listEventTypes({ user: USER.uri, count: 1000 }));
    expect(server.requests).toHaveLength(1);
    expect(error).toMatchObject({ status: 400, details: [{ parameter: "count", message: "is too big" }] });
  });

  it("does not repeat a booking after a 500, since Calendly has no idempotency key", async () => {
    server.setHandler(() => ({ status: 500, body: SERVER_ERROR }));
    const error = await caught(
      client().createInvitee({
        event_type: "https://api.calendly.com/event_types/ET1",
        start_time: "2026-09-02T20:00:00Z",
        invitee: { email: "realtor@example.com", timezone: "America/New_York", name: "Realtor" },
      }),
    );
    expect(error).toBeInstanceOf(CalendlyApiError);
    expect(server.requests).toHaveLength(1);
  });

  it("times out each attempt and ends with CalendlyNetworkError after the retries", async () => {
    server.setHandler(() => ({ status: 200, body: { resource: USER }, delayMs: 400 }));
    const error = await caught(client({ timeoutMs: 50, maxRetries: 2 }).getCurrentUser());
    expect(error).toBeInstanceOf(CalendlyNetworkError);
    expect(error).toMatchObject({ timedOut: true, attempts: 3, retryable: true });
    await vi.waitFor(() => expect(server.requests).toHaveLength(3));
    expect(sleeps).toHaveLength(2);
  });

  it("retries a refused connection and reports it as CalendlyNetworkError", async () => {
    const closed = await startScriptedServer();
    const url = closed.url;
    await closed.close();
    const error = await caught(client({ apiBase: url, maxRetries: 1 }).getCurrentUser());
    expect(error).toBeInstanceOf(CalendlyNetworkError);
    expect(error).toMatchObject({ timedOut: false, attempts: 2 });
  });
});

describe("rate limits", () => {
  it("waits until X-RateLimit-Reset, then retries", async () => {
    server.setHandler((_request, index) =>
      index === 0
        ? { status: 429, headers: { "X-RateLimit-Limit": "500", "X-RateLimit-Remaining": "0", "X-RateLimit-Reset": "7" }, body: { title: "Too Many Requests", message: "Rate limit exceeded" } }
        : { status: 200, body: { resource: USER } },
    );
    const onRateLimit = vi.fn();
    await client({ random: () => 0, onRateLimit }).getCurrentUser();
    expect(sleeps).toEqual([7000]);
    expect(onRateLimit).toHaveBeenCalledWith(expect.objectContaining({ waitMs: 7000, wait: 1, path: "/users/me" }));
  });

  it("falls back to Retry-After, then to back-off", async () => {
    server.setHandler((_request, index) =>
      index === 0 ? { status: 429, headers: { "Retry-After": "3" } } : index === 1 ? { status: 429 } : { status: 200, body: { resource: USER } },
    );
    await client({ random: () => 0 }).getCurrentUser();
    expect(sleeps).toEqual([3000, 0]);
  });

  it("gives up with CalendlyRateLimitError after maxRateLimitRetries waits", async () => {
    server.setHandler(() => ({ status: 429, headers: { "X-RateLimit-Reset": "60" }, body: { title: "Too Many Requests", message: "Slow down" } }));
    const error = await caught(client({ maxRateLimitRetries: 2, random: () => 0 }).getCurrentUser());
    expect(error).toBeInstanceOf(CalendlyRateLimitError);
    expect(error).toMatchObject({ status: 429, retryAfterSeconds: 60, calendlyMessage: "Slow down" });
    expect(sleeps).toEqual([60_000, 60_000]);
    expect(server.requests).toHaveLength(3);
  });

  it("caps a single wait", async () => {
    server.setHandler((_request, index) =>
      index === 0 ? { status: 429, headers: { "X-RateLimit-Reset": "3600" } } : { status: 200, body: { resource: USER } },
    );
    await client({ maxRateLimitWaitMs: 90_000 }).getCurrentUser();
    expect(sleeps).toEqual([90_000]);
  });
});

describe("401 and the token", () => {
  const UNAUTHENTICATED = { title: "Unauthenticated", message: "The access token is invalid" };

  it("refreshes once and retries with the new token", async () => {
    server.setHandler((request) =>
      request.headers.authorization === "Bearer fresh-token" ? { status: 200, body: { resource: USER } } : { status: 401, body: UNAUTHENTICATED },
    );
    const onUnauthorized = vi.fn(async () => "fresh-token");
    await client({ onUnauthorized }).getCurrentUser();
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(server.requests.map((request) => request.headers.authorization)).toEqual([`Bearer ${TOKEN}`, "Bearer fresh-token"]);
  });

  it("a second 401 is an error, without another refresh", async () => {
    server.setHandler(() => ({ status: 401, body: UNAUTHENTICATED }));
    const onUnauthorized = vi.fn(async () => "fresh-token");
    const error = await caught(client({ onUnauthorized }).getCurrentUser());
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
    expect(server.requests).toHaveLength(2);
    expect(error).toMatchObject({ status: 401, title: "Unauthenticated" });
  });

  it("stops when the refresh yields no token", async () => {
    server.setHandler(() => ({ status: 401, body: UNAUTHENTICATED }));
    const error = await caught(client({ onUnauthorized: async () => null }).getCurrentUser());
    expect(server.requests).toHaveLength(1);
    expect(error).toBeInstanceOf(CalendlyApiError);
  });

  it("never puts the token in an error, even when the server echoes it", async () => {
    server.setHandler((request) => ({
      status: 403,
      body: { title: "Permission Denied", message: `Token ${request.headers.authorization} lacks scopes`, details: [{ message: TOKEN }] },
    }));
    const apiError = await caught(client().getCurrentUser());
    server.setHandler(() => ({ status: 200, body: { resource: USER }, delayMs: 300 }));
    const networkError = await caught(client({ timeoutMs: 20, maxRetries: 0 }).getCurrentUser());
    server.setHandler(() => ({ status: 200, body: { resource: { ...USER, uri: TOKEN } } }));
    const responseError = await caught(client().getCurrentUser());
    for (const error of [apiError, networkError, responseError]) {
      const err = error as Error;
      const everything = `${err.message} ${err.stack} ${JSON.stringify(err)} ${String(err.cause)}`;
      expect(everything).not.toContain(TOKEN);
    }
    expect(apiError).toMatchObject({ status: 403, calendlyMessage: "Token Bearer [redacted] lacks scopes" });
  });
});

describe("response shape", () => {
  it("a body that does not match the schema is a CalendlyResponseError naming the field", async () => {
    server.setHandler(() => ({ status: 200, body: { resource: { ...USER, created_at: "yesterday" } } }));
    const error = await caught(client().getCurrentUser());
    expect(error).toBeInstanceOf(CalendlyResponseError);
    expect((error as CalendlyResponseError).issues[0].path).toBe("resource.created_at");
  });

  it("a body that is not JSON is a CalendlyResponseError", async () => {
    server.setHandler(() => ({ status: 200, body: "<html>maintenance</html>" }));
    await expect(client().getCurrentUser()).rejects.toBeInstanceOf(CalendlyResponseError);
  });

  it("a non-JSON error page still becomes a CalendlyApiError", async () => {
    server.setHandler(() => ({ status: 502, body: "<html>Bad gateway</html>" }));
    const error = await caught(client({ maxRetries: 0 }).getCurrentUser());
    expect(error).toMatchObject({ status: 502, title: "HTTP 502", retryable: true });
  });
});
