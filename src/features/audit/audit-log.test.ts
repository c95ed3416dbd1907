import { randomUUID } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import * as authRoute from "@/app/api/auth/[...all]/route";
import * as auditRoute from "@/app/api/admin/audit/route";
import * as usageRoute from "@/app/api/admin/audit/usage/route";
import { getDb } from "@/lib/db";
import { apiRequestStats } from "@/lib/db/schema";
import { TestClient } from "../../../tests/helpers/http";
import { createUser } from "../../../tests/helpers/users";
import { flushApiUsage, pendingApiUsageCount, recordApiRequest, resetApiUsageBuffer } from "./api-usage";
import { csvCell } from "./audit-csv";
import { recordAudit } from "./record-audit";

async function signedIn(email: string) {
  const client = new TestClient();
  await client.call(authRoute.POST, { path: "/api/auth/sign-in/email", params: { all: ["sign-in", "email"] }, body: { email, password: "sessionly-demo" } });
  return client;
}

describe("audit log viewer", () => {
  let adminClient: TestClient;
  let adminId: string;
  const operationId = randomUUID();

  beforeEach(async () => {
    await getDb().execute(sql`truncate "user", audit_log, api_request_stats cascade`);
    const admin = await createUser({ email: "audit.admin@audit.test", name: "Audit Admin", role: "admin" });
    await createUser({ email: "audit.coach@audit.test", role: "coach" });
    adminId = admin.id;
    adminClient = await signedIn(admin.email);
    const base = Date.parse("2026-03-01T12:00:00Z");
    for (let index = 0; index < 30; index++) {
      await getDb().execute(sql`insert into audit_log (occurred_at, actor_type, actor_user_id, actor_label, source, action, target_type, target_id, operation_id, changes)
        values (${new Date(base + Math.floor(index / 3) * 60_000)}, ${index % 2 ? "admin" : "coach"}, ${index % 2 ? adminId : "coach-1"}, ${index % 2 ? "Audit Admin" : "=HYPERLINK(\"x\")"},
                'web', ${index % 3 === 0 ? "session.canceled" : "user.role_changed"}, ${index % 3 === 0 ? "session" : "user"}, ${`t-${index}`},
                ${index < 5 ? operationId : null}, ${JSON.stringify({ role: { old: "realtor", new: "coach" } })}::jsonb)`);
    }
  });

  it("pages newest first with a keyset cursor, without gaps or repeats even when times tie", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = `/api/admin/audit?limit=7${cursor ? `&cursor=${cursor}` : ""}`;
      const page = await adminClient.call(auditRoute.GET, { path: query });
      expect(page.status).toBe(200);
      seen.push(...page.json.entries.map((entry: { id: string }) => entry.id));
      cursor = page.json.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(5);
    expect(new Set(seen).size).toBe(30);
    const all = await adminClient.call(auditRoute.GET, { path: "/api/admin/audit?limit=200" });
    expect(all.json.entries.map((entry: { id: string }) => entry.id)).toEqual(seen);
    expect((await adminClient.call(auditRoute.GET, { path: "/api/admin/audit?cursor=garbage" })).status).toBe(400);
  });

  it("filters by actor (id, email or name), action (exact or prefix), target, operation and dates", async () => {
    const get = async (query: string) => (await adminClient.call(auditRoute.GET, { path: `/api/admin/audit?limit=200&${query}` })).json.entries as Array<Record<string, unknown>>;
    expect(await get(`actor=${adminId}`)).toHaveLength(15);
    expect(await get("actor=audit.admin@audit.test")).toHaveLength(15);
    expect(await get("actor=audit%20adm")).toHaveLength(15);
    expect(await get("action=session.canceled")).toHaveLength(10);
    expect(await get("action=user.*")).toHaveLength(20);
    expect(await get("targetType=user&targetId=t-1")).toHaveLength(1);
    expect(await get(`operationId=${operationId}`)).toHaveLength(5);
    expect(await get("from=2026-03-01T12:05:00Z&to=2026-03-01T12:07:00Z")).toHaveLength(6);
    expect(await get("from=2026-03-02")).toHaveLength(0);
    expect(await get("to=2026-03-01")).toHaveLength(30);
    const bad = await adminClient.call(auditRoute.GET, { path: "/api/admin/audit?operationId=nope&from=yesterday" });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.json.error.fields)).toEqual(expect.arrayContaining(["operationId", "from"]));
  });

  it("exports the filtered log as CSV, with formulas neutralised", async () => {
    const response = await adminClient.call(auditRoute.GET, { path: "/api/admin/audit?format=csv&action=session.canceled" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/text\/csv/);
    expect(response.headers.get("content-disposition")).toMatch(/attachment; filename="sessionly-audit-/);
    const lines = response.text.trim().split("\r\n");
    expect(lines[0]).toMatch(/^occurred_at,action,actor_type/);
    expect(lines).toHaveLength(11);
    expect(response.text).not.toMatch(/,=HYPERLINK/);
    expect(response.text).toContain(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('a,"b"')).toBe('"a,""b"""');
    expect(csvCell("+1")).toBe(`"'+1"`);
  });

  it("answers 401 signed out and 403 to coaches", async () => {
    expect((await new TestClient().call(auditRoute.GET, { path: "/api/admin/audit" })).status).toBe(401);
    const coach = await signedIn("audit.coach@audit.test");
    expect((await coach.call(auditRoute.GET, { path: "/api/admin/audit" })).status).toBe(403);
    expect((await coach.call(auditRoute.GET, { path: "/api/admin/audit?format=csv" })).status).toBe(403);
    expect((await coach.call(usageRoute.GET, { path: "/api/admin/audit/usage" })).status).toBe(403);
  });

  it("keeps recordAudit's entries append-only and readable through the viewer", async () => {
    await recordAudit({ actorType: "system", source: "job", action: "test.recorded", targetType: "thing", targetId: "1" });
    const entries = (await adminClient.call(auditRoute.GET, { path: "/api/admin/audit?action=test.recorded" })).json.entries;
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorType: "system", source: "job" });
  });
});

describe("API usage counters", () => {
  beforeEach(async () => {
    resetApiUsageBuffer();
    await getDb().execute(sql`truncate "user", api_request_stats cascade`);
  });

  it("counts in memory, flushes in one upsert per minute, route and status, and adds to existing rows", async () => {
    const now = Date.parse("2026-03-01T10:00:30Z");
    for (let index = 0; index < 5; index++) recordApiRequest("GET /api/sessions", 200, 10, now);
    recordApiRequest("GET /api/sessions", 500, 40, now);
    recordApiRequest("POST /api/sessions/[uuid]/cancel", 409, 5, now + 60_000);
    expect(pendingApiUsageCount()).toBe(7);
    await flushApiUsage();
    expect(pendingApiUsageCount()).toBe(0);
    recordApiRequest("GET /api/sessions", 200, 20, now + 5_000);
    await flushApiUsage();
    const rows = await getDb().select().from(apiRequestStats).orderBy(apiRequestStats.bucket, apiRequestStats.status);
    expect(rows.map((row) => [row.bucket.toISOString(), row.routeKey, row.status, row.count, row.durationMsTotal])).toEqual([
      ["2026-03-01T10:00:00.000Z", "GET /api/sessions", 200, 6, 70],
      ["2026-03-01T10:00:00.000Z", "GET /api/sessions", 500, 1, 40],
      ["2026-03-01T10:01:00.000Z", "POST /api/sessions/[uuid]/cancel", 409, 1, 5],
    ]);
  });

  it("never throws into a request, even with nonsense input", () => {
    expect(() => recordApiRequest(undefined as unknown as string, Number.NaN)).not.toThrow();
  });

  it("shows the last 24 hours per route and status, and per hour, to admins", async () => {
    const admin = await createUser({ email: "usage.admin@audit.test", role: "admin" });
    const now = Date.now();
    recordApiRequest("GET /api/sessions", 200, 12, now - 3600_000);
    recordApiRequest("GET /api/sessions", 200, 8, now);
    recordApiRequest("POST /api/me/erase", 400, 3, now);
    recordApiRequest("GET /api/health", 503, 1, now);
    recordApiRequest("GET /api/old", 200, 1, now - 30 * 3600_000);
    await flushApiUsage();
    const client = await signedIn(admin.email);
    const usage = await client.call(usageRoute.GET, { path: "/api/admin/audit/usage" });
    expect(usage.status).toBe(200);
    expect(usage.json.totals).toEqual({ requests: 4, clientErrors: 1, serverErrors: 1 });
    expect(usage.json.byRoute[0]).toEqual({ routeKey: "GET /api/sessions", status: 200, count: 2, averageMs: 10 });
    expect(usage.json.hourly.reduce((sum: number, hour: { requests: number }) => sum + hour.requests, 0)).toBe(4);
    expect((await client.call(usageRoute.GET, { path: "/api/admin/audit/usage?hours=0" })).status).toBe(400);
  });
});
