import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { calendlyConnections, eventTypes, scheduledEvents } from "@/lib/db/schema";
import { decryptSecret } from "@/lib/crypto/token-cipher";
import { AppError } from "@/lib/errors";
import { startCalendlyHarness, type CalendlyHarness } from "../../../../tests/helpers/calendly-harness";
import { createUser } from "../../../../tests/helpers/users";
import { completeOAuthConnection, connectWithPersonalAccessToken, disconnectCalendly, startOAuthConnection } from "./connect-calendly";
import { getAccessToken } from "./connection-tokens";
import { findConnectionByUserId } from "./connection-repository";

let harness: CalendlyHarness;

/** Drives the emulator's consent page the way a coach's browser would, returning the callback query. */
async function consent(authorizeUrl: string, calendlyEmail: string, decision = "approve") {
  const url = new URL(authorizeUrl);
  const page = await fetch(url);
  expect(page.status).toBe(200);
  const form = new URLSearchParams(url.searchParams);
  form.set("user", calendlyEmail);
  form.set("decision", decision);
  const response = await fetch(`${url.origin}/oauth/authorize`, {
    method: "POST",
    body: form,
    headers: { "content-type": "application/x-www-form-urlencoded" },
    redirect: "manual",
  });
  expect(response.status).toBe(302);
  return new URL(response.headers.get("location")!).searchParams;
}

async function connectByOAuth(coach: { id: string; name: string; role: "coach" }, calendlyEmail: string) {
  const authorizeUrl = await startOAuthConnection(coach);
  const callback = await consent(authorizeUrl, calendlyEmail);
  return completeOAuthConnection(coach, { code: callback.get("code")!, state: callback.get("state")! });
}

describe("connecting Calendly", () => {
  beforeAll(async () => {
    harness = await startCalendlyHarness();
  });
  afterAll(async () => harness.stop());
  beforeEach(async () => {
    await getDb().execute(sql`truncate calendly_connections, calendly_oauth_states, calendly_scheduled_events, calendly_event_types cascade`);
  });

  it("connects through OAuth with PKCE, stores tokens encrypted, subscribes to webhooks and syncs event types", async () => {
    const coach = { ...(await createUser({ email: "oauth.coach@example.com", role: "coach" })), role: "coach" as const };
    const authorizeUrl = await startOAuthConnection(coach);
    const url = new URL(authorizeUrl);
    expect(url.searchParams.get("code_challenge_method")).toBe("S256");
    expect(url.searchParams.get("state")).toBeTruthy();

    const connection = await connectByOAuth(coach, "coach.morgan@sessionly.test");
    expect(connection.status).toBe("connected");
    expect(connection.authKind).toBe("oauth");
    expect(connection.calendlyEmail).toBe("coach.morgan@sessionly.test");
    expect(connection.webhookSubscriptionUri).toMatch(/webhook_subscriptions/);

    const [raw] = await getDb().execute<{ access_token_encrypted: string; refresh_token_encrypted: string }>(
      sql`select access_token_encrypted, refresh_token_encrypted from calendly_connections where id = ${connection.id}`,
    ).then((result) => result.rows);
    expect(raw.access_token_encrypted.startsWith("v1.")).toBe(true);
    const accessToken = decryptSecret(raw.access_token_encrypted);
    expect(raw.access_token_encrypted).not.toContain(accessToken);

    const synced = await getDb().select().from(eventTypes).where(eq(eventTypes.connectionId, connection.id));
    expect(synced.length).toBeGreaterThanOrEqual(3);
    expect(synced.every((eventType) => eventType.schedulingUrlValid)).toBe(true);
    expect(synced.every((eventType) => !eventType.offered)).toBe(true);
  });

  it("refuses a state that is unknown, someone else's, or already used", async () => {
    const coach = { ...(await createUser({ email: "state.coach@example.com", role: "coach" })), role: "coach" as const };
    const other = { ...(await createUser({ email: "state.other@example.com", role: "coach" })), role: "coach" as const };
    const callback = await consent(await startOAuthConnection(coach), "coach.priya@sessionly.test");
    await expect(completeOAuthConnection(other, { code: callback.get("code")!, state: callback.get("state")! })).rejects.toThrow(/expired or was already used/);
    await completeOAuthConnection(coach, { code: callback.get("code")!, state: callback.get("state")! });
    await expect(completeOAuthConnection(coach, { code: callback.get("code")!, state: callback.get("state")! })).rejects.toThrow(/already used/);
  });

  it("refuses a Calendly account that another Sessionly account already holds", async () => {
    const first = { ...(await createUser({ email: "first.coach@example.com", role: "coach" })), role: "coach" as const };
    const second = { ...(await createUser({ email: "second.coach@example.com", role: "coach" })), role: "coach" as const };
    await connectWithPersonalAccessToken(first, harness.emulator.tokenFor("coach.lena@sessionly.test"));
    const attempt = connectWithPersonalAccessToken(second, harness.emulator.tokenFor("coach.lena@sessionly.test"));
    await expect(attempt).rejects.toBeInstanceOf(AppError);
    await expect(attempt).rejects.toThrow(/already connected to another Sessionly account/);
  });

  it("disconnects (revoking, unsubscribing, wiping tokens, keeping history) and reconnects to the same record", async () => {
    const coach = { ...(await createUser({ email: "cycle.coach@example.com", role: "coach" })), role: "coach" as const };
    const connection = await connectByOAuth(coach, "coach.tom@sessionly.test");
    const accessToken = await getAccessToken(connection.id);
    await getDb().insert(scheduledEvents).values({
      uuid: "history-1",
      uri: "http://example.invalid/scheduled_events/history-1",
      coachUserId: coach.id,
      connectionId: connection.id,
      name: "Old session",
      status: "active",
      startTime: new Date("2026-01-01T10:00:00Z"),
      endTime: new Date("2026-01-01T10:30:00Z"),
      calendlyCreatedAt: new Date("2025-12-01T10:00:00Z"),
      calendlyUpdatedAt: new Date("2025-12-01T10:00:00Z"),
    });

    await disconnectCalendly(coach);
    const after = (await findConnectionByUserId(coach.id))!;
    expect(after.status).toBe("disconnected");
    expect(after.accessTokenEncrypted).toBeNull();
    expect(after.refreshTokenEncrypted).toBeNull();
    expect(after.webhookSubscriptionUri).toBeNull();
    const [history] = await getDb().select().from(scheduledEvents).where(eq(scheduledEvents.uuid, "history-1"));
    expect(history.fromDisconnectedAccount).toBe(true);
    // The token was revoked at Calendly.
    const me = await fetch(`${harness.emulator.url}/users/me`, { headers: { authorization: `Bearer ${accessToken}` } });
    expect(me.status).toBe(401);
    const subscriptions = [...harness.emulator.store.state.webhooks.values()].filter((subscription) => subscription.callbackUrl.includes(connection.id));
    expect(subscriptions).toHaveLength(0);

    const again = await connectByOAuth(coach, "coach.tom@sessionly.test");
    expect(again.id).toBe(connection.id);
    expect(again.status).toBe("connected");
    const [resumed] = await getDb().select().from(scheduledEvents).where(eq(scheduledEvents.uuid, "history-1"));
    expect(resumed.fromDisconnectedAccount).toBe(false);
  });

  it("refreshes once when two callers need a new token at the same time", async () => {
    const coach = { ...(await createUser({ email: "race.coach@example.com", role: "coach" })), role: "coach" as const };
    const connection = await connectByOAuth(coach, "coach.morgan@sessionly.test");
    await getDb().update(calendlyConnections).set({ tokenExpiresAt: new Date(Date.now() - 1000) }).where(eq(calendlyConnections.id, connection.id));
    const [a, b] = await Promise.all([getAccessToken(connection.id), getAccessToken(connection.id)]);
    expect(a).toBe(b);
    const after = (await findConnectionByUserId(coach.id))!;
    expect(after.tokenVersion).toBe(connection.tokenVersion + 1);
    expect(after.status).toBe("connected");
    // The new token works at Calendly.
    const me = await fetch(`${harness.emulator.url}/users/me`, { headers: { authorization: `Bearer ${a}` } });
    expect(me.status).toBe(200);
  });

  it("marks the connection needs_reauth when Calendly refuses the refresh token", async () => {
    const coach = { ...(await createUser({ email: "reauth.coach@example.com", role: "coach" })), role: "coach" as const };
    const connection = await connectByOAuth(coach, "coach.priya@sessionly.test");
    const refreshToken = decryptSecret(connection.refreshTokenEncrypted!);
    // Spend the refresh token behind Sessionly's back (as a leaked copy would), so ours is now used.
    const spent = await fetch(`${harness.emulator.url}/oauth/token`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: refreshToken, client_id: "sessionly-dev-client", client_secret: "sessionly-dev-secret" }),
    });
    expect(spent.status).toBe(200);
    await expect(getAccessToken(connection.id, { force: true })).rejects.toThrow(/re-authorized/);
    const after = (await findConnectionByUserId(coach.id))!;
    expect(after.status).toBe("needs_reauth");
    expect(after.lastError).toMatch(/invalid_grant/);
    // Calls stop for this coach.
    await expect(getAccessToken(connection.id)).rejects.toThrow(/re-authorized/);
  });
});
