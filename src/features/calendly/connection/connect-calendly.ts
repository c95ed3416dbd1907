import crypto from "node:crypto";
import { and, eq, gt } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { calendlyConnections, oauthStates, scheduledEvents } from "@/lib/db/schema";
import { decryptSecret, encryptSecret } from "@/lib/crypto/token-cipher";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { enqueue } from "@/lib/jobs/boss";
import { QUEUES } from "@/lib/jobs/queues";
import { recordAudit } from "@/features/audit/record-audit";
import { calendlyConfig } from "../calendly-config";
import { calendlyClientForConnection, calendlyClientForToken } from "../calendly-api";
import { CalendlyApiError } from "../client/client";
import { buildAuthorizeUrl, createPkcePair, exchangeCode, revokeToken } from "../client/oauth";
import { syncEventTypes } from "../event-types/sync-event-types";
import { findConnectionByUserId, findLiveConnectionOfCalendlyUser, type ConnectionRow } from "./connection-repository";
import { forgetWebhookSigningKey } from "../webhooks/receive-webhook";

/**
 * Connecting a coach's Calendly account: OAuth authorization code flow with `state` and PKCE (or a personal access
 * token), tokens encrypted at rest, a webhook subscription, event types, and a backfill of history in the background.
 */
const STATE_TTL_MS = 10 * 60 * 1000;
export const WEBHOOK_EVENTS = ["invitee.created", "invitee.canceled", "invitee_no_show.created", "invitee_no_show.deleted"] as const;

interface Actor {
  id: string;
  name: string;
  role: "admin" | "coach" | "realtor";
}

/** Step 1: where to send the coach's browser. */
export async function startOAuthConnection(user: Actor): Promise<string> {
  const config = calendlyConfig();
  if (!config.clientId || !config.clientSecret) {
    throw new AppError("conflict", "Calendly OAuth is not configured: set CALENDLY_CLIENT_ID and CALENDLY_CLIENT_SECRET.");
  }
  const state = crypto.randomBytes(24).toString("base64url");
  const pkce = createPkcePair();
  await getDb()
    .insert(oauthStates)
    .values({
      state,
      userId: user.id,
      codeVerifierEncrypted: encryptSecret(pkce.codeVerifier),
      redirectUri: config.redirectUri,
      expiresAt: new Date(Date.now() + STATE_TTL_MS),
    });
  return buildAuthorizeUrl({ authBase: config.authBase, clientId: config.clientId, redirectUri: config.redirectUri, state, codeChallenge: pkce.codeChallenge });
}

/** Step 2: the callback. The state must be this user's, unexpired, and is spent on first use. */
export async function completeOAuthConnection(user: Actor, input: { code: string; state: string }): Promise<ConnectionRow> {
  const config = calendlyConfig();
  const [stateRow] = await getDb()
    .delete(oauthStates)
    .where(and(eq(oauthStates.state, input.state), eq(oauthStates.userId, user.id), gt(oauthStates.expiresAt, new Date())))
    .returning();
  if (!stateRow) throw new AppError("bad_request", "This Calendly sign-in link has expired or was already used. Please connect again.");
  const tokens = await exchangeCode({
    authBase: config.authBase,
    clientId: config.clientId ?? "",
    clientSecret: config.clientSecret ?? "",
    code: input.code,
    redirectUri: stateRow.redirectUri,
    codeVerifier: decryptSecret(stateRow.codeVerifierEncrypted),
  });
  return saveConnection(user, {
    authKind: "oauth",
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    expiresAt: new Date(Date.now() + tokens.expires_in * 1000),
  });
}

/** Connects with a personal access token (single-organization set-ups and the embedded demo). */
export async function connectWithPersonalAccessToken(user: Actor, token: string, options: SaveOptions = {}): Promise<ConnectionRow> {
  return saveConnection(user, { authKind: "pat", accessToken: token, refreshToken: null, expiresAt: null }, options);
}

interface SaveOptions {
  /** `queue` (default): backfill in the worker; `none`: the caller syncs itself. */
  backfill?: "queue" | "none";
}

async function saveConnection(
  user: Actor,
  tokens: { authKind: "oauth" | "pat"; accessToken: string; refreshToken: string | null; expiresAt: Date | null },
  options: SaveOptions = {},
): Promise<ConnectionRow> {
  const client = calendlyClientForToken(tokens.accessToken);
  const calendlyUser = await client.getCurrentUser();
  const organizationUri = calendlyUser.current_organization;
  let organizationRole: string | null = null;
  try {
    const memberships = await client.listOrganizationMemberships({ user: calendlyUser.uri, organization: organizationUri });
    organizationRole = memberships.collection[0]?.role ?? null;
  } catch (error) {
    logger.warn({ err: error }, "could not read the Calendly organization role");
  }

  const holder = await findLiveConnectionOfCalendlyUser(calendlyUser.uri, user.id);
  if (holder) {
    throw new AppError("conflict", "This Calendly account is already connected to another Sessionly account. Disconnect it there first.");
  }

  const db = getDb();
  const existing = await findConnectionByUserId(user.id);
  const values = {
    userId: user.id,
    calendlyUserUri: calendlyUser.uri,
    organizationUri,
    organizationRole,
    calendlyName: calendlyUser.name,
    calendlyEmail: calendlyUser.email,
    calendlySlug: calendlyUser.slug ?? null,
    schedulingUrl: calendlyUser.scheduling_url ?? null,
    timeZone: calendlyUser.timezone ?? null,
    authKind: tokens.authKind,
    accessTokenEncrypted: encryptSecret(tokens.accessToken),
    refreshTokenEncrypted: tokens.refreshToken ? encryptSecret(tokens.refreshToken) : null,
    tokenExpiresAt: tokens.expiresAt,
    status: "connected" as const,
    lastError: null,
    lastErrorAt: null,
    connectedAt: new Date(),
    disconnectedAt: null,
    updatedAt: new Date(),
  };
  let connection: ConnectionRow;
  if (existing) {
    // Reconnecting: same row, so history, offered event types and settings carry on.
    const sameCalendlyUser = existing.calendlyUserUri === calendlyUser.uri;
    [connection] = await db
      .update(calendlyConnections)
      .set({ ...values, tokenVersion: existing.tokenVersion + 1, ...(sameCalendlyUser ? {} : { webhookSubscriptionUri: null, lastSyncedAt: null }) })
      .where(eq(calendlyConnections.id, existing.id))
      .returning();
    if (sameCalendlyUser) {
      await db.update(scheduledEvents).set({ fromDisconnectedAccount: false, connectionId: connection.id }).where(eq(scheduledEvents.coachUserId, user.id));
    }
  } else {
    [connection] = await db.insert(calendlyConnections).values(values).returning();
  }

  await recordAudit({
    actorType: user.role,
    actorUserId: user.id,
    actorLabel: user.name,
    source: "web",
    action: existing ? "calendly.reconnected" : "calendly.connected",
    targetType: "calendly_connection",
    targetId: connection.id,
    metadata: { calendlyUser: calendlyUser.uri, authKind: tokens.authKind },
  });

  await ensureWebhookSubscription(connection);
  await syncEventTypes(connection.id);
  if (options.backfill !== "none") {
    await enqueue(QUEUES.backfill, { connectionId: connection.id, trigger: "connect" }, { singletonKey: `backfill:${connection.id}` });
  }
  return (await findConnectionByUserId(user.id))!;
}

export function webhookUrlFor(connectionId: string): string {
  return `${calendlyConfig().webhookUrlBase}?connection=${connectionId}`;
}

/**
 * Subscribes to invitee events for this connection (organization scope when the coach is an org admin/owner
 * connecting with org rights is not needed: Sessionly follows each coach). A free plan (403) is recorded and the
 * coach is kept in sync by reconciliation alone.
 */
export async function ensureWebhookSubscription(connection: ConnectionRow): Promise<void> {
  const client = calendlyClientForConnection(connection.id);
  const url = webhookUrlFor(connection.id);
  const signingKey = connection.authKind === "pat" ? crypto.randomBytes(32).toString("base64url") : undefined;
  const body = {
    url,
    events: [...WEBHOOK_EVENTS],
    organization: connection.organizationUri,
    user: connection.calendlyUserUri,
    scope: "user" as const,
    ...(signingKey ? { signing_key: signingKey } : {}),
  };
  try {
    if (connection.webhookSubscriptionUri) {
      const current = await client.getWebhookSubscription(connection.webhookSubscriptionUri).catch(() => null);
      if (current && current.state === "active" && current.callback_url === url) return;
      if (current) await client.deleteWebhookSubscription(connection.webhookSubscriptionUri).catch(() => undefined);
    }
    let subscription;
    try {
      subscription = await client.createWebhookSubscription(body);
    } catch (error) {
      if (!(error instanceof CalendlyApiError) || error.status !== 409) throw error;
      // Left over from an earlier connection of this account: replace it so our key is the one that signs.
      for await (const existing of client.paginate(client.listWebhookSubscriptions, {
        organization: connection.organizationUri,
        user: connection.calendlyUserUri,
        scope: "user",
      })) {
        if (existing.callback_url === url) await client.deleteWebhookSubscription(existing.uri);
      }
      subscription = await client.createWebhookSubscription(body);
    }
    await getDb()
      .update(calendlyConnections)
      .set({
        webhookSubscriptionUri: subscription.uri,
        webhookScope: "user",
        webhookSigningKeyEncrypted: signingKey ? encryptSecret(signingKey) : null,
        updatedAt: new Date(),
      })
      .where(eq(calendlyConnections.id, connection.id));
    forgetWebhookSigningKey(connection.id);
  } catch (error) {
    const message =
      error instanceof CalendlyApiError && error.status === 403
        ? `Calendly refused the webhook subscription (${error.message}). Webhooks need a paid Calendly plan; Sessionly keeps this coach in sync with periodic reconciliation instead.`
        : `Could not subscribe to Calendly webhooks: ${(error as Error).message}`;
    logger.warn({ connectionId: connection.id, err: error }, "webhook subscription failed");
    await getDb().update(calendlyConnections).set({ lastError: message, lastErrorAt: new Date() }).where(eq(calendlyConnections.id, connection.id));
  }
}

/**
 * Disconnect: revoke the token at Calendly, delete the webhook subscription, wipe the tokens; the history of
 * sessions stays, marked as coming from a disconnected account. Calendly failures do not block a disconnect.
 */
export async function disconnectCalendly(user: Actor, connectionOwnerId: string = user.id): Promise<void> {
  const connection = await findConnectionByUserId(connectionOwnerId);
  if (!connection || connection.status === "disconnected") throw new AppError("not_found", "There is no Calendly connection to disconnect.");
  const config = calendlyConfig();
  if (connection.status === "connected" && connection.accessTokenEncrypted) {
    const client = calendlyClientForConnection(connection.id);
    if (connection.webhookSubscriptionUri) {
      await client.deleteWebhookSubscription(connection.webhookSubscriptionUri).catch((error) => logger.warn({ err: error }, "webhook delete failed"));
    }
    if (connection.authKind === "oauth" && config.clientId && config.clientSecret) {
      await revokeToken({
        authBase: config.authBase,
        clientId: config.clientId,
        clientSecret: config.clientSecret,
        token: decryptSecret(connection.accessTokenEncrypted),
      }).catch((error) => logger.warn({ err: error }, "token revoke failed"));
    }
  }
  const db = getDb();
  await db.transaction(async (tx) => {
    await tx
      .update(calendlyConnections)
      .set({
        status: "disconnected",
        accessTokenEncrypted: null,
        refreshTokenEncrypted: null,
        tokenExpiresAt: null,
        webhookSubscriptionUri: null,
        webhookSigningKeyEncrypted: null,
        refreshLeaseOwner: null,
        refreshLeaseUntil: null,
        disconnectedAt: new Date(),
        updatedAt: new Date(),
      })
      .where(eq(calendlyConnections.id, connection.id));
    await tx.update(scheduledEvents).set({ fromDisconnectedAccount: true }).where(eq(scheduledEvents.coachUserId, connectionOwnerId));
    forgetWebhookSigningKey(connection.id);
    await recordAudit(
      {
        actorType: user.role,
        actorUserId: user.id,
        actorLabel: user.name,
        source: "web",
        action: "calendly.disconnected",
        targetType: "calendly_connection",
        targetId: connection.id,
      },
      tx,
    );
  });
}
