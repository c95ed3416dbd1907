import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/lib/db";
import { calendlyConnections, invitees, scheduledEvents, webhookDeliveries } from "@/lib/db/schema";
import { getBoss } from "@/lib/jobs/boss";
import { QUEUES } from "@/lib/jobs/queues";
import * as webhookRoute from "@/app/api/webhooks/calendly/route";
import { startCalendlyHarness, type CalendlyHarness } from "../../../../tests/helpers/calendly-harness";
import { openStartTimes } from "../../../../tests/helpers/calendly-actions";
import { TestClient } from "../../../../tests/helpers/http";
import { createUser } from "../../../../tests/helpers/users";
import { signWebhookPayload } from "../client/webhook-signature";
import { connectWithPersonalAccessToken } from "../connection/connect-calendly";
import { processWebhookDelivery } from "./process-webhook-delivery";
import { deliveryEnqueuesSettled, sweepUnqueuedDeliveries } from "./enqueue-deliveries";
import { dedupeKeyFor } from "./receive-webhook";
import { deliveryStoreStats, groupInsertDelivery } from "./store-deliveries";

let harness: CalendlyHarness;
let connectionId: string;
let signingKey: string;
let morganToken: string;
let thirtyMinuteEventType: string;

async function pendingDeliveries() {
  return getDb().select().from(webhookDeliveries).where(eq(webhookDeliveries.status, "pending"));
}

async function processAllPending() {
  for (const delivery of await pendingDeliveries()) await processWebhookDelivery(delivery.id);
}

/** A genuine delivery body, taken from what the emulator sent us. */
async function bookAndCaptureDelivery(startIndex: number) {
  const slots = await openStartTimes(harness, morganToken, thirtyMinuteEventType, new Date(Date.now() + 2 * 24 * 3600 * 1000));
  const booked = await harness.control("POST", "/actions/book", {
    event_type: thirtyMinuteEventType,
    start_time: slots[startIndex],
    invitee: { email: "realtor.jamie@sessionly.test", name: "Jamie Carter", timezone: "America/Chicago" },
  });
  expect(booked.status).toBe(201);
  await harness.control("POST", "/deliveries/wait");
  return booked.json.resource.uri as string;
}

function post(body: string, headers: Record<string, string>, connection = connectionId) {
  return new TestClient().call(webhookRoute.POST, {
    method: "POST",
    path: `/api/webhooks/calendly?connection=${connection}`,
    body,
    headers: { "content-type": "application/json", ...headers },
  });
}

/** Copies of one genuine delivery that differ in `created_at` (so each is a distinct delivery). */
async function genuineVariants() {
  const deliveries = await getDb().select().from(webhookDeliveries).limit(1);
  const payload = deliveries.length ? deliveries[0].payload : (await bookAndCaptureDelivery(3), (await pendingDeliveries())[0].payload);
  await getDb().execute(sql`truncate calendly_webhook_deliveries`);
  return (n: number) => JSON.stringify({ ...(payload as object), created_at: new Date(Date.now() - n * 1000).toISOString() });
}

function sampleBody(uri = "https://api.calendly.com/scheduled_events/E1/invitees/I1") {
  return JSON.stringify({ event: "invitee.created", created_at: new Date().toISOString(), created_by: "https://api.calendly.com/users/U1", payload: { uri } });
}

async function jobsFor(deliveryId: string) {
  await deliveryEnqueuesSettled();
  return (await getBoss()).findJobs<{ deliveryId: string }>(QUEUES.webhookProcess, { data: { deliveryId } });
}

/** Makes a stored delivery look as old as the sweep's grace period requires. */
async function backdate(deliveryId: string, seconds = 120) {
  await getDb().execute(sql`update calendly_webhook_deliveries set received_at = now() - make_interval(secs => ${seconds}) where id = ${deliveryId}`);
}

function signed(body: string) {
  return { "calendly-webhook-signature": signWebhookPayload(signingKey, body, Math.floor(Date.now() / 1000)) };
}

async function storedCount() {
  const [row] = (await getDb().execute<{ count: number }>(sql`select count(*)::int as count from calendly_webhook_deliveries`)).rows;
  return row.count;
}

describe("Calendly webhooks in", () => {
  beforeAll(async () => {
    harness = await startCalendlyHarness();
    await getDb().execute(sql`truncate calendly_connections, calendly_scheduled_events, calendly_event_types, calendly_webhook_deliveries cascade`);
    const coach = await createUser({ email: "coach.morgan@sessionly.test", name: "Morgan Reyes", role: "coach" });
    await createUser({ email: "realtor.jamie@sessionly.test", name: "Jamie Carter", role: "realtor" });
    morganToken = harness.emulator.tokenFor("coach.morgan@sessionly.test");
    const connection = await connectWithPersonalAccessToken({ ...coach, role: "coach" }, morganToken, { backfill: "none" });
    connectionId = connection.id;
    const [row] = await getDb().select().from(calendlyConnections).where(eq(calendlyConnections.id, connectionId));
    const { decryptSecret } = await import("@/lib/crypto/token-cipher");
    signingKey = decryptSecret(row.webhookSigningKeyEncrypted!);
    const state = await harness.control("GET", "/state");
    const morgan = state.json.users.find((user: { email: string }) => user.email === "coach.morgan@sessionly.test");
    thirtyMinuteEventType = morgan.event_types.find((eventType: { duration: number; kind: string; active: boolean }) => eventType.duration === 30 && eventType.kind === "solo" && eventType.active).uri;
  });
  afterAll(async () => harness.stop());
  beforeEach(async () => {
    await getDb().execute(sql`truncate calendly_webhook_deliveries`);
  });

  it("receives a real signed delivery over HTTP, stores it once, enqueues it and applies it idempotently", async () => {
    const inviteeUri = await bookAndCaptureDelivery(0);
    const stored = await pendingDeliveries();
    expect(stored).toHaveLength(1);
    expect(stored[0].event).toBe("invitee.created");
    expect(harness.app.requests.some((request) => request.path === "/api/webhooks/calendly" && request.status === 202)).toBe(true);
    expect(await jobsFor(stored[0].id)).toHaveLength(1);

    expect(await processWebhookDelivery(stored[0].id)).toBe("processed");
    expect(await processWebhookDelivery(stored[0].id)).toBe("processed");
    const [invitee] = await getDb().select().from(invitees).where(eq(invitees.uri, inviteeUri));
    expect(invitee.email).toBe("realtor.jamie@sessionly.test");
    expect(invitee.realtorUserId).not.toBeNull();
    const [event] = await getDb().select().from(scheduledEvents).where(eq(scheduledEvents.uuid, invitee.eventUuid));
    expect(event.status).toBe("active");
    const [connection] = await getDb().select().from(calendlyConnections).where(eq(calendlyConnections.id, connectionId));
    expect(connection.lastWebhookAt).not.toBeNull();
  });

  it("answers a replayed delivery with 200 and stores nothing new", async () => {
    const inviteeUri = await bookAndCaptureDelivery(1);
    expect(inviteeUri).toBeTruthy();
    const [genuine] = await pendingDeliveries();
    const raw = JSON.stringify(genuine.payload);
    const replay = await post(raw, { "calendly-webhook-signature": signWebhookPayload(signingKey, raw, Math.floor(Date.now() / 1000)) });
    expect(replay.status).toBe(200);
    expect(replay.json).toEqual({ received: true, duplicate: true });
    expect(await storedCount()).toBe(1);
  });

  it.each([
    ["no signature", {}, 401],
    ["a forged signature", { "calendly-webhook-signature": `t=${Math.floor(Date.now() / 1000)},v1=${"0".repeat(64)}` }, 401],
    ["a malformed header", { "calendly-webhook-signature": "garbage" }, 401],
  ])("rejects %s with %s and stores nothing", async (_label, headers, status) => {
    const response = await post(sampleBody(), headers as Record<string, string>);
    expect(response.status).toBe(status);
    expect(await storedCount()).toBe(0);
  });

  it("rejects a signature made with the wrong key", async () => {
    const body = sampleBody();
    const response = await post(body, { "calendly-webhook-signature": signWebhookPayload("not-the-key", body, Math.floor(Date.now() / 1000)) });
    expect(response.status).toBe(401);
    expect(await storedCount()).toBe(0);
  });

  it("rejects a stale timestamp with 400", async () => {
    const body = sampleBody();
    const response = await post(body, { "calendly-webhook-signature": signWebhookPayload(signingKey, body, Math.floor(Date.now() / 1000) - 600) });
    expect(response.status).toBe(400);
    expect(response.json.error.message).toMatch(/tolerance/);
    expect(await storedCount()).toBe(0);
  });

  it("rejects a body that was changed after signing", async () => {
    const body = sampleBody();
    const signature = signWebhookPayload(signingKey, body, Math.floor(Date.now() / 1000));
    const response = await post(body.replace("invitee.created", "invitee.canceled"), { "calendly-webhook-signature": signature });
    expect(response.status).toBe(401);
  });

  it("rejects malformed JSON (even correctly signed) with 400", async () => {
    const body = "{not json";
    const response = await post(body, { "calendly-webhook-signature": signWebhookPayload(signingKey, body, Math.floor(Date.now() / 1000)) });
    expect(response.status).toBe(400);
    expect(await storedCount()).toBe(0);
  });

  it("rejects a body over 1 MB with 413", async () => {
    const body = JSON.stringify({ event: "invitee.created", padding: "x".repeat(1_100_000) });
    const response = await post(body, { "calendly-webhook-signature": signWebhookPayload(signingKey, body, Math.floor(Date.now() / 1000)) });
    expect(response.status).toBe(413);
    expect(await storedCount()).toBe(0);
  });

  it("rejects deliveries for an unknown subscription", async () => {
    const body = sampleBody();
    const signature = signWebhookPayload(signingKey, body, Math.floor(Date.now() / 1000));
    expect((await post(body, { "calendly-webhook-signature": signature }, "00000000-0000-4000-8000-000000000000")).status).toBe(401);
    expect((await post(body, { "calendly-webhook-signature": signature }, "not-a-uuid")).status).toBe(401);
  });

  it("never moves a record backwards when deliveries arrive out of order", async () => {
    const inviteeUri = await bookAndCaptureDelivery(2);
    const cancel = await harness.control("POST", "/actions/cancel", { invitee: inviteeUri, reason: "Conflict came up", canceler_type: "invitee" });
    expect(cancel.status).toBe(200);
    await harness.control("POST", "/deliveries/wait");
    const deliveries = await getDb().select().from(webhookDeliveries).orderBy(webhookDeliveries.receivedAt);
    const created = deliveries.find((delivery) => delivery.event === "invitee.created")!;
    const canceled = deliveries.find((delivery) => delivery.event === "invitee.canceled")!;
    await processWebhookDelivery(canceled.id);
    await processWebhookDelivery(created.id);
    const [invitee] = await getDb().select().from(invitees).where(eq(invitees.uri, inviteeUri));
    expect(invitee.status).toBe("canceled");
    expect(invitee.cancelReason).toBe("Conflict came up");
    const [event] = await getDb().select().from(scheduledEvents).where(eq(scheduledEvents.uuid, invitee.eventUuid));
    expect(event.status).toBe("canceled");
    expect(event.rescheduled).toBe(false);
    await processAllPending();
  });

  it("uses a re-keyed subscription's new key at once, though keys are cached, and refuses the old one", async () => {
    const { encryptSecret } = await import("@/lib/crypto/token-cipher");
    const variant = await genuineVariants();
    const first = variant(1);
    expect((await post(first, { "calendly-webhook-signature": signWebhookPayload(signingKey, first, Math.floor(Date.now() / 1000)) })).status).toBe(202); // key now cached
    const newKey = "rotated-signing-key-0123456789";
    await getDb().update(calendlyConnections).set({ webhookSigningKeyEncrypted: encryptSecret(newKey) }).where(eq(calendlyConnections.id, connectionId));
    try {
      const second = variant(2);
      expect((await post(second, { "calendly-webhook-signature": signWebhookPayload(newKey, second, Math.floor(Date.now() / 1000)) })).status).toBe(202);
      const third = variant(3);
      expect((await post(third, { "calendly-webhook-signature": signWebhookPayload(signingKey, third, Math.floor(Date.now() / 1000)) })).status).toBe(401);
      expect(await storedCount()).toBe(2);
    } finally {
      await getDb().update(calendlyConnections).set({ webhookSigningKeyEncrypted: encryptSecret(signingKey) }).where(eq(calendlyConnections.id, connectionId));
    }
  });

  it("refuses a deleted connection's deliveries with 401 even while its key is cached, storing nothing", async () => {
    const coach = await createUser({ email: "coach.priya@sessionly.test", name: "Priya Shah", role: "coach" });
    const connection = await connectWithPersonalAccessToken({ ...coach, role: "coach" }, harness.emulator.tokenFor("coach.priya@sessionly.test"), { backfill: "none" });
    const [row] = await getDb().select().from(calendlyConnections).where(eq(calendlyConnections.id, connection.id));
    const { decryptSecret } = await import("@/lib/crypto/token-cipher");
    const priyaKey = decryptSecret(row.webhookSigningKeyEncrypted!);
    const variant = await genuineVariants();
    const first = variant(4);
    expect((await post(first, { "calendly-webhook-signature": signWebhookPayload(priyaKey, first, Math.floor(Date.now() / 1000)) }, connection.id)).status).toBe(202);
    await getDb().execute(sql`delete from calendly_webhook_deliveries where connection_id = ${connection.id}`);
    await getDb().delete(calendlyConnections).where(eq(calendlyConnections.id, connection.id));
    const second = variant(5);
    const refused = await post(second, { "calendly-webhook-signature": signWebhookPayload(priyaKey, second, Math.floor(Date.now() / 1000)) }, connection.id);
    expect(refused.status).toBe(401);
    expect(refused.json.error.message).toBe("Unknown webhook subscription.");
    expect(await storedCount()).toBe(0);
  });

  describe("enqueueing: the delivery commits alone, its job follows, a sweep covers the gap", () => {
    it("a delivery stored but never enqueued (crash between insert and enqueue) is enqueued by the sweep once and processed once", async () => {
      const variant = await genuineVariants();
      const body = variant(10);
      const envelope = JSON.parse(body) as { event: string; created_at: string; payload: { uri: string } };
      const [orphan] = await getDb()
        .insert(webhookDeliveries)
        .values({ dedupeKey: dedupeKeyFor(envelope), event: envelope.event, connectionId, payload: envelope })
        .returning();
      expect(await jobsFor(orphan.id)).toHaveLength(0);

      // Younger than the grace period: left to the route's own enqueue, which may still be in flight.
      expect(await sweepUnqueuedDeliveries()).toBe(0);
      await backdate(orphan.id);
      expect(await sweepUnqueuedDeliveries()).toBe(1);
      expect(await sweepUnqueuedDeliveries()).toBe(0);
      const jobs = await jobsFor(orphan.id);
      expect(jobs).toHaveLength(1);
      expect(jobs[0].id).toBe(orphan.id);

      expect(await processWebhookDelivery(orphan.id)).toBe("processed");
      expect(await sweepUnqueuedDeliveries()).toBe(0);
      expect(await jobsFor(orphan.id)).toHaveLength(1);
      // Calendly retrying the same delivery now: acknowledged, not stored or enqueued again.
      const replay = await post(body, signed(body));
      expect(replay.status).toBe(200);
      expect(replay.json).toEqual({ received: true, duplicate: true });
      expect(await storedCount()).toBe(1);
      expect(await jobsFor(orphan.id)).toHaveLength(1);
    });

    it("gives a delivery received through the route exactly one job, named after it, which a later sweep does not duplicate", async () => {
      const variant = await genuineVariants();
      const body = variant(11);
      expect((await post(body, signed(body))).status).toBe(202);
      const [stored] = await pendingDeliveries();
      const jobs = await jobsFor(stored.id);
      expect(jobs).toHaveLength(1);
      expect(jobs[0].id).toBe(stored.id);
      await backdate(stored.id);
      expect(await sweepUnqueuedDeliveries()).toBe(0);
      expect(await jobsFor(stored.id)).toHaveLength(1);
    });

    it("acknowledges duplicates arriving together without storing or enqueueing them twice", async () => {
      const variant = await genuineVariants();
      const bodies = [variant(12), variant(13)];
      const responses = await Promise.all([...bodies, ...bodies, ...bodies].map((body) => post(body, signed(body))));
      expect(responses.filter((response) => response.status === 202)).toHaveLength(2);
      expect(responses.filter((response) => response.status === 200)).toHaveLength(4);
      const stored = await pendingDeliveries();
      expect(stored).toHaveLength(2);
      for (const delivery of stored) expect(await jobsFor(delivery.id)).toHaveLength(1);
    });

    it("still answers 2xx when the job insert fails (the delivery is durable), and the sweep enqueues it", async () => {
      const variant = await genuineVariants();
      const body = variant(14);
      const insert = vi.spyOn(await getBoss(), "insert").mockRejectedValueOnce(new Error("queue unavailable"));
      try {
        expect((await post(body, signed(body))).status).toBe(202);
        const [stored] = await pendingDeliveries();
        expect(await jobsFor(stored.id)).toHaveLength(0);
        await backdate(stored.id);
        expect(await sweepUnqueuedDeliveries()).toBe(1);
        expect(await jobsFor(stored.id)).toHaveLength(1);
        expect(await processWebhookDelivery(stored.id)).toBe("processed");
      } finally {
        insert.mockRestore();
      }
    });

    it("leaves deliveries already attempted (retrying or dead-lettered) to their own job", async () => {
      const variant = await genuineVariants();
      const body = variant(15);
      const envelope = JSON.parse(body) as { event: string; created_at: string; payload: { uri: string } };
      const [failed] = await getDb()
        .insert(webhookDeliveries)
        .values({ dedupeKey: dedupeKeyFor(envelope), event: envelope.event, connectionId, payload: envelope, attempts: 9, error: "boom" })
        .returning();
      await backdate(failed.id);
      expect(await sweepUnqueuedDeliveries()).toBe(0);
      expect(await jobsFor(failed.id)).toHaveLength(0);
    });
  });

  describe("group commit: deliveries arriving together share one insert", () => {
    it("stores 30 distinct deliveries posted at once exactly once each, in fewer statements than deliveries, each with its one job", async () => {
      const variant = await genuineVariants();
      const bodies = Array.from({ length: 30 }, (_, index) => variant(100 + index));
      const before = deliveryStoreStats();
      const responses = await Promise.all(bodies.map((body) => post(body, signed(body))));
      const after = deliveryStoreStats();
      expect(responses.map((response) => response.status)).toEqual(bodies.map(() => 202));
      expect(after.rows - before.rows).toBe(30);
      expect(after.statements - before.statements).toBeLessThan(30);
      const stored = await pendingDeliveries();
      expect(stored).toHaveLength(30);
      expect(new Set(stored.map((delivery) => delivery.dedupeKey)).size).toBe(30);
      for (const delivery of stored) expect(await jobsFor(delivery.id)).toHaveLength(1);
      // Each response belongs to its own delivery: the body it acknowledged is the one stored under its key.
      const keys = new Set(bodies.map((body) => dedupeKeyFor(JSON.parse(body) as { event: string; created_at: string; payload: { uri: string } })));
      for (const delivery of stored) expect(keys.has(delivery.dedupeKey)).toBe(true);
    });

    it("a row that fails its batch (unknown connection) fails alone: the others are stored, repeats of one key are duplicates", async () => {
      const row = (key: string, connection = connectionId) => ({ dedupeKey: `group-commit-${key}`, event: "invitee.created", connectionId: connection, rawBody: `{"key":"${key}"}` });
      const before = deliveryStoreStats();
      // Called in one tick: the first two start inserts at once, the other eight gather into one multi-row insert,
      // which the bad row fails; it is retried row by row.
      const calls = [
        row("a"),
        row("b"),
        row("c"),
        row("d"),
        row("bad", "00000000-0000-4000-8000-000000000000"),
        row("e"),
        row("f"),
        row("f"),
        row("g"),
        row("h"),
      ].map((item) => groupInsertDelivery(item));
      const results = await Promise.allSettled(calls);
      const failed = results.filter((result) => result.status === "rejected");
      expect(failed).toHaveLength(1);
      expect(((failed[0] as PromiseRejectedResult).reason as { code?: string }).code).toBe("23503");
      const ids = results.map((result) => (result.status === "fulfilled" ? result.value.deliveryId : "failed"));
      expect(ids[4]).toBe("failed");
      expect(ids[7]).toBeNull();
      expect(ids.filter((id) => typeof id === "string" && id !== "failed")).toHaveLength(8);
      const stored = (await getDb().execute<{ dedupe_key: string }>(sql`select dedupe_key from calendly_webhook_deliveries order by dedupe_key`)).rows.map((item) => item.dedupe_key);
      expect(stored).toEqual(["a", "b", "c", "d", "e", "f", "g", "h"].map((key) => `group-commit-${key}`));
      const after = deliveryStoreStats();
      expect(after.statements - before.statements).toBeGreaterThan(2);
      // Stored again later: duplicates, nothing new.
      expect((await groupInsertDelivery(row("a"))).deliveryId).toBeNull();
      expect(await storedCount()).toBe(8);
    });
  });
});
