import { afterAll, beforeEach, describe, expect, it } from "vitest";
import * as authRoute from "@/app/api/auth/[...all]/route";
import * as meRoute from "@/app/api/me/route";
import * as webhookRoute from "@/app/api/webhooks/calendly/route";
import { proxy } from "@/proxy";
import { NextRequest } from "next/server";
import { TestClient } from "../../../tests/helpers/http";
import { createUser } from "../../../tests/helpers/users";
import { configureRateLimits } from "./rate-limit";

const signIn = (client: TestClient, ip: string, password = "wrong-password-123") =>
  client.call(authRoute.POST, {
    path: "/api/auth/sign-in/email",
    body: { email: "limits.realtor@example.com", password },
    headers: { "x-forwarded-for": ip },
  });

describe("rate limits", () => {
  beforeEach(async () => {
    configureRateLimits({ auth: { points: 3, duration: 60 }, user: { points: 5, duration: 60 }, webhook: { points: 2, duration: 60 } });
    await createUser({ email: "limits.realtor@example.com", role: "realtor", password: "a-good-password" });
  });
  afterAll(() => configureRateLimits());

  it("limits sign-in attempts per IP with 429 and Retry-After, without affecting other IPs", async () => {
    for (let attempt = 0; attempt < 3; attempt++) expect((await signIn(new TestClient(), "203.0.113.7")).status).toBe(401);
    const limited = await signIn(new TestClient(), "203.0.113.7");
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.json.error.code).toBe("rate_limited");
    expect((await signIn(new TestClient(), "198.51.100.9")).status).toBe(401);
  });

  it("limits a signed-in user across IPs", async () => {
    const client = new TestClient();
    expect((await signIn(client, "192.0.2.50", "a-good-password")).status).toBe(200);
    const statuses: number[] = [];
    for (let call = 0; call < 7; call++) {
      statuses.push((await client.call(meRoute.GET, { path: "/api/me", headers: { "x-forwarded-for": `192.0.2.${100 + call}` } })).status);
    }
    expect(statuses.slice(0, 5)).toEqual([200, 200, 200, 200, 200]);
    expect(statuses.slice(5)).toEqual([429, 429]);
  });

  it("limits the webhook endpoint before doing any work", async () => {
    const post = () =>
      new TestClient().call(webhookRoute.POST, { path: "/api/webhooks/calendly?connection=x", body: "{}", headers: { "x-forwarded-for": "203.0.113.99" } });
    expect((await post()).status).toBe(401);
    expect((await post()).status).toBe(401);
    expect((await post()).status).toBe(429);
  });
});

describe("cross-site requests", () => {
  it.each([
    ["a foreign Origin", { origin: "https://evil.example" }],
    ["Sec-Fetch-Site: cross-site", { origin: "http://localhost:3000", "sec-fetch-site": "cross-site" }],
  ])("refuses a mutation with %s", async (_label, headers) => {
    configureRateLimits();
    const response = await new TestClient().call(authRoute.POST, {
      path: "/api/auth/sign-in/email",
      body: { email: "limits.realtor@example.com", password: "a-good-password" },
      headers: headers as Record<string, string>,
    });
    expect(response.status).toBe(403);
  });
});

describe("security headers", () => {
  it("gives pages a nonce-based CSP that frames only Calendly, and every response the static headers", () => {
    const page = proxy(new NextRequest("http://localhost:3000/sessions"));
    const csp = page.headers.get("content-security-policy")!;
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
    expect(csp).toMatch(/frame-src http:\/\/127\.0\.0\.1:\d+/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(page.headers.get("permissions-policy")).toContain("camera=()");
    expect(page.headers.get("strict-transport-security")).toBeNull();
    const other = proxy(new NextRequest("http://localhost:3000/sessions"));
    expect(other.headers.get("content-security-policy")).not.toBe(csp);

    const api = proxy(new NextRequest("http://localhost:3000/api/health"));
    expect(api.headers.get("content-security-policy")).toBeNull();
    expect(api.headers.get("x-frame-options")).toBe("DENY");
  });

  it("adds HSTS when served over https", () => {
    const previous = process.env.APP_URL;
    process.env.APP_URL = "https://sessionly.example.com";
    try {
      const response = proxy(new NextRequest("https://sessionly.example.com/"));
      expect(response.headers.get("strict-transport-security")).toContain("max-age=");
      expect(response.headers.get("content-security-policy")).toContain("upgrade-insecure-requests");
    } finally {
      process.env.APP_URL = previous;
    }
  });
});
