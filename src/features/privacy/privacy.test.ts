import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import * as authRoute from "@/app/api/auth/[...all]/route";
import * as meRoute from "@/app/api/me/route";
import * as exportRoute from "@/app/api/me/export/route";
import * as eraseRoute from "@/app/api/me/erase/route";
import * as adminExportRoute from "@/app/api/admin/privacy/export/route";
import * as adminEraseRoute from "@/app/api/admin/privacy/erase/route";
import * as adminPrivacyRoute from "@/app/api/admin/privacy/route";
import * as retentionRoute from "@/app/api/admin/privacy/retention/route";
import { getDb } from "@/lib/db";
import { account, auditLog, invitees, notificationMessages, notificationReminders, privacyErasures, privacyPurgedInvitees, scheduledEvents, session, user } from "@/lib/db/schema";
import { TestClient } from "../../../tests/helpers/http";
import { createUser } from "../../../tests/helpers/users";
import { recordAudit } from "@/features/audit/record-audit";
import { onInviteeSyncedForPrivacy } from "./on-invitee-synced";
import { insertConnection, insertSession, SECRET_ACCESS_TOKEN, SECRET_REFRESH_TOKEN, SECRET_SIGNING_KEY } from "./testing/fixtures";

async function signedIn(email: string) {
  const client = new TestClient();
  const response = await client.call(authRoute.POST, { path: "/api/auth/sign-in/email", params: { all: ["sign-in", "email"] }, body: { email, password: "sessionly-demo" } });
  expect(response.status).toBe(200);
  return client;
}

const DAY = 86400_000;

describe("privacy: export, erasure and retention", () => {
  let admin: Awaited<ReturnType<typeof createUser>>;
  let coach: Awaited<ReturnType<typeof createUser>>;
  let realtor: Awaited<ReturnType<typeof createUser>>;
  let other: Awaited<ReturnType<typeof createUser>>;
  let connectionId: string;
  let pastSession: Awaited<ReturnType<typeof insertSession>>;
  let otherSession: Awaited<ReturnType<typeof insertSession>>;

  beforeEach(async () => {
    await getDb().execute(sql`truncate "user", audit_log, calendly_connections, calendly_scheduled_events, calendly_webhook_deliveries,
      notification_messages, notification_reminders, notification_suppressions, privacy_erasures, privacy_retention_runs, privacy_purged_invitees cascade`);
    admin = await createUser({ email: "pat.admin@privacy.test", name: "Pat Admin", role: "admin" });
    coach = await createUser({ email: "cleo.coach@privacy.test", name: "Cleo Coach", role: "coach" });
    realtor = await createUser({ email: "rory.realtor@privacy.test", name: "Rory Realtor", role: "realtor" });
    other = await createUser({ email: "olive.other@privacy.test", name: "Olive Other", role: "realtor" });
    connectionId = (await insertConnection(coach.id)).id;
    pastSession = await insertSession({
      coachUserId: coach.id,
      connectionId,
      start: new Date(Date.now() - 10 * DAY),
      guests: [{ email: realtor.email }, { email: "guest@keep.test" }],
      invitees: [{ email: "Rory.Realtor@privacy.test", name: "Rory Realtor", realtorUserId: realtor.id, answers: "Rory's secret plans" }],
    });
    otherSession = await insertSession({
      coachUserId: coach.id,
      connectionId,
      start: new Date(Date.now() - 9 * DAY),
      invitees: [{ email: other.email, name: "Olive Other", realtorUserId: other.id, answers: "Olive's answer" }],
    });
    await recordAudit({ actorType: "realtor", actorUserId: realtor.id, actorLabel: "Rory Realtor", source: "web", action: "session.canceled", targetType: "session", targetId: pastSession.uuid, ipAddress: "203.0.113.9", userAgent: "RoryBrowser/1.0" });
    await recordAudit({ actorType: "admin", actorUserId: admin.id, actorLabel: "Pat Admin", source: "web", action: "user.role_changed", targetType: "user", targetId: realtor.id, changes: { role: { old: "coach", new: "realtor" } } });
    await getDb().execute(sql`insert into calendly_webhook_deliveries (dedupe_key, event, payload, status)
      values ('d1', 'invitee.created', ${JSON.stringify({ event: "invitee.created", payload: { email: realtor.email, name: "Rory Realtor" } })}::jsonb, 'processed')`);
  });

  describe("download my data", () => {
    it("contains the person's profile, bookings, answers and audit entries, and never a secret", async () => {
      const client = await signedIn(realtor.email);
      const response = await client.call(exportRoute.GET, { path: "/api/me/export" });
      expect(response.status).toBe(200);
      expect(response.headers.get("content-disposition")).toMatch(/attachment/);
      const data = response.json;
      expect(data.profile).toMatchObject({ id: realtor.id, email: realtor.email, name: "Rory Realtor", role: "realtor" });
      expect(data.bookings).toHaveLength(1);
      expect(data.bookings[0].questionsAndAnswers[0].answer).toBe("Rory's secret plans");
      expect(data.bookings[0].session.coachName).toBe("Cleo Coach");
      expect(data.auditEntries.map((entry: { action: string }) => entry.action).sort()).toEqual(["session.canceled", "user.role_changed"]);
      expect(data.signInSessions.length).toBeGreaterThan(0);
      expect(data.loginMethods).toEqual([expect.objectContaining({ providerId: "credential" })]);
      // Nobody else's data.
      expect(response.text).not.toContain("Olive");
      // No secrets: session tokens, password hashes, ciphertexts.
      const [sessionRow] = await getDb().select().from(session).where(eq(session.userId, realtor.id));
      const [accountRow] = await getDb().select().from(account).where(eq(account.userId, realtor.id));
      expect(response.text).not.toContain(sessionRow.token);
      expect(response.text).not.toContain(accountRow.password!);
      expect(response.text).not.toMatch(/"(token|password|accessToken|refreshToken)"/i);
      expect(response.text).not.toMatch(/v1\.[0-9a-f]{8}\./);
    });

    it("gives a coach their connection's details without its tokens or signing key", async () => {
      const client = await signedIn(coach.email);
      const response = await client.call(exportRoute.GET, { path: "/api/me/export" });
      expect(response.json.calendlyConnection).toMatchObject({ calendlyEmail: "coach@calendly.test", authKind: "oauth", status: "connected" });
      expect(response.json.sessionsAsCoach).toHaveLength(2);
      for (const secret of [SECRET_ACCESS_TOKEN, SECRET_REFRESH_TOKEN, SECRET_SIGNING_KEY]) expect(response.text).not.toContain(secret);
      expect(response.text).not.toMatch(/encrypted|v1\.[0-9a-f]{8}\./i);
      // Invitees' own data is theirs, not the coach's.
      expect(response.text).not.toContain("Rory's secret plans");
    });

    it("lets an admin export a person by email, and nobody else", async () => {
      const adminClient = await signedIn(admin.email);
      const response = await adminClient.call(adminExportRoute.GET, { path: `/api/admin/privacy/export?email=${encodeURIComponent(realtor.email)}` });
      expect(response.status).toBe(200);
      expect(response.json.subject).toEqual({ userId: realtor.id, email: realtor.email });
      expect((await adminClient.call(adminExportRoute.GET, { path: "/api/admin/privacy/export?email=nobody@nowhere.test" })).status).toBe(404);
      expect((await adminClient.call(adminExportRoute.GET, { path: "/api/admin/privacy/export?email=not-an-email" })).status).toBe(400);
      const realtorClient = await signedIn(other.email);
      expect((await realtorClient.call(adminExportRoute.GET, { path: `/api/admin/privacy/export?email=${encodeURIComponent(realtor.email)}` })).status).toBe(403);
      expect((await new TestClient().call(exportRoute.GET, { path: "/api/me/export" })).status).toBe(401);
    });
  });

  describe("delete my account", () => {
    it("needs the confirmation phrase", async () => {
      const client = await signedIn(realtor.email);
      const response = await client.call(eraseRoute.POST, { path: "/api/me/erase", body: { confirmation: "yes" } });
      expect(response.status).toBe(400);
      expect(response.json.error.fields.confirmation).toBeDefined();
      expect((await client.call(meRoute.GET, { path: "/api/me" })).status).toBe(200);
    });

    it("pseudonymizes the person: account, invitee rows, webhook payloads and audit identity; the actions stay", async () => {
      const client = await signedIn(realtor.email);
      const response = await client.call(eraseRoute.POST, { path: "/api/me/erase", body: { confirmation: "Delete my account", cancelFutureSessions: true } });
      expect(response.status).toBe(200);
      expect(response.json.calendlyDeletion.status).toBe("not_available");

      expect((await client.call(meRoute.GET, { path: "/api/me" })).status).toBe(401);
      const [row] = await getDb().select().from(user).where(eq(user.id, realtor.id));
      expect(row).toMatchObject({ name: "Deleted user", banned: true });
      expect(row.email).not.toContain("rory");
      expect(await getDb().select().from(session).where(eq(session.userId, realtor.id))).toHaveLength(0);
      expect(await getDb().select().from(account).where(eq(account.userId, realtor.id))).toHaveLength(0);

      const [invitee] = await getDb().select().from(invitees).where(eq(invitees.eventUuid, pastSession.uuid));
      expect(invitee).toMatchObject({ name: "[removed]", email: "", firstName: null, questionsAndAnswers: [], cancelUrl: null, status: "active" });
      const [event] = await getDb().select().from(scheduledEvents).where(eq(scheduledEvents.uuid, pastSession.uuid));
      expect(event.guests).toEqual([{ email: "guest@keep.test" }]);
      const [otherInvitee] = await getDb().select().from(invitees).where(eq(invitees.eventUuid, otherSession.uuid));
      expect(otherInvitee.name).toBe("Olive Other");

      const audit = await getDb().select().from(auditLog);
      const dump = JSON.stringify(audit);
      expect(dump).not.toContain(realtor.id);
      expect(dump).not.toContain("Rory");
      expect(dump).not.toContain("203.0.113.9");
      expect(dump).not.toContain("RoryBrowser");
      const canceled = audit.find((entry) => entry.action === "session.canceled")!;
      expect(canceled).toMatchObject({ actorType: "realtor", actorLabel: null, ipAddress: null, userAgent: null, targetId: pastSession.uuid });
      expect(canceled.actorUserId).toMatch(/^erased:/);
      expect(audit.find((entry) => entry.action === "user.role_changed")!.targetId).toBe(canceled.actorUserId);
      expect(audit.find((entry) => entry.action === "privacy.erased")).toMatchObject({ targetId: canceled.actorUserId, actorUserId: canceled.actorUserId });

      const deliveries = await getDb().execute<{ payload: unknown }>(sql`select payload from calendly_webhook_deliveries`);
      expect(JSON.stringify(deliveries.rows)).not.toContain("rory");
      const [erasure] = await getDb().select().from(privacyErasures);
      expect(erasure).toMatchObject({ status: "completed", requestedBy: "self", inviteesScrubbed: 1 });
      expect(JSON.stringify(erasure)).not.toMatch(/rory/i);
    });

    it("deletes the emails kept for or about the person, their reminders, preferences and unsubscribe record", async () => {
      const [roryInvitee] = await getDb().select().from(invitees).where(eq(invitees.eventUuid, pastSession.uuid));
      const [oliveInvitee] = await getDb().select().from(invitees).where(eq(invitees.eventUuid, otherSession.uuid));
      const message = (key: string, to: { id: string | null; email: string; role: "realtor" | "coach" }, inviteeUri: string, eventUuid: string) => ({
        idempotencyKey: key,
        kind: "booking_confirmation" as const,
        recipientUserId: to.id,
        recipientEmail: to.email,
        recipientRole: to.role,
        timeZone: "UTC",
        eventUuid,
        inviteeUri,
        payload: { inviteeName: key },
      });
      await getDb().insert(notificationMessages).values([
        message("to-rory", { id: realtor.id, email: realtor.email, role: "realtor" }, roryInvitee.uri, pastSession.uuid),
        message("to-coach-about-rory", { id: coach.id, email: coach.email, role: "coach" }, roryInvitee.uri, pastSession.uuid),
        message("to-olive", { id: other.id, email: other.email, role: "realtor" }, oliveInvitee.uri, otherSession.uuid),
      ]);
      const reminder = (to: { id: string; email: string }, inviteeUri: string, eventUuid: string) => ({
        inviteeUri,
        eventUuid,
        recipientRole: "realtor" as const,
        recipientUserId: to.id,
        recipientEmail: to.email,
        offsetMinutes: 60,
        sessionStart: new Date(Date.now() + DAY),
        dueAt: new Date(Date.now() + DAY - 3600_000),
      });
      await getDb().insert(notificationReminders).values([reminder(realtor, roryInvitee.uri, pastSession.uuid), reminder(other, oliveInvitee.uri, otherSession.uuid)]);
      await getDb().execute(sql`insert into notification_suppressions (email) values (${realtor.email}), (${other.email})`);

      const client = await signedIn(realtor.email);
      const response = await client.call(eraseRoute.POST, { path: "/api/me/erase", body: { confirmation: "Delete my account", cancelFutureSessions: false } });
      expect(response.status).toBe(200);

      const left = await getDb().select({ key: notificationMessages.idempotencyKey }).from(notificationMessages);
      expect(left.map((row) => row.key)).toEqual(["to-olive"]);
      const reminders = await getDb().select({ email: notificationReminders.recipientEmail }).from(notificationReminders);
      expect(reminders.map((row) => row.email)).toEqual([other.email]);
      const suppressions = await getDb().execute<{ email: string }>(sql`select email from notification_suppressions`);
      expect(suppressions.rows.map((row) => row.email)).toEqual([other.email]);
      const [entry] = await getDb().select().from(auditLog).where(eq(auditLog.action, "privacy.erased"));
      expect(entry.metadata).toMatchObject({ notificationMessagesDeleted: 2, remindersDeleted: 1 });
    });

    it("re-scrubs an old booking a late sync brings back, but leaves bookings made after the erasure alone", async () => {
      const client = await signedIn(realtor.email);
      await client.call(eraseRoute.POST, { path: "/api/me/erase", body: { confirmation: "delete my account" } });
      // A late webhook writes the old invitee back as Calendly still has it.
      await getDb().update(invitees).set({ name: "Rory Realtor", email: realtor.email, emailNormalized: realtor.email }).where(eq(invitees.uri, pastSession.inviteeUris[0]));
      await onInviteeSyncedForPrivacy(getDb(), { inviteeUri: pastSession.inviteeUris[0] });
      const [invitee] = await getDb().select().from(invitees).where(eq(invitees.uri, pastSession.inviteeUris[0]));
      expect(invitee.name).toBe("[removed]");

      const fresh = await insertSession({ coachUserId: coach.id, connectionId, start: new Date(Date.now() + 30 * DAY), invitees: [{ email: realtor.email, name: "Rory Again" }] });
      await getDb().update(invitees).set({ calendlyCreatedAt: new Date(Date.now() + 60_000) }).where(eq(invitees.uri, fresh.inviteeUris[0]));
      await onInviteeSyncedForPrivacy(getDb(), { inviteeUri: fresh.inviteeUris[0] });
      const [again] = await getDb().select().from(invitees).where(eq(invitees.uri, fresh.inviteeUris[0]));
      expect(again.name).toBe("Rory Again");
    });

    it("lets an admin erase a realtor by email (with the phrase), never another admin, and never for coaches or realtors", async () => {
      const adminClient = await signedIn(admin.email);
      const noPhrase = await adminClient.call(adminEraseRoute.POST, { path: "/api/admin/privacy/erase", body: { email: realtor.email, confirmation: "" } });
      expect(noPhrase.status).toBe(400);
      const byRealtor = await (await signedIn(other.email)).call(adminEraseRoute.POST, { path: "/api/admin/privacy/erase", body: { email: realtor.email, confirmation: "erase" } });
      expect(byRealtor.status).toBe(403);
      const byCoach = await (await signedIn(coach.email)).call(adminEraseRoute.POST, { path: "/api/admin/privacy/erase", body: { email: realtor.email, confirmation: "erase" } });
      expect(byCoach.status).toBe(403);
      const anAdmin = await adminClient.call(adminEraseRoute.POST, { path: "/api/admin/privacy/erase", body: { email: admin.email, confirmation: "erase" } });
      expect(anAdmin.status).toBe(409);
      const unknown = await adminClient.call(adminEraseRoute.POST, { path: "/api/admin/privacy/erase", body: { email: "nobody@nowhere.test", confirmation: "erase" } });
      expect(unknown.status).toBe(404);

      const erased = await adminClient.call(adminEraseRoute.POST, { path: "/api/admin/privacy/erase", body: { email: realtor.email.toUpperCase(), confirmation: "ERASE" } });
      expect(erased.status).toBe(200);
      expect(erased.json.erasure).toMatchObject({ hadAccount: true, inviteesScrubbed: 1 });
      const entry = (await getDb().select().from(auditLog).where(eq(auditLog.action, "privacy.erased")))[0];
      expect(entry).toMatchObject({ actorUserId: admin.id, actorLabel: "Pat Admin" });
      const again = await adminClient.call(adminEraseRoute.POST, { path: "/api/admin/privacy/erase", body: { email: realtor.email, confirmation: "erase" } });
      expect(again.status).toBe(404);
      const overview = await adminClient.call(adminPrivacyRoute.GET, { path: "/api/admin/privacy" });
      expect(overview.json.erasures).toHaveLength(1);
      expect(JSON.stringify(overview.json)).not.toContain("rory");
    });

    it("erases an invitee who never had an account, by email", async () => {
      const walkIn = await insertSession({ coachUserId: coach.id, connectionId, start: new Date(Date.now() - 3 * DAY), invitees: [{ email: "walk.in@example.test", name: "Walk In" }] });
      const adminClient = await signedIn(admin.email);
      const erased = await adminClient.call(adminEraseRoute.POST, { path: "/api/admin/privacy/erase", body: { email: "walk.in@example.test", confirmation: "erase" } });
      expect(erased.status).toBe(200);
      expect(erased.json.erasure.hadAccount).toBe(false);
      const [invitee] = await getDb().select().from(invitees).where(eq(invitees.eventUuid, walkIn.uuid));
      expect(invitee.email).toBe("");
    });

    it("refuses to let the last admin delete their own account", async () => {
      const client = await signedIn(admin.email);
      const response = await client.call(eraseRoute.POST, { path: "/api/me/erase", body: { confirmation: "delete my account" } });
      expect(response.status).toBe(409);
      expect(await getDb().select().from(privacyErasures)).toHaveLength(0);
    });
  });

  describe("retention", () => {
    beforeEach(async () => {
      const old = new Date(Date.now() - 30 * 30 * DAY);
      await insertSession({ coachUserId: coach.id, connectionId, start: old, status: "canceled", guests: [{ email: "oldguest@x.test" }], invitees: [{ email: "old1@x.test", name: "Old One" }, { email: "old2@x.test", name: "Old Two" }] });
      await insertSession({ coachUserId: coach.id, connectionId, start: new Date(old.getTime() - DAY), invitees: [{ email: "old3@x.test", name: "Old Three" }] });
      await getDb().execute(sql`insert into calendly_webhook_deliveries (dedupe_key, event, payload, status, received_at)
        values ('old', 'invitee.created', ${JSON.stringify({ event: "invitee.created", payload: { email: "old1@x.test" } })}::jsonb, 'processed', ${old})`);
    });

    it("counts in a dry run, purges the same in a real run, keeps sessions for analytics, and is idempotent", async () => {
      const adminClient = await signedIn(admin.email);
      const dry = await adminClient.call(retentionRoute.POST, { path: "/api/admin/privacy/retention", body: { dryRun: true } });
      expect(dry.status).toBe(200);
      expect(dry.json.run).toMatchObject({ dryRun: true, months: 24, sessionsMatched: 2, inviteesMatched: 3, inviteesPurged: 0, webhookPayloadsPurged: 1 });
      expect((await getDb().select().from(invitees).where(eq(invitees.email, "old1@x.test")))).toHaveLength(1);

      const real = await adminClient.call(retentionRoute.POST, { path: "/api/admin/privacy/retention", body: { dryRun: false } });
      expect(real.json.run).toMatchObject({ dryRun: false, sessionsMatched: 2, inviteesMatched: 3, inviteesPurged: 3, webhookPayloadsPurged: 1 });
      const remaining = await getDb().execute<{ count: number }>(sql`select count(*)::int as count from calendly_invitees where email like 'old%'`);
      expect(remaining.rows[0].count).toBe(0);
      const sessions = await getDb().execute<{ count: number; guests: number }>(sql`
        select count(*)::int as count, count(*) filter (where guests <> '[]'::jsonb or cancel_reason is not null)::int as guests
          from calendly_scheduled_events where start_time < now() - interval '24 months'`);
      expect(sessions.rows[0]).toEqual({ count: 2, guests: 0 });
      expect(await getDb().select().from(privacyPurgedInvitees)).toHaveLength(3);
      // Recent sessions untouched.
      const [recent] = await getDb().select().from(invitees).where(eq(invitees.eventUuid, pastSession.uuid));
      expect(recent.name).toBe("Rory Realtor");

      const again = await adminClient.call(retentionRoute.POST, { path: "/api/admin/privacy/retention", body: { dryRun: false } });
      expect(again.json.run).toMatchObject({ inviteesMatched: 0, inviteesPurged: 0 });
      const entries = await getDb().select().from(auditLog).where(sql`${auditLog.action} like 'privacy.retention%'`);
      expect(entries.map((entry) => entry.action).sort()).toEqual(["privacy.retention_dry_run", "privacy.retention_purged", "privacy.retention_purged"]);
      const overview = await adminClient.call(adminPrivacyRoute.GET, { path: "/api/admin/privacy" });
      expect(overview.json.retentionRuns).toHaveLength(3);
    });

    it("takes a shorter period from the request, and is for admins only", async () => {
      await insertSession({ coachUserId: coach.id, connectionId, start: new Date(Date.now() - 60 * DAY), invitees: [{ email: "twomonths@x.test", name: "Two Months" }] });
      const adminClient = await signedIn(admin.email);
      const standard = await adminClient.call(retentionRoute.POST, { path: "/api/admin/privacy/retention", body: { dryRun: true } });
      expect(standard.json.run.inviteesMatched).toBe(3);
      const shorter = await adminClient.call(retentionRoute.POST, { path: "/api/admin/privacy/retention", body: { dryRun: true, months: 1 } });
      expect(shorter.json.run).toMatchObject({ months: 1, inviteesMatched: 4 });
      expect((await adminClient.call(retentionRoute.POST, { path: "/api/admin/privacy/retention", body: { dryRun: true, months: 0 } })).status).toBe(400);
      expect((await (await signedIn(coach.email)).call(retentionRoute.POST, { path: "/api/admin/privacy/retention", body: { dryRun: true } })).status).toBe(403);
      expect((await (await signedIn(coach.email)).call(adminPrivacyRoute.GET, { path: "/api/admin/privacy" })).status).toBe(403);
    });
  });
});
