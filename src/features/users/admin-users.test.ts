import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import * as authRoute from "@/app/api/auth/[...all]/route";
import * as meRoute from "@/app/api/me/route";
import * as usersRoute from "@/app/api/admin/users/route";
import * as userRoute from "@/app/api/admin/users/[id]/route";
import * as deactivateRoute from "@/app/api/admin/users/[id]/deactivate/route";
import * as reactivateRoute from "@/app/api/admin/users/[id]/reactivate/route";
import { getDb } from "@/lib/db";
import { auditLog, session, user } from "@/lib/db/schema";
import { TestClient } from "../../../tests/helpers/http";
import { createUser } from "../../../tests/helpers/users";

async function signedIn(email: string) {
  const client = new TestClient();
  const response = await client.call(authRoute.POST, { path: "/api/auth/sign-in/email", params: { all: ["sign-in", "email"] }, body: { email, password: "sessionly-demo" } });
  expect(response.status).toBe(200);
  return client;
}

describe("admin user management", () => {
  let admin: Awaited<ReturnType<typeof createUser>>;
  let coach: Awaited<ReturnType<typeof createUser>>;
  let realtor: Awaited<ReturnType<typeof createUser>>;

  beforeEach(async () => {
    await getDb().execute(sql`truncate "user", audit_log cascade`);
    admin = await createUser({ email: "ada@users.test", name: "Ada Admin", role: "admin" });
    coach = await createUser({ email: "cory@users.test", name: "Cory Coach", role: "coach" });
    realtor = await createUser({ email: "rita@users.test", name: "Rita Realtor", role: "realtor" });
  });

  it("lists, searches, filters and pages users for admins only", async () => {
    const client = await signedIn(admin.email);
    const all = await client.call(usersRoute.GET, { path: "/api/admin/users" });
    expect(all.status).toBe(200);
    expect(all.json.total).toBe(3);
    expect(all.json.users[0]).not.toHaveProperty("password");
    expect(JSON.stringify(all.json)).not.toMatch(/token/i);

    const search = await client.call(usersRoute.GET, { path: "/api/admin/users?q=RITA" });
    expect(search.json.users.map((row: { email: string }) => row.email)).toEqual([realtor.email]);
    const coaches = await client.call(usersRoute.GET, { path: "/api/admin/users?role=coach" });
    expect(coaches.json.users.map((row: { email: string }) => row.email)).toEqual([coach.email]);
    const page2 = await client.call(usersRoute.GET, { path: "/api/admin/users?pageSize=2&page=2" });
    expect(page2.json.users).toHaveLength(1);
    expect(page2.json.total).toBe(3);
    const wildcard = await client.call(usersRoute.GET, { path: "/api/admin/users?q=%25" });
    expect(wildcard.json.total).toBe(0);
    expect((await client.call(usersRoute.GET, { path: "/api/admin/users?pageSize=1000" })).status).toBe(400);
    expect((await client.call(usersRoute.GET, { path: "/api/admin/users?role=owner" })).status).toBe(400);

    expect((await new TestClient().call(usersRoute.GET, { path: "/api/admin/users" })).status).toBe(401);
    expect((await (await signedIn(coach.email)).call(usersRoute.GET, { path: "/api/admin/users" })).status).toBe(403);
    expect((await (await signedIn(realtor.email)).call(userRoute.GET, { path: `/api/admin/users/${admin.id}`, params: { id: admin.id } })).status).toBe(403);
  });

  it("changes a role with an audit entry, and refuses coaches, realtors and unknown users", async () => {
    const client = await signedIn(admin.email);
    const changed = await client.call(userRoute.PATCH, { method: "PATCH", path: `/api/admin/users/${realtor.id}`, params: { id: realtor.id }, body: { role: "coach" } });
    expect(changed.status).toBe(200);
    expect(changed.json.user).toMatchObject({ id: realtor.id, role: "coach" });
    const [entry] = await getDb().select().from(auditLog).where(eq(auditLog.action, "user.role_changed"));
    expect(entry).toMatchObject({ actorUserId: admin.id, targetType: "user", targetId: realtor.id, changes: { role: { old: "realtor", new: "coach" } } });

    const byCoach = await (await signedIn(coach.email)).call(userRoute.PATCH, { method: "PATCH", path: `/api/admin/users/${realtor.id}`, params: { id: realtor.id }, body: { role: "admin" } });
    expect(byCoach.status).toBe(403);
    const missing = await client.call(userRoute.PATCH, { method: "PATCH", path: "/api/admin/users/nobody", params: { id: "nobody" }, body: { role: "coach" } });
    expect(missing.status).toBe(404);
    const invalid = await client.call(userRoute.PATCH, { method: "PATCH", path: `/api/admin/users/${realtor.id}`, params: { id: realtor.id }, body: { role: "owner" } });
    expect(invalid.status).toBe(400);
    expect(invalid.json.error.fields.role).toBeDefined();
    const crossSite = await client.call(userRoute.PATCH, { method: "PATCH", path: `/api/admin/users/${realtor.id}`, params: { id: realtor.id }, body: { role: "realtor" }, headers: { origin: "https://evil.example" } });
    expect(crossSite.status).toBe(403);
  });

  it("never lets the last active admin be demoted, but allows it once there is another", async () => {
    const client = await signedIn(admin.email);
    const self = await client.call(userRoute.PATCH, { method: "PATCH", path: `/api/admin/users/${admin.id}`, params: { id: admin.id }, body: { role: "realtor" } });
    expect(self.status).toBe(409);
    expect(self.json.error.message).toMatch(/only active admin/i);

    await client.call(userRoute.PATCH, { method: "PATCH", path: `/api/admin/users/${coach.id}`, params: { id: coach.id }, body: { role: "admin" } });
    const now = await client.call(userRoute.PATCH, { method: "PATCH", path: `/api/admin/users/${admin.id}`, params: { id: admin.id }, body: { role: "coach" } });
    expect(now.status).toBe(200);
    // The former admin is a coach from the next request on: the permission table applies at once.
    expect((await client.call(usersRoute.GET, { path: "/api/admin/users" })).status).toBe(403);
  });

  it("deactivates a user, revoking every session at once, then reactivates them", async () => {
    const client = await signedIn(admin.email);
    const realtorClient = await signedIn(realtor.email);
    const otherDevice = await signedIn(realtor.email);
    expect((await realtorClient.call(meRoute.GET, { path: "/api/me" })).status).toBe(200);

    const deactivated = await client.call(deactivateRoute.POST, { path: `/api/admin/users/${realtor.id}/deactivate`, params: { id: realtor.id }, body: { reason: "Left the program" } });
    expect(deactivated.status).toBe(200);
    expect(deactivated.json.user).toMatchObject({ status: "deactivated", activeSessions: 0 });
    expect(await getDb().select().from(session).where(eq(session.userId, realtor.id))).toHaveLength(0);
    expect((await realtorClient.call(meRoute.GET, { path: "/api/me" })).status).toBe(401);
    expect((await otherDevice.call(meRoute.GET, { path: "/api/me" })).status).toBe(401);
    const signIn = await new TestClient().call(authRoute.POST, { path: "/api/auth/sign-in/email", params: { all: ["sign-in", "email"] }, body: { email: realtor.email, password: "sessionly-demo" } });
    expect(signIn.status).toBeGreaterThanOrEqual(400);
    const [entry] = await getDb().select().from(auditLog).where(eq(auditLog.action, "user.deactivated"));
    expect(entry).toMatchObject({ targetId: realtor.id, reason: "Left the program" });
    // Two sign-ins here, plus the one sign-up made.
    expect((entry.metadata as { sessionsRevoked: number }).sessionsRevoked).toBeGreaterThanOrEqual(2);

    const reactivated = await client.call(reactivateRoute.POST, { path: `/api/admin/users/${realtor.id}/reactivate`, params: { id: realtor.id }, body: {} });
    expect(reactivated.json.user.status).toBe("active");
    expect((await signedIn(realtor.email)).cookies.size).toBeGreaterThan(0);
    expect(await getDb().select().from(auditLog).where(eq(auditLog.action, "user.reactivated"))).toHaveLength(1);
  });

  it("refuses to deactivate yourself, and coaches cannot deactivate anyone", async () => {
    const client = await signedIn(admin.email);
    expect((await client.call(deactivateRoute.POST, { path: `/api/admin/users/${admin.id}/deactivate`, params: { id: admin.id }, body: {} })).status).toBe(409);
    const byCoach = await (await signedIn(coach.email)).call(deactivateRoute.POST, { path: `/api/admin/users/${realtor.id}/deactivate`, params: { id: realtor.id }, body: {} });
    expect(byCoach.status).toBe(403);
    const [row] = await getDb().select().from(user).where(eq(user.id, realtor.id));
    expect(row.banned).toBeFalsy();
  });
});
