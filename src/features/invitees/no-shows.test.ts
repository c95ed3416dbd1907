import { and, eq, gt, isNotNull, isNull, lt, sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as bulkRoute from "@/app/api/no_shows/bulk/route";
import * as noShowRoute from "@/app/api/no_shows/[id]/route";
import * as noShowsRoute from "@/app/api/no_shows/route";
import { getDb } from "@/lib/db";
import { getBoss } from "@/lib/jobs/boss";
import { auditLog, invitees, scheduledEvents } from "@/lib/db/schema";
import { startCalendlyHarness, type CalendlyHarness } from "../../../tests/helpers/calendly-harness";
import { calendlyGet } from "../../../tests/helpers/calendly-actions";
import { connectWithPersonalAccessToken } from "@/features/calendly/connection/connect-calendly";
import { reconcileConnection } from "@/features/calendly/sync/reconcile-connection";
import { demoPeople, seedInvitee, seedSession, signedIn, truncateInviteeTables } from "./testing/seed-invitees";

/**
 * No-show marking end to end: our routes over HTTP-shaped requests, Calendly played by the emulator (checked through
 * its public API), and the synced copy plus audit trail checked in the database.
 */
let harness: CalendlyHarness;
let people: Awaited<ReturnType<typeof demoPeople>>;
let morganToken: string;
let priyaInviteeUri: string;

type CalendlyInviteeResource = { resource: { uri: string; status: string; no_show: { uri: string } | null } };

async function calendlyNoShow(inviteeUri: string) {
  return (await calendlyGet<CalendlyInviteeResource>(harness, morganToken, inviteeUri)).resource.no_show;
}

async function copyOf(inviteeUri: string) {
  const [row] = await getDb().select().from(invitees).where(eq(invitees.uri, inviteeUri));
  return row;
}

/** Morgan's synced invitees in a given state, oldest first. */
async function morganInvitees(kind: "past" | "future" | "canceled" | "marked", count = 1): Promise<string[]> {
  const now = new Date();
  const where = {
    past: and(eq(invitees.status, "active"), eq(scheduledEvents.status, "active"), lt(scheduledEvents.startTime, now), isNull(invitees.noShowUri)),
    future: and(eq(invitees.status, "active"), eq(scheduledEvents.status, "active"), gt(scheduledEvents.startTime, now)),
    canceled: and(eq(invitees.status, "canceled"), eq(invitees.rescheduled, false), lt(scheduledEvents.startTime, now)),
    marked: and(eq(invitees.status, "active"), isNotNull(invitees.noShowUri)),
  }[kind];
  const rows = await getDb()
    .select({ uri: invitees.uri })
    .from(invitees)
    .innerJoin(scheduledEvents, eq(scheduledEvents.uuid, invitees.eventUuid))
    .where(and(eq(scheduledEvents.coachUserId, people.morgan.id), where))
    .orderBy(sql`${scheduledEvents.startTime} desc`)
    .limit(count);
  expect(rows.length, `morgan has ${count} ${kind} invitee(s)`).toBe(count);
  return rows.map((row) => row.uri);
}

describe("no-shows through Calendly", () => {
  beforeAll(async () => {
    harness = await startCalendlyHarness({ rateLimitPerMinute: 10_000 });
    await truncateInviteeTables();
    people = await demoPeople();
    morganToken = harness.emulator.tokenFor("coach.morgan@sessionly.test");
    // The sync hooks enqueue jobs inside reconciliation's transactions: pg-boss must already run (PGlite rule).
    await getBoss();
    const started = Date.now();
    const connection = await connectWithPersonalAccessToken({ ...people.morgan, role: "coach" }, morganToken, { backfill: "none" });
    await reconcileConnection(connection.id, { kind: "backfill", trigger: "connect" });
    console.info(`morgan backfilled in ${Date.now() - started} ms`);
    // Another coach's booking (foreign to Morgan): the route answers 404 before Calendly is ever asked.
    const priyaSession = await seedSession({ coachUserId: people.priya.id, start: new Date(Date.now() - 5 * 3600_000) });
    priyaInviteeUri = (await seedInvitee({ session: priyaSession, name: "Sam Patel", email: "realtor.sam@sessionly.test" })).uri;
  }, 300_000);
  afterAll(async () => harness?.stop());
  beforeEach(async () => {
    await getDb().execute(sql`truncate audit_log`);
  });

  it("marks at Calendly first, then the copy and the audit log; unmarking by the no-show's id undoes both", async () => {
    const [inviteeUri] = await morganInvitees("past");
    const morgan = await signedIn(people.morgan.email);
    const marked = await morgan.call(noShowsRoute.POST, { path: "/api/no_shows", body: { invitee: inviteeUri } });
    expect(marked.status).toBe(200);
    expect(marked.json.noShow.uri).toMatch(/\/invitee_no_shows\//);

    expect((await calendlyNoShow(inviteeUri))?.uri).toBe(marked.json.noShow.uri);
    expect((await copyOf(inviteeUri)).noShowUri).toBe(marked.json.noShow.uri);
    const [entry] = await getDb().select().from(auditLog).where(eq(auditLog.action, "invitee.no_show_marked"));
    expect(entry).toMatchObject({ actorUserId: people.morgan.id, actorType: "coach", source: "web", metadata: { invitee: inviteeUri } });

    const unmarked = await morgan.call(noShowRoute.DELETE, { method: "DELETE", path: `/api/no_shows/${marked.json.noShow.uuid}`, params: { id: marked.json.noShow.uuid } });
    expect(unmarked.status).toBe(200);
    expect(await calendlyNoShow(inviteeUri)).toBeNull();
    expect((await copyOf(inviteeUri)).noShowUri).toBeNull();
    expect(await getDb().select().from(auditLog).where(eq(auditLog.action, "invitee.no_show_unmarked"))).toHaveLength(1);

    // The webhooks Calendly sent about both changes arrive late and must not undo the unmark.
    await harness.control("POST", "/deliveries/wait");
    expect((await copyOf(inviteeUri)).noShowUri).toBeNull();
  });

  it("refuses before the session starts and on canceled sessions with a 409, without calling Calendly", async () => {
    const [future] = await morganInvitees("future");
    const [canceled] = await morganInvitees("canceled");
    const morgan = await signedIn(people.morgan.email);
    await harness.control("POST", "/faults", { routes: [{ route: "/invitee_no_shows*", method: "POST", error_rate: 1, error_status: 500 }] });
    try {
      const early = await morgan.call(noShowsRoute.POST, { path: "/api/no_shows", body: { invitee: future } });
      expect(early.status).toBe(409);
      expect(early.json.error.message).toMatch(/has not started yet/);
      const gone = await morgan.call(noShowsRoute.POST, { path: "/api/no_shows", body: { invitee: canceled } });
      expect(gone.status).toBe(409);
      expect(gone.json.error.message).toMatch(/was canceled/);
    } finally {
      await harness.control("DELETE", "/faults");
    }
    expect(await calendlyNoShow(future)).toBeNull();
    expect(await getDb().select().from(auditLog)).toHaveLength(0);
  });

  it("maps Calendly's own refusals to a clear 409 and leaves the copy unchanged", async () => {
    // Calendly canceled this booking, but our copy still says active: our check passes, Calendly's does not.
    const [canceledUri] = await morganInvitees("canceled");
    const stale = await copyOf(canceledUri);
    const [staleSession] = await getDb().select().from(scheduledEvents).where(eq(scheduledEvents.uuid, stale.eventUuid));
    await getDb().update(invitees).set({ status: "active" }).where(eq(invitees.uri, canceledUri));
    await getDb().update(scheduledEvents).set({ status: "active" }).where(eq(scheduledEvents.uuid, stale.eventUuid));

    const morgan = await signedIn(people.morgan.email);
    const refused = await morgan.call(noShowsRoute.POST, { path: "/api/no_shows", body: { invitee: canceledUri } });
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toMatch(/Calendly refused: this session was canceled/);
    expect((await copyOf(canceledUri)).noShowUri).toBeNull();
    expect(await getDb().select().from(auditLog)).toHaveLength(0);
    // Put the copy back as Calendly has it, for the tests that follow.
    await getDb().update(invitees).set({ status: stale.status }).where(eq(invitees.uri, canceledUri));
    await getDb().update(scheduledEvents).set({ status: staleSession.status }).where(eq(scheduledEvents.uuid, stale.eventUuid));
  });

  it("takes Calendly's mark when Calendly says the invitee is already marked", async () => {
    const [inviteeUri] = await morganInvitees("past");
    // Marked in Calendly directly; its webhook is dropped, so our copy has not heard.
    await harness.control("POST", "/faults", { webhook: { drop_rate: 1 } });
    try {
      expect((await harness.control("POST", "/actions/no-show", { invitee: inviteeUri })).status).toBeLessThan(300);
    } finally {
      await harness.control("DELETE", "/faults");
    }
    const theirs = await calendlyNoShow(inviteeUri);
    expect((await copyOf(inviteeUri)).noShowUri).toBeNull();

    const morgan = await signedIn(people.morgan.email);
    const refused = await morgan.call(noShowsRoute.POST, { path: "/api/no_shows", body: { invitee: inviteeUri } });
    expect(refused.status).toBe(409);
    expect(refused.json.error.message).toMatch(/already marked/);
    expect((await copyOf(inviteeUri)).noShowUri).toBe(theirs?.uri);
  });

  it("answers 404 for another coach's invitee or no-show, 403 to realtors, 400 for a malformed URI", async () => {
    const [inviteeUri] = await morganInvitees("past");
    const priya = await signedIn(people.priya.email);
    const foreign = await priya.call(noShowsRoute.POST, { path: "/api/no_shows", body: { invitee: inviteeUri } });
    expect(foreign.status).toBe(404);
    const [markedUri] = await morganInvitees("marked");
    const noShowId = (await copyOf(markedUri)).noShowUri!.split("/").pop()!;
    expect((await priya.call(noShowRoute.DELETE, { method: "DELETE", path: `/api/no_shows/${noShowId}`, params: { id: noShowId } })).status).toBe(404);
    expect((await priya.call(noShowRoute.DELETE, { method: "DELETE", path: "/api/no_shows/unknown-id", params: { id: "unknown-id" } })).status).toBe(404);

    const jamie = await signedIn(people.jamie.email);
    expect((await jamie.call(noShowsRoute.POST, { path: "/api/no_shows", body: { invitee: inviteeUri } })).status).toBe(403);
    expect((await jamie.call(bulkRoute.POST, { path: "/api/no_shows/bulk", body: { mark: [inviteeUri] } })).status).toBe(403);

    const morgan = await signedIn(people.morgan.email);
    const malformed = await morgan.call(noShowsRoute.POST, { path: "/api/no_shows", body: { invitee: "https://example.com/not-an-invitee" } });
    expect(malformed.status).toBe(400);
    expect(malformed.json.error.fields).toHaveProperty("invitee");
    expect((await morgan.call(bulkRoute.POST, { path: "/api/no_shows/bulk", body: {} })).status).toBe(400);
    expect(await calendlyNoShow(inviteeUri)).toBeNull();
  });

  it("lets an admin mark any coach's invitee", async () => {
    const [inviteeUri] = await morganInvitees("past");
    const admin = await signedIn(people.admin.email);
    const marked = await admin.call(noShowsRoute.POST, { path: "/api/no_shows", body: { invitee: inviteeUri } });
    expect(marked.status).toBe(200);
    expect((await calendlyNoShow(inviteeUri))?.uri).toBe(marked.json.noShow.uri);
    const again = await admin.call(noShowsRoute.POST, { path: "/api/no_shows", body: { invitee: inviteeUri } });
    expect(again.status).toBe(409);
    expect(again.json.error.message).toMatch(/already marked/);
  });

  it("bulk: reports every item (done, foreign, future, already marked) under one operation id", async () => {
    const [first, second] = await morganInvitees("past", 2);
    const [future] = await morganInvitees("future");
    const [alreadyMarked] = await morganInvitees("marked");
    const morgan = await signedIn(people.morgan.email);
    const response = await morgan.call(bulkRoute.POST, {
      path: "/api/no_shows/bulk",
      body: { mark: [first, second, priyaInviteeUri, future, alreadyMarked], unmark: [alreadyMarked, future] },
    });
    expect(response.status).toBe(200);
    const byKey = Object.fromEntries(
      response.json.results.map((result: { action: string; invitee: string; outcome: string; message: string }) => [`${result.action} ${result.invitee}`, result]),
    );
    expect(byKey[`mark ${first}`].outcome).toBe("done");
    expect(byKey[`mark ${second}`].outcome).toBe("done");
    expect(byKey[`mark ${priyaInviteeUri}`]).toMatchObject({ outcome: "failed", code: "not_found" });
    expect(byKey[`mark ${future}`]).toMatchObject({ outcome: "failed", code: "conflict" });
    expect(byKey[`mark ${future}`].message).toMatch(/not started/);
    expect(byKey[`mark ${alreadyMarked}`]).toMatchObject({ outcome: "skipped" });
    expect(byKey[`unmark ${alreadyMarked}`]).toMatchObject({ outcome: "done" });
    expect(byKey[`unmark ${future}`]).toMatchObject({ outcome: "skipped" });
    expect(response.json.summary).toEqual({ done: 3, skipped: 2, failed: 2 });

    expect(await calendlyNoShow(first)).not.toBeNull();
    expect(await calendlyNoShow(second)).not.toBeNull();
    expect(await calendlyNoShow(alreadyMarked)).toBeNull();
    expect((await copyOf(alreadyMarked)).noShowUri).toBeNull();
    const entries = await getDb().select().from(auditLog);
    expect(entries).toHaveLength(3);
    expect(new Set(entries.map((entry) => entry.operationId))).toEqual(new Set([response.json.operationId]));
  });
});
