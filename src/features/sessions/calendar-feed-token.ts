import crypto from "node:crypto";
import { and, eq, isNull } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { calendarFeedTokens, user } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { isRole, type Role } from "@/lib/auth/permissions";
import { recordAudit, userActor } from "@/features/audit/record-audit";
import { loadOrCreateLocalSecrets } from "@/lib/secrets";
import { feedSubscribeLinks } from "./calendar-links";

/**
 * Personal calendar feed tokens: `<token id>.<HMAC-SHA256(key, "calendar-feed:v1:<id>:<user id>")>` in base64url.
 * The database keeps only the id, owner and revocation, so a leaked table cannot be turned into feed URLs, a forged
 * token is refused before any lookup, and revoking (or rotating) stops the old URL at once.
 */
const PREFIX = "calendar-feed:v1";

function signingKey(): Buffer {
  const config = env();
  // The link-signing secret (`npm start` passes it), else a key derived from the auth secret, else the data dir's.
  const base = process.env.LINK_SIGNING_SECRET ?? config.BETTER_AUTH_SECRET ?? loadOrCreateLocalSecrets(config.DATA_DIR).linkSigningSecret;
  return Buffer.from(crypto.hkdfSync("sha256", base, "sessionly", PREFIX, 32));
}

function signature(tokenId: string, userId: string): string {
  return crypto.createHmac("sha256", signingKey()).update(`${PREFIX}:${tokenId}:${userId}`).digest("base64url");
}

export function feedTokenFor(tokenId: string, userId: string): string {
  return `${tokenId}.${signature(tokenId, userId)}`;
}

export interface CalendarFeedDto {
  active: boolean;
  url: string | null;
  createdAt: string | null;
  lastUsedAt: string | null;
  subscribe: { webcal: string; google: string; outlook: string } | null;
}

function feedDto(row: { id: string; userId: string; createdAt: Date; lastUsedAt: Date | null } | undefined): CalendarFeedDto {
  if (!row) return { active: false, url: null, createdAt: null, lastUsedAt: null, subscribe: null };
  const url = `${env().APP_URL}/api/calendar/${feedTokenFor(row.id, row.userId)}.ics`;
  return {
    active: true,
    url,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    subscribe: feedSubscribeLinks(url, "Sessionly sessions"),
  };
}

export async function getCalendarFeed(userId: string): Promise<CalendarFeedDto> {
  const [row] = await getDb()
    .select()
    .from(calendarFeedTokens)
    .where(and(eq(calendarFeedTokens.userId, userId), isNull(calendarFeedTokens.revokedAt)));
  return feedDto(row);
}

/** Creates the person's feed token, revoking the previous one in the same transaction (rotation). */
type Actor = { id: string; role: Role; name: string };
type RequestInfo = { ip?: string; userAgent?: string | null };

export async function rotateCalendarFeed(actor: Actor, request?: RequestInfo): Promise<CalendarFeedDto> {
  const userId = actor.id;
  return getDb().transaction(async (tx) => {
    const revoked = await tx
      .update(calendarFeedTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(calendarFeedTokens.userId, userId), isNull(calendarFeedTokens.revokedAt)))
      .returning({ id: calendarFeedTokens.id });
    const [created] = await tx.insert(calendarFeedTokens).values({ userId }).returning();
    await recordAudit(
      {
        ...userActor(actor, request),
        action: revoked.length ? "calendar_feed.rotated" : "calendar_feed.created",
        targetType: "calendar_feed_token",
        targetId: created.id,
        metadata: revoked.length ? { revokedTokenId: revoked[0].id } : null,
      },
      tx,
    );
    return feedDto(created);
  });
}

export async function revokeCalendarFeed(actor: Actor, request?: RequestInfo): Promise<CalendarFeedDto> {
  return getDb().transaction(async (tx) => {
    const revoked = await tx
      .update(calendarFeedTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(calendarFeedTokens.userId, actor.id), isNull(calendarFeedTokens.revokedAt)))
      .returning({ id: calendarFeedTokens.id });
    if (revoked.length) {
      await recordAudit({ ...userActor(actor, request), action: "calendar_feed.revoked", targetType: "calendar_feed_token", targetId: revoked[0].id }, tx);
    }
    return feedDto(undefined);
  });
}

const TOKEN_PATTERN = /^([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})(?:\.ics)?$/;

/** The owner of a live token, or null for anything else (malformed, forged, revoked, owner gone or banned). */
export async function resolveCalendarFeedToken(
  token: string,
): Promise<{ tokenId: string; user: { id: string; name: string; role: Role; timeZone: string } } | null> {
  const match = TOKEN_PATTERN.exec(token);
  if (!match) return null;
  const [, tokenId, given] = match;
  const [row] = await getDb()
    .select({ userId: calendarFeedTokens.userId, revokedAt: calendarFeedTokens.revokedAt, name: user.name, role: user.role, timeZone: user.timeZone, banned: user.banned })
    .from(calendarFeedTokens)
    .innerJoin(user, eq(user.id, calendarFeedTokens.userId))
    .where(eq(calendarFeedTokens.id, tokenId));
  // Compare even when the row is missing, so timing does not tell a valid id from an invalid one.
  const expected = Buffer.from(signature(tokenId, row?.userId ?? "none"));
  const actual = Buffer.from(given);
  const valid = expected.length === actual.length && crypto.timingSafeEqual(expected, actual);
  if (!valid || !row || row.revokedAt || row.banned || !isRole(row.role)) return null;
  return { tokenId, user: { id: row.userId, name: row.name, role: row.role, timeZone: row.timeZone } };
}

export async function touchCalendarFeedToken(tokenId: string): Promise<void> {
  await getDb().update(calendarFeedTokens).set({ lastUsedAt: new Date() }).where(eq(calendarFeedTokens.id, tokenId));
}
