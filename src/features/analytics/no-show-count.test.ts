import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb, schema } from "@/lib/db";
import { applyNoShow } from "@/features/calendly/sync/upsert-records";
import { scrubInvitees } from "@/features/privacy/scrub-invitees";
import { insertInvitee, insertSession, resetAnalyticsTables } from "./testing/analytics-fixtures";

// calendly_scheduled_events.no_show_invitees is kept by triggers on calendly_invitees (drizzle/0000_init.sql, from
// src/lib/db/schema/sql/after-init.sql): after any write it must equal a recount of the session's active invitees
// marked no-show, which is what analytics and the session list read instead of probing invitees.
const COACH = "no-show-count-coach";
const NO_SHOW = "https://api.calendly.test/invitee_no_shows/";

async function counts(): Promise<Array<{ uuid: string; stored: number; recount: number }>> {
  const result = await getDb().execute<{ uuid: string; stored: number; recount: number }>(sql`
    select e.uuid, e.no_show_invitees as stored,
      (select count(*) from calendly_invitees i where i.event_uuid = e.uuid and i.no_show_uri is not null and i.status = 'active')::int as recount
    from calendly_scheduled_events e order by e.uuid`);
  return result.rows;
}

async function storedCount(eventUuid: string): Promise<number> {
  const [row] = await getDb().select({ count: schema.scheduledEvents.noShowInvitees }).from(schema.scheduledEvents).where(eq(schema.scheduledEvents.uuid, eventUuid));
  return row.count;
}

async function expectConsistent() {
  for (const row of await counts()) expect(row.stored, `session ${row.uuid}`).toBe(row.recount);
}

describe("no_show_invitees on sessions", () => {
  beforeEach(async () => {
    await resetAnalyticsTables();
  });

  it("follows inserts, marks, unmarks, cancellations, moves and deletes of invitees", async () => {
    const group = await insertSession({ coachUserId: COACH, start: "2026-03-11T10:00:00Z", inviteesActive: 3 });
    const other = await insertSession({ coachUserId: COACH, start: "2026-03-12T10:00:00Z" });
    const first = await insertInvitee({ eventUuid: group, noShow: true });
    const second = await insertInvitee({ eventUuid: group });
    await insertInvitee({ eventUuid: group, status: "canceled", noShow: true });
    expect(await storedCount(group)).toBe(1);

    // Marked and unmarked through the sync's own write path (webhooks and reconciliation), in and out of order.
    expect((await applyNoShow(getDb(), second, { uri: `${NO_SHOW}second`, created_at: "2026-03-11T11:00:00Z" }, new Date("2026-03-11T11:00:00Z"))).changed).toBe(true);
    expect(await storedCount(group)).toBe(2);
    expect((await applyNoShow(getDb(), second, null, new Date("2026-03-11T10:30:00Z"))).changed).toBe(false);
    expect(await storedCount(group)).toBe(2);
    await applyNoShow(getDb(), second, null, new Date("2026-03-11T12:00:00Z"));
    expect(await storedCount(group)).toBe(1);

    // A marked invitee who cancels no longer counts; one who comes back does again.
    await getDb().update(schema.invitees).set({ status: "canceled" }).where(eq(schema.invitees.uri, first));
    expect(await storedCount(group)).toBe(0);
    await getDb().update(schema.invitees).set({ status: "active" }).where(eq(schema.invitees.uri, first));
    expect(await storedCount(group)).toBe(1);

    // Writes that leave the counted state alone (the same mark again, other columns) change nothing.
    await getDb().update(schema.invitees).set({ noShowUri: `${NO_SHOW}again`, name: "Renamed" }).where(eq(schema.invitees.uri, first));
    expect(await storedCount(group)).toBe(1);

    // Moved to another session: counted there, no longer here.
    await getDb().update(schema.invitees).set({ eventUuid: other }).where(eq(schema.invitees.uri, first));
    expect([await storedCount(group), await storedCount(other)]).toEqual([0, 1]);

    // Erasure scrubs personal data but keeps the mark; deleting the invitee removes it.
    await scrubInvitees(getDb(), sql`i.uri = ${first}`, { reason: "retention" });
    expect(await storedCount(other)).toBe(1);
    await getDb().delete(schema.invitees).where(eq(schema.invitees.uri, first));
    expect(await storedCount(other)).toBe(0);
    await expectConsistent();
  });

  it("counts a multi-row update of a group session once per invitee, and survives deleting the session", async () => {
    const group = await insertSession({ coachUserId: COACH, start: "2026-03-11T10:00:00Z", inviteesActive: 4 });
    for (let index = 0; index < 4; index++) await insertInvitee({ eventUuid: group });
    await getDb().execute(sql`update calendly_invitees set no_show_uri = ${NO_SHOW} || uuid where event_uuid = ${group}`);
    expect(await storedCount(group)).toBe(4);
    await getDb().execute(sql`update calendly_invitees set status = 'canceled' where event_uuid = ${group}`);
    expect(await storedCount(group)).toBe(0);
    await getDb().execute(sql`update calendly_invitees set status = 'active' where event_uuid = ${group}`);
    expect(await storedCount(group)).toBe(4);
    // Deleting the session cascades to its invitees, whose triggers find no session left to update.
    await getDb().delete(schema.scheduledEvents).where(eq(schema.scheduledEvents.uuid, group));
    expect(await counts()).toEqual([]);
  });

  it("adds up concurrent marks of one group session (PostgreSQL: separate sessions)", async ({ skip }) => {
    if (process.env.SESSIONLY_EMBEDDED_DB === "1") skip("PGlite runs one backend session: transactions never overlap");
    const group = await insertSession({ coachUserId: COACH, start: "2026-03-11T10:00:00Z", inviteesActive: 2 });
    const a = await insertInvitee({ eventUuid: group });
    const b = await insertInvitee({ eventUuid: group });
    const pool = getDb().$client;
    const [one, two] = [await pool.connect(), await pool.connect()];
    try {
      await one.query("begin");
      await two.query("begin");
      await one.query("update calendly_invitees set no_show_uri = $1 where uri = $2", [`${NO_SHOW}a`, a]);
      // Waits on the session row the first transaction's trigger updated, then adds its own mark to the committed count.
      const second = two.query("update calendly_invitees set no_show_uri = $1 where uri = $2", [`${NO_SHOW}b`, b]);
      await new Promise((resolve) => setTimeout(resolve, 100));
      await one.query("commit");
      await second;
      await two.query("commit");
    } finally {
      one.release();
      two.release();
    }
    expect(await storedCount(group)).toBe(2);
    await expectConsistent();
  });
});
