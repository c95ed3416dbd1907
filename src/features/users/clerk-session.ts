import { randomUUID } from "node:crypto";
import { verifyToken } from "@clerk/backend";
import { and, eq } from "drizzle-orm";
import { trustedOrigins } from "@/lib/auth/auth";
import { isRole, type Role } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { user, userExternalIdentities } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { recordAudit } from "@/features/audit/record-audit";

/**
 * `AUTH_PROVIDER=clerk`: organizations already on Clerk keep it. A Clerk session token (the `__session` cookie or
 * `Authorization: Bearer`) is verified offline with the instance's PEM public key (`CLERK_JWT_KEY`), then mapped to
 * a Sessionly user: found by the Clerk user id, else by the email claim (and linked), else created. The role comes
 * from the token's public metadata claim (`metadata.role` or `public_metadata.role`; realtor when missing), and the
 * same permission table applies. Custom claims needed in Clerk's session token template:
 * `{"email": "{{user.primary_email_address}}", "name": "{{user.full_name}}", "metadata": "{{user.public_metadata}}"}`.
 */
export const CLERK_SESSION_COOKIE = "__session";

/** The PEM key as configured; literal `\n` sequences (common in one-line env files) become newlines. */
export function clerkJwtKey(raw: string | undefined = env().CLERK_JWT_KEY): string | null {
  if (!raw) return null;
  return raw.replace(/\\n/g, "\n").trim();
}

export function clerkTokenFromHeaders(headers: Headers): string | null {
  const authorization = headers.get("authorization");
  if (authorization && /^bearer\s+/i.test(authorization)) {
    const token = authorization.replace(/^bearer\s+/i, "").trim();
    if (token) return token;
  }
  const cookie = headers.get("cookie");
  if (!cookie) return null;
  for (const part of cookie.split(";")) {
    const index = part.indexOf("=");
    if (index > 0 && part.slice(0, index).trim() === CLERK_SESSION_COOKIE) return decodeURIComponent(part.slice(index + 1).trim()) || null;
  }
  return null;
}

interface ClerkClaims {
  sub: string;
  email?: unknown;
  email_address?: unknown;
  primary_email_address?: unknown;
  name?: unknown;
  metadata?: unknown;
  public_metadata?: unknown;
}

function stringClaim(...values: unknown[]): string | null {
  for (const value of values) if (typeof value === "string" && value.trim()) return value.trim();
  return null;
}

/** The role a Clerk token grants: `metadata.role` or `public_metadata.role`; realtor when absent or unknown. */
export function roleFromClaims(claims: { metadata?: unknown; public_metadata?: unknown }): Role {
  for (const source of [claims.metadata, claims.public_metadata]) {
    const role = source && typeof source === "object" ? (source as { role?: unknown }).role : undefined;
    if (isRole(role)) return role;
  }
  return "realtor";
}

/** The Sessionly user of a request carrying a Clerk session token; `null` when there is none or it does not verify. */
export async function getClerkUserFromHeaders(headers: Headers): Promise<CurrentUser | null> {
  const token = clerkTokenFromHeaders(headers);
  const jwtKey = clerkJwtKey();
  if (!token || !jwtKey) return null;
  let claims: ClerkClaims;
  try {
    claims = (await verifyToken(token, { jwtKey, authorizedParties: trustedOrigins() })) as unknown as ClerkClaims;
  } catch (error) {
    logger.info({ reason: error instanceof Error ? error.message : "invalid" }, "clerk session token refused");
    return null;
  }
  if (typeof claims.sub !== "string" || !claims.sub) return null;
  return userForClerkClaims(claims);
}

export async function userForClerkClaims(claims: ClerkClaims): Promise<CurrentUser | null> {
  const db = getDb();
  const role = roleFromClaims(claims);
  const email = stringClaim(claims.email, claims.email_address, claims.primary_email_address)?.toLowerCase() ?? null;

  const [linked] = await db
    .select({ user })
    .from(userExternalIdentities)
    .innerJoin(user, eq(user.id, userExternalIdentities.userId))
    .where(and(eq(userExternalIdentities.provider, "clerk"), eq(userExternalIdentities.externalId, claims.sub)));
  let row = linked?.user ?? null;

  if (!row) {
    if (!email) return null; // a first sign-in must carry an email to map the person
    row = await db.transaction(async (tx) => {
      let [existing] = await tx.select().from(user).where(eq(user.email, email));
      if (!existing) {
        [existing] = await tx
          .insert(user)
          .values({ id: randomUUID(), name: stringClaim(claims.name) ?? email.split("@")[0], email, emailVerified: true, role })
          .onConflictDoNothing()
          .returning();
        existing ??= (await tx.select().from(user).where(eq(user.email, email)))[0];
        await recordAudit(
          { actorType: "system", actorLabel: "Clerk", source: "api", action: "user.created", targetType: "user", targetId: existing.id, metadata: { provider: "clerk", role } },
          tx,
        );
      }
      await tx
        .insert(userExternalIdentities)
        .values({ provider: "clerk", externalId: claims.sub, userId: existing.id })
        .onConflictDoNothing();
      return existing;
    });
  }
  if (!row || row.banned) return null;

  // Clerk's public metadata is the source of the role: follow it when an admin changes it there.
  if (row.role !== role) {
    const previous = row.role;
    await db.transaction(async (tx) => {
      await tx.update(user).set({ role, updatedAt: new Date() }).where(eq(user.id, row.id));
      await recordAudit(
        { actorType: "system", actorLabel: "Clerk", source: "api", action: "user.role_changed", targetType: "user", targetId: row.id, changes: { role: { old: previous, new: role } }, reason: "Role from Clerk public metadata" },
        tx,
      );
    });
  }
  return { id: row.id, email: row.email, name: row.name, role, timeZone: row.timeZone || "UTC" };
}
