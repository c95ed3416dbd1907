import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { PERMISSIONS } from "@/lib/auth/permissions";
import { API_ROUTES } from "./route-table";

const API_DIR = path.resolve(import.meta.dirname, "../../app/api");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"] as const;

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

function routePath(file: string): string {
  return "/api/" + path.relative(API_DIR, path.dirname(file)).split(path.sep).join("/");
}

describe("the API route table", () => {
  const files = routeFiles(API_DIR);

  it("finds the route files", () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it("declares every exported handler, and every handler goes through apiRoute with its own key", async () => {
    const seen = new Set<string>();
    for (const file of files) {
      const routeModule = (await import(file)) as Record<string, unknown>;
      for (const method of METHODS) {
        const handler = routeModule[method] as { routeKey?: string } | undefined;
        if (!handler) continue;
        const key = `${method} ${routePath(file)}`;
        seen.add(key);
        expect(API_ROUTES, `${key} is missing from API_ROUTES`).toHaveProperty([key]);
        expect(handler.routeKey, `${key} is not wrapped with apiRoute("${key}", …)`).toBe(key);
      }
    }
    expect([...seen].sort()).toEqual(Object.keys(API_ROUTES).sort());
  });

  it("names only known permissions", () => {
    const allowed = new Set<string>([...PERMISSIONS, "public", "webhook", "authenticated"]);
    for (const [key, access] of Object.entries(API_ROUTES)) expect(allowed.has(access), key).toBe(true);
  });
});
