import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { configureRateLimits } from "@/lib/security/rate-limit";
import { TestClient } from "../../../tests/helpers/http";
import { createUser } from "../../../tests/helpers/users";
import { API_ROUTES, type RouteKey } from "./route-table";

/**
 * Fuzzing every API route with malformed input: random JSON of every shape, invalid JSON, hostile query strings and
 * odd headers, signed out and as an admin (who passes every permission check, so input parsing is reached). No
 * request may end in a 500: bad input is the caller's problem (4xx), and upstream trouble is a 502/503 that says so.
 */
const API_DIR = path.resolve(import.meta.dirname, "../../app/api");
const ITERATIONS_PER_ROUTE = Number(process.env.FUZZ_ITERATIONS ?? 40);

/** Small deterministic PRNG (mulberry32), so a failure can be replayed with the same seed. */
function prng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NASTY_STRINGS = [
  "",
  " ",
  "null",
  "undefined",
  "NaN",
  "-1",
  "0",
  "1e309",
  "9".repeat(400),
  "2026-13-45T99:99:99Z",
  "not-a-date",
  "../../etc/passwd",
  "<script>alert(1)</script>",
  "' OR 1=1 --",
  "\u0000\u0001\u0002",
  "😀".repeat(50),
  "https://evil.example/",
  "x".repeat(5000),
  "%00%ff",
  "{\"a\":",
];
const KEYS = ["uuid", "id", "from", "to", "event_type", "status", "cursor", "limit", "pageSize", "sort", "q", "reason", "invitee", "uuids", "offered", "role", "email", "start_time", "timeZone", "tz", "mark", "unmark", "coachUserId", "format", "__proto__", "constructor"];

function randomValue(random: () => number, depth = 0): unknown {
  const kind = Math.floor(random() * (depth > 2 ? 6 : 9));
  switch (kind) {
    case 0:
      return NASTY_STRINGS[Math.floor(random() * NASTY_STRINGS.length)];
    case 1:
      return [Number.MAX_SAFE_INTEGER, -1, 0, 1.5, 1e308, -0][Math.floor(random() * 6)];
    case 2:
      return random() < 0.5;
    case 3:
      return null;
    case 4:
      return Math.floor(random() * 1000);
    case 5:
      return new Date(Math.floor(random() * 4e12)).toISOString();
    case 6:
      return Array.from({ length: Math.floor(random() * 5) }, () => randomValue(random, depth + 1));
    default:
      return Object.fromEntries(
        Array.from({ length: Math.floor(random() * 6) }, () => [KEYS[Math.floor(random() * KEYS.length)], randomValue(random, depth + 1)]),
      );
  }
}

function randomBody(random: () => number): string | undefined {
  const roll = random();
  if (roll < 0.1) return undefined;
  if (roll < 0.25) return NASTY_STRINGS[Math.floor(random() * NASTY_STRINGS.length)];
  return JSON.stringify(randomValue(random));
}

function randomQuery(random: () => number): string {
  const params = new URLSearchParams();
  const count = Math.floor(random() * 5);
  for (let index = 0; index < count; index++) {
    const value = randomValue(random);
    params.append(KEYS[Math.floor(random() * KEYS.length)], typeof value === "string" ? value : JSON.stringify(value));
  }
  return params.size ? `?${params}` : "";
}

function randomHeaders(random: () => number): Record<string, string> {
  const headers: Record<string, string> = {};
  if (random() < 0.3) headers["content-type"] = ["text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=bogus"][Math.floor(random() * 4)];
  if (random() < 0.2) headers["calendly-webhook-signature"] = ["t=abc,v1=zz", "t=1,v1=", "garbage", `t=${Math.floor(Date.now() / 1000)},v1=${"a".repeat(64)}`][Math.floor(random() * 4)];
  if (random() < 0.2) headers["x-forwarded-for"] = ["::1", "not-an-ip", "1.2.3.4, 5.6.7.8", ""][Math.floor(random() * 4)];
  return headers;
}

function concretePath(routeKey: string, random: () => number) {
  const params: Record<string, string | string[]> = {};
  const concrete = routeKey
    .split(" ")[1]
    .split("/")
    .map((segment) => {
      const name = /^\[(?:\.\.\.)?(\w+)\]$/.exec(segment)?.[1];
      if (!name) return segment;
      const value = encodeURIComponent(String(randomValue(random)).slice(0, 200)) || "x";
      params[name] = segment.startsWith("[...") ? [value] : value;
      return value;
    })
    .join("/");
  return { concrete, params };
}

describe("API fuzzing", () => {
  let admin: TestClient;

  beforeAll(async () => {
    configureRateLimits({ ip: { points: 1e6, duration: 60 }, user: { points: 1e6, duration: 60 }, auth: { points: 1e6, duration: 60 }, webhook: { points: 1e6, duration: 60 } });
    await createUser({ email: "fuzz.admin@example.com", role: "admin", password: "fuzz-password-1" });
    const { POST } = await import("@/app/api/auth/[...all]/route");
    admin = new TestClient();
    expect((await admin.call(POST, { path: "/api/auth/sign-in/email", body: { email: "fuzz.admin@example.com", password: "fuzz-password-1" } })).status).toBe(200);
  });

  for (const routeKey of Object.keys(API_ROUTES) as RouteKey[]) {
    // Signing in/out through the auth catch-all would end the admin's session mid-run; better-auth fuzzes its own.
    if (routeKey.includes("/api/auth/")) continue;
    it(`${routeKey} never answers 500`, async () => {
      const [method, routePath] = routeKey.split(" ");
      const routeModule = (await import(path.join(API_DIR, ...routePath.replace(/^\/api\//, "").split("/"), "route.ts"))) as Record<string, Parameters<TestClient["call"]>[0]>;
      const random = prng([...routeKey].reduce((hash, char) => (hash * 31 + char.charCodeAt(0)) | 0, 7));
      const failures: string[] = [];
      for (let iteration = 0; iteration < ITERATIONS_PER_ROUTE; iteration++) {
        const { concrete, params } = concretePath(routeKey, random);
        const client = random() < 0.8 ? admin : new TestClient();
        const body = method === "GET" ? undefined : randomBody(random);
        const response = await client.call(routeModule[method], { method, path: concrete + randomQuery(random), params, body, headers: randomHeaders(random) });
        const upstream = response.status === 502 || response.status === 503;
        if (response.status >= 500 && !upstream) failures.push(`#${iteration} ${response.status} ${response.text.slice(0, 200)}`);
      }
      expect(failures).toEqual([]);
    }, 120_000);
  }
});
