import crypto from "node:crypto";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { calendlyConnections } from "@/lib/db/schema";
import { decryptSecret, encryptSecret } from "@/lib/crypto/token-cipher";
import { AppError } from "@/lib/errors";
import { getBoss } from "@/lib/jobs/boss";
import { logger } from "@/lib/logger";
import { queueConnectionReauthNotice } from "@/features/notifications/connection-reauth-notice";
import { calendlyConfig } from "../calendly-config";
import { CalendlyOAuthError, refreshAccessToken } from "../client/oauth";
import { getConnectionOrThrow, type ConnectionRow } from "./connection-repository";

/**
 * Access tokens for a connection. OAuth tokens are refreshed ahead of expiry; Calendly's refresh tokens are
 * single-use, so a refresh first claims a short lease with a compare-and-set on `token_version`: concurrent callers
 * (in this process or another instance) wait for the winner's new token instead of spending the old one again.
 * A refresh refused with `invalid_grant` marks the connection `needs_reauth` and stops calls for that coach.
 */
const REFRESH_AHEAD_MS = 5 * 60 * 1000;
const LEASE_MS = 30_000;
const WAIT_FOR_OTHER_REFRESH_MS = 20_000;

export class ConnectionNeedsReauthError extends AppError {
  constructor() {
    super("conflict", "The coach's Calendly connection needs to be re-authorized. Reconnect Calendly to continue.", {
      details: { reason: "needs_reauth" },
    });
  }
}

function assertUsable(row: ConnectionRow) {
  if (row.status === "needs_reauth") throw new ConnectionNeedsReauthError();
  if (row.status === "disconnected" || !row.accessTokenEncrypted) {
    throw new AppError("conflict", "This coach has not connected Calendly.", { details: { reason: "disconnected" } });
  }
}

export async function markNeedsReauth(connectionId: string, reason: string) {
  // The coach's email is queued in the same transaction (outbox); pg-boss starts before the transaction.
  await getBoss();
  await getDb().transaction(async (tx) => {
    await tx
      .update(calendlyConnections)
      .set({ status: "needs_reauth", lastError: reason, lastErrorAt: new Date(), refreshLeaseOwner: null, refreshLeaseUntil: null, updatedAt: new Date() })
      .where(eq(calendlyConnections.id, connectionId));
    await queueConnectionReauthNotice(tx, connectionId, reason);
  });
  logger.warn({ connectionId }, "calendly connection needs re-authorization");
}

/** The current access token, refreshed first when it expires within five minutes (or when `force` is set). */
export async function getAccessToken(connectionId: string, options: { force?: boolean; staleToken?: string } = {}): Promise<string> {
  const row = await getConnectionOrThrow(connectionId);
  assertUsable(row);
  const token = decryptSecret(row.accessTokenEncrypted!);
  if (row.authKind === "pat") return token;
  // A 401 on a token someone already replaced: just use the new one.
  if (options.staleToken && options.staleToken !== token) return token;
  const expiresSoon = !row.tokenExpiresAt || row.tokenExpiresAt.getTime() - Date.now() < REFRESH_AHEAD_MS;
  if (!options.force && !expiresSoon) return token;
  return refreshTokens(row);
}

async function refreshTokens(row: ConnectionRow): Promise<string> {
  const db = getDb();
  const owner = crypto.randomUUID();
  const now = new Date();
  const claimed = await db
    .update(calendlyConnections)
    .set({ refreshLeaseOwner: owner, refreshLeaseUntil: new Date(now.getTime() + LEASE_MS) })
    .where(
      and(
        eq(calendlyConnections.id, row.id),
        eq(calendlyConnections.tokenVersion, row.tokenVersion),
        eq(calendlyConnections.status, "connected"),
        or(isNull(calendlyConnections.refreshLeaseUntil), lt(calendlyConnections.refreshLeaseUntil, now)),
      ),
    )
    .returning({ id: calendlyConnections.id });
  if (claimed.length === 0) return waitForOtherRefresh(row);

  const config = calendlyConfig();
  try {
    const tokens = await refreshAccessToken({
      authBase: config.authBase,
      clientId: config.clientId ?? "",
      clientSecret: config.clientSecret ?? "",
      refreshToken: decryptSecret(row.refreshTokenEncrypted ?? ""),
    });
    const updated = await db
      .update(calendlyConnections)
      .set({
        accessTokenEncrypted: encryptSecret(tokens.access_token),
        refreshTokenEncrypted: encryptSecret(tokens.refresh_token),
        tokenExpiresAt: new Date(Date.now() + tokens.expires_in * 1000),
        tokenVersion: sql`${calendlyConnections.tokenVersion} + 1`,
        refreshLeaseOwner: null,
        refreshLeaseUntil: null,
        updatedAt: new Date(),
      })
      .where(and(eq(calendlyConnections.id, row.id), eq(calendlyConnections.refreshLeaseOwner, owner)))
      .returning({ id: calendlyConnections.id });
    if (updated.length === 0) logger.warn({ connectionId: row.id }, "token refresh finished after its lease expired");
    return tokens.access_token;
  } catch (error) {
    if (error instanceof CalendlyOAuthError && error.error === "invalid_grant") {
      await markNeedsReauth(row.id, "Calendly refused the refresh token (invalid_grant): the coach must reconnect.");
      throw new ConnectionNeedsReauthError();
    }
    await db
      .update(calendlyConnections)
      .set({ refreshLeaseOwner: null, refreshLeaseUntil: null })
      .where(and(eq(calendlyConnections.id, row.id), eq(calendlyConnections.refreshLeaseOwner, owner)));
    throw error;
  }
}

async function waitForOtherRefresh(row: ConnectionRow): Promise<string> {
  const deadline = Date.now() + WAIT_FOR_OTHER_REFRESH_MS;
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const current = await getConnectionOrThrow(row.id);
    assertUsable(current);
    if (current.tokenVersion !== row.tokenVersion) return decryptSecret(current.accessTokenEncrypted!);
    if (!current.refreshLeaseUntil || current.refreshLeaseUntil.getTime() < Date.now()) return refreshTokens(current);
  }
  throw new AppError("upstream_unavailable", "Calendly token refresh is taking too long; try again shortly.", { retryAfterSeconds: 5 });
}
