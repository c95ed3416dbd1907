import { eq, sql } from "drizzle-orm";
import { exportSPKI, generateKeyPair, SignJWT, type CryptoKey } from "jose";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as meRoute from "@/app/api/me/route";
import * as usersRoute from "@/app/api/admin/users/route";
import { getDb } from "@/lib/db";
import { auditLog, user, userExternalIdentities } from "@/lib/db/schema";
import { resetEnvCache } from "@/lib/env";
import { TestClient, APP_ORIGIN } from "../../../tests/helpers/http";
import { createUser } from "../../../tests/helpers/users";
import { clerkJwtKey, roleFromClaims } from "./clerk-session";

/** Tokens in Clerk's session-token format, signed by a key made here (Clerk's instance key stays out of tests). */
let privateKey: CryptoKey;
let otherPrivateKey: CryptoKey;
let publicPem: string;

async function clerkToken(claims: Record<string, unknown>, options: { key?: CryptoKey; expiresIn?: number; notBefore?: number } = {}) {
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ sid: "sess_2abcDEF", azp: APP_ORIGIN, ...claims })
    .setProtectedHeader({ alg: "RS256", kid: "ins_test", typ: "JWT" })
    .setIssuer("https://clerk.sessionly.example")
    .setSubject((claims.sub as string) ?? "user_2clerk")
    .setIssuedAt(now - 5)
    .setNotBefore(options.notBefore ?? now - 10)
    .setExpirationTime(now + (options.expiresIn ?? 60))
    .sign(options.key ?? privateKey);
}

function me(headers: Record<string, string>) {
  return new TestClient().call(meRoute.GET, { path: "/api/me", headers });
}

describe("Clerk session tokens (AUTH_PROVIDER=clerk)", () => {
  beforeAll(async () => {
    const pair = await generateKeyPair("RS256", { extractable: true });
    ({ privateKey: otherPrivateKey } = await generateKeyPair("RS256"));
    privateKey = pair.privateKey;
    publicPem = await exportSPKI(pair.publicKey);
    process.env.AUTH_PROVIDER = "clerk";
    // One-line env files carry the PEM with literal \n sequences.
    process.env.CLERK_JWT_KEY = publicPem.trim().replace(/\n/g, "\\n");
    resetEnvCache();
  });
  afterAll(() => {
    delete process.env.AUTH_PROVIDER;
    delete process.env.CLERK_JWT_KEY;
    resetEnvCache();
  });
  beforeEach(async () => {
    await getDb().execute(sql`truncate "user", audit_log cascade`);
  });

  it("turns literal \\n sequences of CLERK_JWT_KEY into newlines", () => {
    expect(clerkJwtKey("-----BEGIN PUBLIC KEY-----\\nABC\\n-----END PUBLIC KEY-----")).toBe("-----BEGIN PUBLIC KEY-----\nABC\n-----END PUBLIC KEY-----");
  });

  it("creates a Sessionly user on first sight from a bearer token, then finds them again by Clerk id", async () => {
    const token = await clerkToken({ sub: "user_first", email: "New.Person@Clerk.test", name: "New Person", metadata: { role: "coach" } });
    const response = await me({ authorization: `Bearer ${token}` });
    expect(response.status).toBe(200);
    expect(response.json.user).toMatchObject({ email: "new.person@clerk.test", name: "New Person", role: "coach" });
    const [link] = await getDb().select().from(userExternalIdentities).where(eq(userExternalIdentities.externalId, "user_first"));
    expect(link.userId).toBe(response.json.user.id);

    // Same Clerk user, email changed in Clerk: still the same Sessionly user.
    const again = await me({ cookie: `__session=${await clerkToken({ sub: "user_first", email: "renamed@clerk.test", metadata: { role: "coach" } })}` });
    expect(again.json.user.id).toBe(response.json.user.id);
    expect(await getDb().select().from(user)).toHaveLength(1);
  });

  it("links an existing account by email and takes the role from public_metadata", async () => {
    const existing = await createUser({ email: "admin.person@clerk.test", role: "realtor" });
    const token = await clerkToken({ sub: "user_admin", email: "admin.person@clerk.test", public_metadata: { role: "admin" } });
    const response = await me({ authorization: `Bearer ${token}` });
    expect(response.json.user).toMatchObject({ id: existing.id, role: "admin" });
    const [entry] = await getDb().select().from(auditLog).where(eq(auditLog.action, "user.role_changed"));
    expect(entry.changes).toEqual({ role: { old: "realtor", new: "admin" } });
    // The same permission table applies: an admin route answers.
    const admin = await new TestClient().call(usersRoute.GET, { path: "/api/admin/users", headers: { authorization: `Bearer ${token}` } });
    expect(admin.status).toBe(200);
  });

  it("makes a realtor when the role claim is missing or unknown, who cannot reach admin routes", async () => {
    expect(roleFromClaims({})).toBe("realtor");
    expect(roleFromClaims({ metadata: { role: "superuser" } })).toBe("realtor");
    const token = await clerkToken({ sub: "user_norole", email: "plain@clerk.test" });
    expect((await me({ authorization: `Bearer ${token}` })).json.user.role).toBe("realtor");
    const admin = await new TestClient().call(usersRoute.GET, { path: "/api/admin/users", headers: { authorization: `Bearer ${token}` } });
    expect(admin.status).toBe(403);
  });

  it("refuses expired, not-yet-valid, wrongly signed, foreign-party and malformed tokens", async () => {
    const claims = { sub: "user_x", email: "x@clerk.test", metadata: { role: "admin" } };
    expect((await me({ authorization: `Bearer ${await clerkToken(claims, { expiresIn: -120 })}` })).status).toBe(401);
    expect((await me({ authorization: `Bearer ${await clerkToken(claims, { notBefore: Math.floor(Date.now() / 1000) + 600 })}` })).status).toBe(401);
    expect((await me({ authorization: `Bearer ${await clerkToken(claims, { key: otherPrivateKey })}` })).status).toBe(401);
    expect((await me({ authorization: `Bearer ${await clerkToken({ ...claims, azp: "https://evil.example" })}` })).status).toBe(401);
    expect((await me({ authorization: "Bearer not-a-jwt" })).status).toBe(401);
    expect(await getDb().select().from(user)).toHaveLength(0);
  });

  it("refuses a first sign-in without an email claim, and a deactivated user", async () => {
    expect((await me({ authorization: `Bearer ${await clerkToken({ sub: "user_noemail" })}` })).status).toBe(401);
    const token = await clerkToken({ sub: "user_banned", email: "banned@clerk.test" });
    expect((await me({ authorization: `Bearer ${token}` })).status).toBe(200);
    await getDb().update(user).set({ banned: true }).where(eq(user.email, "banned@clerk.test"));
    expect((await me({ authorization: `Bearer ${token}` })).status).toBe(401);
  });
});
