// URI → UUID helpers and the retry timing policy (back-off with full jitter, rate-limit headers).
import { describe, expect, it } from "vitest";
import { backoffDelayMs, rateLimitWaitMs, readRateLimitHeaders } from "./retry-policy";
import { inviteeUuidsFromUri, uuidFromUri } from "./uris";

describe("uuidFromUri", () => {
  it("takes the trailing UUID of a URI of the expected collection, or a bare UUID", () => {
    expect(uuidFromUri("https://api.calendly.com/users/5f443a67-564e-4e90-a900-b0e92c02ec25", "users")).toBe(
      "5f443a67-564e-4e90-a900-b0e92c02ec25",
    );
    expect(uuidFromUri("http://127.0.0.1:4010/event_types/ET1/", "event_types")).toBe("ET1");
    expect(uuidFromUri("me", "users")).toBe("me");
  });

  it("refuses another collection and path-like ids", () => {
    expect(() => uuidFromUri("https://api.calendly.com/users/U1", "event_types")).toThrow(TypeError);
    expect(() => uuidFromUri("../admin", "users")).toThrow(TypeError);
    expect(() => uuidFromUri("", "users")).toThrow(TypeError);
  });

  it("splits an invitee URI", () => {
    expect(inviteeUuidsFromUri("https://api.calendly.com/scheduled_events/EV1/invitees/INV1")).toEqual({ eventUuid: "EV1", inviteeUuid: "INV1" });
    expect(() => inviteeUuidsFromUri("https://api.calendly.com/scheduled_events/EV1")).toThrow(TypeError);
  });
});

describe("retry policy", () => {
  const options = { baseDelayMs: 500, maxDelayMs: 20_000, random: () => 0.999 };

  it("grows exponentially under a ceiling, with full jitter", () => {
    expect([0, 1, 2, 3, 10].map((attempt) => backoffDelayMs(attempt, options))).toEqual([499, 999, 1998, 3996, 19980]);
    expect(backoffDelayMs(3, { ...options, random: () => 0 })).toBe(0);
  });

  it("reads rate-limit headers, including an HTTP-date Retry-After", () => {
    const now = Date.parse("2026-01-01T00:00:00Z");
    const headers = new Headers({ "X-RateLimit-Limit": "500", "X-RateLimit-Remaining": "0", "Retry-After": "Thu, 01 Jan 2026 00:00:30 GMT" });
    expect(readRateLimitHeaders(headers, now)).toEqual({ limit: 500, remaining: 0, resetSeconds: null, retryAfterSeconds: 30 });
    const waited = rateLimitWaitMs(readRateLimitHeaders(headers, now), 0, { ...options, random: () => 0, maxWaitMs: 120_000 });
    expect(waited).toBe(30_000);
    const epochReset = new Headers({ "X-RateLimit-Reset": String(now / 1000 + 42) });
    expect(readRateLimitHeaders(epochReset, now).resetSeconds).toBe(42);
  });
});
