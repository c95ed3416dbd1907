import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as authRoute from "@/app/api/auth/[...all]/route";
import * as eraseRoute from "@/app/api/me/erase/route";
import { connectWithPersonalAccessToken } from "@/features/calendly/connection/connect-calendly";
import { reconcileConnection } from "@/features/calendly/sync/reconcile-connection";
import { getDb } from "@/lib/db";
import { getBoss } from "@/lib/jobs/boss";
import { calendlyConnections, privacyErasures } from "@/lib/db/schema";
import { startCalendlyHarness, type CalendlyHarness } from "../../../tests/helpers/calendly-harness";
import { calendlyGet } from "../../../tests/helpers/calendly-actions";
import { TestClient } from "../../../tests/helpers/http";
import { createUser } from "../../../tests/helpers/users";
import { findFutureSessions } from "./cancel-future-sessions";

/** Erasure against the Calendly emulator: future sessions canceled in Calendly first, then the copy pseudonymized. */
let harness: CalendlyHarness;
let token: string;
let connectionId: string;

describe("erasure with Calendly", () => {
  beforeAll(async () => {
    harness = await startCalendlyHarness({ rateLimitPerMinute: 10_000 });
    // Sync hooks enqueue inside transactions: pg-boss starts first (the embedded database has one backend).
    await getBoss();
    await getDb().execute(sql`truncate "user", audit_log, calendly_connections, calendly_scheduled_events, calendly_event_types, calendly_webhook_deliveries, privacy_erasures cascade`);
    // The realtor exists before the backfill, so their invitee rows are matched to them.
    await createUser({ email: "realtor.sam@sessionly.test", name: "Sam Patel", role: "realtor" });
    const coach = await createUser({ email: "coach.priya@sessionly.test", name: "Priya Shah", role: "coach" });
    token = harness.emulator.tokenFor("coach.priya@sessionly.test");
    const connection = await connectWithPersonalAccessToken({ ...coach, role: "coach" }, token, { backfill: "none" });
    connectionId = connection.id;
    await reconcileConnection(connectionId, { kind: "backfill", trigger: "connect" });
  }, 180_000);
  afterAll(async () => harness.stop());

  it("cancels the realtor's future sessions in Calendly, updates the copy, and records why Calendly's deletion could not be requested", async () => {
    const [sam] = (await getDb().execute<{ id: string }>(sql`select id from "user" where email = 'realtor.sam@sessionly.test'`)).rows;
    const future = await findFutureSessions({ userId: sam.id, email: "realtor.sam@sessionly.test", role: "realtor" });
    expect(future.length).toBeGreaterThan(0);
    const solo = future.filter((session) => session.others === 0);

    // Calendly only takes data-deletion requests from an organization owner or admin: pretend this coach is one,
    // so the request is made (the emulator, like non-Enterprise Calendly plans, does not offer the endpoint).
    await getDb().update(calendlyConnections).set({ organizationRole: "owner" }).where(eq(calendlyConnections.id, connectionId));

    const client = new TestClient();
    await client.call(authRoute.POST, { path: "/api/auth/sign-in/email", params: { all: ["sign-in", "email"] }, body: { email: "realtor.sam@sessionly.test", password: "sessionly-demo" } });
    const response = await client.call(eraseRoute.POST, { path: "/api/me/erase", body: { confirmation: "delete my account", cancelFutureSessions: true } });
    expect(response.status).toBe(200);
    expect(response.json.sessionsCanceled).toBe(solo.length);
    expect(response.json.cancellationFailures).toHaveLength(future.length - solo.length);
    expect(response.json.calendlyDeletion.status).toBe("not_available");
    expect(response.json.calendlyDeletion.detail).toMatch(/does not offer data-compliance deletion|refused/i);

    for (const session of solo) {
      const truth = await calendlyGet<{ resource: { status: string } }>(harness, token, session.uri);
      expect(truth.resource.status).toBe("canceled");
      const [copy] = (await getDb().execute<{ status: string }>(sql`select status from calendly_scheduled_events where uuid = ${session.uuid}`)).rows;
      expect(copy.status).toBe("canceled");
    }
    const left = await getDb().execute<{ count: number }>(sql`select count(*)::int as count from calendly_invitees where email_normalized = 'realtor.sam@sessionly.test' or realtor_user_id = ${sam.id} and name <> '[removed]'`);
    expect(left.rows[0].count).toBe(0);
    const [erasure] = await getDb().select().from(privacyErasures);
    expect(erasure.calendlyDeletion?.status).toBe("not_available");
  }, 120_000);
});
