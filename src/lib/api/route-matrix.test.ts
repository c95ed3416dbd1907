import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { can, PERMISSIONS, ROLES, type Permission, type Role } from "@/lib/auth/permissions";
import { configureRateLimits } from "@/lib/security/rate-limit";
import { TestClient } from "../../../tests/helpers/http";
import { createUser } from "../../../tests/helpers/users";
import { API_ROUTES, type RouteKey } from "./route-table";

/**
 * The access matrix, generated from the route table: every route × (signed out, admin, coach, realtor). Signed out
 * gets 401 on every non-public route; a role without the route's permission gets 403; a role with it gets past the
 * check (anything but 401/403). Ownership (someone else's resource → 404) is tested per feature.
 */
const API_DIR = path.resolve(import.meta.dirname, "../../app/api");
const PLACEHOLDER_UUID = "00000000-0000-4000-8000-000000000000";

type Handler = Parameters<TestClient["call"]>[0];

function fileFor(routeKey: string): string {
  const routePath = routeKey.split(" ")[1].replace(/^\/api\//, "");
  return path.join(API_DIR, ...routePath.split("/"), "route.ts");
}

function concretePath(routeKey: string): { path: string; params: Record<string, string | string[]> } {
  const params: Record<string, string | string[]> = {};
  const concrete = routeKey
    .split(" ")[1]
    .split("/")
    .map((segment) => {
      const catchAll = /^\[\.\.\.(\w+)\]$/.exec(segment);
      if (catchAll) {
        params[catchAll[1]] = ["matrix"];
        return "matrix";
      }
      const dynamic = /^\[(\w+)\]$/.exec(segment);
      if (dynamic) {
        params[dynamic[1]] = PLACEHOLDER_UUID;
        return PLACEHOLDER_UUID;
      }
      return segment;
    })
    .join("/");
  return { path: concrete, params };
}

const signedIn: Partial<Record<Role, TestClient>> = {};

describe("route × role access matrix", () => {
  beforeAll(async () => {
    configureRateLimits({ ip: { points: 100_000, duration: 60 }, user: { points: 100_000, duration: 60 }, auth: { points: 100_000, duration: 60 } });
    const { POST } = await import("@/app/api/auth/[...all]/route");
    for (const role of ROLES) {
      const email = `matrix.${role}@example.com`;
      await createUser({ email, role, password: "matrix-password-1" });
      const client = new TestClient();
      const response = await client.call(POST, { path: "/api/auth/sign-in/email", body: { email, password: "matrix-password-1" } });
      expect(response.status).toBe(200);
      signedIn[role] = client;
    }
  });

  const routes = Object.entries(API_ROUTES) as Array<[RouteKey, string]>;

  it("has a route file for every row", () => {
    for (const [key] of routes) expect(fs.existsSync(fileFor(key)), `${key} has no route file`).toBe(true);
  });

  for (const [routeKey, access] of routes) {
    if (access === "public" || access === "webhook") continue;
    const method = routeKey.split(" ")[0];
    it(`${routeKey} (${access})`, async () => {
      const routeModule = (await import(fileFor(routeKey))) as Record<string, Handler>;
      const handler = routeModule[method];
      const { path: concrete, params } = concretePath(routeKey);
      const body = method === "GET" || method === "DELETE" ? undefined : {};

      const anonymous = await new TestClient().call(handler, { method, path: concrete, params, body });
      expect(anonymous.status, `${routeKey} signed out`).toBe(401);

      for (const role of ROLES) {
        const response = await signedIn[role]!.call(handler, { method, path: concrete, params, body });
        const allowed = access === "authenticated" || ((PERMISSIONS as readonly string[]).includes(access) && can(role, access as Permission));
        if (allowed) expect([401, 403], `${routeKey} as ${role} should pass the permission check`).not.toContain(response.status);
        else expect(response.status, `${routeKey} as ${role}`).toBe(403);
        expect(response.status, `${routeKey} as ${role} must not fail with a server error`).toBeLessThan(500);
      }
    });
  }
});
