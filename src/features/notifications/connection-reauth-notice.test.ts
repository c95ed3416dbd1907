import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { notificationMessages, notificationPreferences, user } from "@/lib/db/schema";
import { decryptSecret } from "@/lib/crypto/token-cipher";
import { getBoss, stopBoss } from "@/lib/jobs/boss";
import { env, resetEnvCache } from "@/lib/env";
import { calendlyClientForConnection } from "@/features/calendly/calendly-api";
import { completeOAuthConnection, startOAuthConnection } from "@/features/calendly/connection/connect-calendly";
import { findConnectionByUserId } from "@/features/calendly/connection/connection-repository";
import { startCalendlyHarness, type CalendlyHarness } from "../../../tests/helpers/calendly-harness";
import { createUser } from "../../../tests/helpers/users";
import { registerNotificationHandlers } from "./notification-jobs";
import { defaultPreferences } from "./notification-preferences";
import { startSmtpSink, type ReceivedMail, type SmtpSink } from "./testing/smtp-sink";

/**
 * "Your Calendly connection needs re-authorization" end to end: a coach connected through OAuth at the emulator, the
 * coach removes Sessionly's access in Calendly, the next Calendly call gets a 401, the refresh is refused
 * (`invalid_grant`), the connection flips to `needs_reauth` and the coach's email goes through the outbox and a real
 * pg-boss worker to a real SMTP server on loopback.
 */
let harness: CalendlyHarness;
let smtp: SmtpSink;
let appUrl: string;
const COACH = { email: "reauth.alerts.coach@example.com", name: "Priya Shah" };
const CALENDLY_ACCOUNT = "coach.priya@sessionly.test";
const CLIENT = { client_id: "sessionly-dev-client", client_secret: "sessionly-dev-secret" };

async function waitFor<T>(read: () => T | Promise<T>, done: (value: T) => boolean, what: string, timeoutMs = 60_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value)?.slice(0, 400)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Drives the emulator's consent page the way the coach's browser would. */
async function connectByOAuth(coach: { id: string; name: string; role: "coach" }) {
  const url = new URL(await startOAuthConnection(coach));
  const form = new URLSearchParams(url.searchParams);
  form.set("user", CALENDLY_ACCOUNT);
  form.set("decision", "approve");
  const response = await fetch(`${url.origin}/oauth/authorize`, { method: "POST", body: form, headers: { "content-type": "application/x-www-form-urlencoded" }, redirect: "manual" });
  expect(response.status).toBe(302);
  const callback = new URL(response.headers.get("location")!).searchParams;
  return completeOAuthConnection(coach, { code: callback.get("code")!, state: callback.get("state")! });
}

/** What removing Sessionly from the connected apps in Calendly does: both tokens stop working. */
async function revokeInCalendly(connection: { accessTokenEncrypted: string | null; refreshTokenEncrypted: string | null }) {
  for (const encrypted of [connection.accessTokenEncrypted, connection.refreshTokenEncrypted]) {
    const response = await fetch(`${harness.emulator.url}/oauth/revoke`, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ token: decryptSecret(encrypted!), ...CLIENT }),
    });
    expect(response.status).toBe(200);
  }
}

async function reauthMails(): Promise<ReceivedMail[]> {
  const rows = await getDb().select({ id: notificationMessages.id }).from(notificationMessages).where(eq(notificationMessages.kind, "connection_reauth"));
  const ids = new Set(rows.map((row) => `<${row.id}@sessionly>`));
  return smtp.messages.filter((mail) => ids.has(mail.messageId));
}

async function settle() {
  await waitFor(
    () => getDb().select({ status: notificationMessages.status }).from(notificationMessages),
    (rows) => rows.every((row) => row.status === "sent" || row.status === "suppressed"),
    "queued notices to be sent",
  );
  await new Promise((resolve) => setTimeout(resolve, 700));
}

describe("connection re-authorization notice", () => {
  let coach: { id: string; name: string; role: "coach" };

  beforeAll(async () => {
    smtp = await startSmtpSink();
    harness = await startCalendlyHarness({ fixture: "empty" });
    process.env.SMTP_URL = smtp.url;
    process.env.LINK_SIGNING_SECRET = "test-link-signing-secret-0123456789";
    process.env.NOTIFICATION_RETRY_DELAY_SECONDS = "1";
    resetEnvCache();
    appUrl = env().APP_URL;
    await getDb().execute(sql`truncate calendly_connections, calendly_oauth_states, calendly_scheduled_events, calendly_event_types cascade`);
    coach = { ...(await createUser({ ...COACH, role: "coach", timeZone: "Europe/London" })), role: "coach" as const };
    await createUser({ email: "reauth.alerts.admin@example.com", role: "admin" });
    await registerNotificationHandlers(await getBoss(), { schedules: false });
  });

  afterAll(async () => {
    delete process.env.SMTP_URL;
    resetEnvCache();
    await stopBoss();
    await harness.stop();
    await smtp.stop();
  });

  beforeEach(async () => {
    await getDb().execute(sql`truncate notification_messages, notification_preferences, notification_suppressions`);
    smtp.messages.length = 0;
  });

  it("tells the coach once, with the reconnect link, when Calendly refuses the refresh; again only after a reconnect breaks", async () => {
    const connection = await connectByOAuth(coach);
    expect(connection.status).toBe("connected");
    await revokeInCalendly(connection);

    // Several calls run into it at once (a sync, an availability read...): one refresh, one flip, one email.
    const client = calendlyClientForConnection(connection.id);
    const calls = await Promise.allSettled([client.getCurrentUser(), client.getCurrentUser(), client.getCurrentUser()]);
    for (const call of calls) {
      expect(call.status).toBe("rejected");
      expect(String((call as PromiseRejectedResult).reason)).toMatch(/re-authorized/);
    }
    const broken = (await findConnectionByUserId(coach.id))!;
    expect(broken.status).toBe("needs_reauth");
    expect(broken.lastError).toMatch(/invalid_grant/);

    const [mail] = await waitFor(reauthMails, (found) => found.length >= 1, "the re-authorization email");
    await settle();
    expect(smtp.messages).toHaveLength(1);
    expect(mail.to).toEqual([COACH.email]);
    expect(mail.subject).toBe("Reconnect Calendly to keep your sessions in sync");
    expect(mail.text).toContain("Hi Priya,");
    expect(mail.text).toContain("new bookings, cancellations and availability stop reaching Sessionly until you reconnect");
    expect(mail.text).toContain("What Calendly said: Calendly refused the refresh token (invalid_grant)");
    expect(mail.text).toContain(`Reconnect Calendly ${appUrl}/calendly`);
    expect(mail.html).toContain(`href="${appUrl}/calendly"`);
    expect(mail.headers.get("list-unsubscribe")).toContain("/api/unsubscribe?token=");

    // Later calls are stopped before Calendly and tell nobody again.
    await expect(calendlyClientForConnection(connection.id).getCurrentUser()).rejects.toThrow(/re-authorized/);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(await reauthMails()).toHaveLength(1);
    expect(await getDb().select().from(notificationMessages)).toHaveLength(1);

    // The coach follows the link and reconnects; when the new tokens are refused too, they are told again.
    const reconnected = await connectByOAuth(coach);
    expect(reconnected.id).toBe(connection.id);
    expect(reconnected.status).toBe("connected");
    expect((await calendlyClientForConnection(connection.id).getCurrentUser()).email).toBe(CALENDLY_ACCOUNT);
    await revokeInCalendly(reconnected);
    await expect(calendlyClientForConnection(connection.id).getCurrentUser()).rejects.toThrow(/re-authorized/);
    await waitFor(reauthMails, (found) => found.length >= 2, "the second re-authorization email");
    await settle();
    expect((await reauthMails()).map((found) => found.to[0])).toEqual([COACH.email, COACH.email]);
  }, 180_000);

  it("keeps the notice, unsent, for a coach who turned connection emails off", async () => {
    const connection = await connectByOAuth(coach);
    await getDb().insert(notificationPreferences).values({ userId: coach.id, ...defaultPreferences("coach"), emailConnectionAlerts: false });
    await revokeInCalendly(connection);
    await expect(calendlyClientForConnection(connection.id).getCurrentUser()).rejects.toThrow(/re-authorized/);
    const [row] = await waitFor(
      () => getDb().select().from(notificationMessages).where(eq(notificationMessages.kind, "connection_reauth")),
      (rows) => rows.length === 1,
      "the outbox row",
    );
    expect(row.status).toBe("suppressed");
    expect(row.recipientEmail).toBe(COACH.email);
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(smtp.messages).toHaveLength(0);
  });

  it("tells a deactivated coach nothing (they cannot reconnect)", async () => {
    const connection = await connectByOAuth(coach);
    await getDb().update(user).set({ banned: true }).where(eq(user.id, coach.id));
    try {
      await revokeInCalendly(connection);
      await expect(calendlyClientForConnection(connection.id).getCurrentUser()).rejects.toThrow(/re-authorized/);
      expect((await findConnectionByUserId(coach.id))!.status).toBe("needs_reauth");
      await new Promise((resolve) => setTimeout(resolve, 700));
      expect(await getDb().select().from(notificationMessages)).toHaveLength(0);
      expect(smtp.messages).toHaveLength(0);
    } finally {
      await getDb().update(user).set({ banned: false }).where(eq(user.id, coach.id));
    }
  });
});
