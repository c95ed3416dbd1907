import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb, schema } from "@/lib/db";
import { scrubInvitees } from "@/features/privacy/scrub-invitees";
import { listSessions, resolveFilters, searchStrategy, sessionFilterConditions, type SearchStrategy } from "./list-sessions";
import { listSessionsQuerySchema } from "./list-sessions-query";
import type { SessionViewer } from "./session-access";
import { insertSession, truncateSessionTables } from "./testing/session-fixtures";

// The session search has two forms of one condition (list-sessions.ts): walking the sort order, or looking the text up
// in calendly_invitee_search_terms (kept by triggers). Both must return exactly the rows of the plain definition: the
// session's name, or one of its invitees' names or emails, contains the text, case-insensitively.
const COACH = "search-coach";
const admin: SessionViewer = { user: { id: "search-admin", role: "admin", timeZone: "UTC", name: "Admin" }, scope: "any" };
const coach: SessionViewer = { user: { id: COACH, role: "coach", timeZone: "UTC", name: "Coach" }, scope: "own" };
const NOW = new Date("2026-05-01T00:00:00Z");

async function terms(): Promise<Record<string, number>> {
  const rows = await getDb().select().from(schema.inviteeSearchTerms);
  return Object.fromEntries(rows.map((row) => [row.term, row.invitees]));
}

async function recountedTerms(): Promise<Record<string, number>> {
  const result = await getDb().execute<{ term: string; invitees: number }>(sql`
    select term, count(*)::int as invitees
    from (select lower(name) as term from calendly_invitees union all select email_normalized from calendly_invitees) t group by term`);
  return Object.fromEntries(result.rows.map((row) => [row.term, row.invitees]));
}

async function matching(viewer: SessionViewer, q: string, strategy: SearchStrategy | "resolved"): Promise<string[]> {
  // "resolved": as listSessions runs it, with the strategy and (for the index form) the terms found while choosing it.
  const resolved = strategy === "resolved" ? await resolveFilters(viewer, { status: "all", q }) : { search: strategy };
  const conditions = sessionFilterConditions(viewer, { status: "all", q }, NOW, resolved);
  const result = await getDb().execute<{ uuid: string }>(sql`select e.uuid from calendly_scheduled_events e where ${sql.join(conditions, sql` and `)} order by e.uuid`);
  return result.rows.map((row) => row.uuid);
}

describe("session search", () => {
  let sessions: Array<{ uuid: string; coachUserId: string; name: string; invitees: Array<{ name: string; emailNormalized: string }> }>;

  beforeEach(async () => {
    await truncateSessionTables();
    const start = (day: number) => new Date(Date.UTC(2026, 3, day, 15));
    sessions = [
      await insertSession({ coachUserId: COACH, start: start(1), invitees: [{ name: "Jamie Carter", email: "jamie@example.com" }] }),
      await insertSession({ coachUserId: COACH, start: start(2), name: "Listing deep dive", invitees: [{ name: "Sam Okafor", email: "sam.carter@agency.test" }] }),
      await insertSession({ coachUserId: COACH, start: start(3), name: "Group masterclass", limit: 5, invitees: [
        { name: "Riley Brooks", email: "riley@example.com" },
        { name: "Avery 100%_Sure", email: "avery_underscore@example.com" },
        { name: "jamie@example.com", email: "JAMIE@example.com" },
      ] }),
      await insertSession({ coachUserId: "other-coach", start: start(4), name: "Carter strategy", invitees: [{ name: "Morgan Kim", email: "morgan@example.com" }] }),
      await insertSession({ coachUserId: "other-coach", start: start(5), invitees: [] }),
    ];
  });

  it("keeps one row per distinct name and email with its number of invitees, whoever writes them", async () => {
    expect(await terms()).toEqual(await recountedTerms());
    expect((await terms())["jamie@example.com"]).toBe(3); // two emails and one name
    // Renamed, re-emailed, scrubbed by erasure, deleted: a term leaves with its last invitee.
    const riley = sessions[2].invitees[0];
    await getDb().update(schema.invitees).set({ name: "Riley Brooks-Lee" }).where(eq(schema.invitees.emailNormalized, riley.emailNormalized));
    await getDb().update(schema.invitees).set({ emailNormalized: "riley@new.test" }).where(eq(schema.invitees.emailNormalized, riley.emailNormalized));
    expect(await terms()).toMatchObject({ "riley brooks-lee": 1, "riley@new.test": 1 });
    expect(await terms()).not.toHaveProperty("riley brooks");
    expect(await terms()).not.toHaveProperty("riley@example.com");
    await scrubInvitees(getDb(), sql`i.email_normalized = 'morgan@example.com'`, { reason: "erasure" });
    expect(await terms()).not.toHaveProperty("morgan@example.com");
    expect(await terms()).not.toHaveProperty("morgan kim");
    await getDb().delete(schema.scheduledEvents).where(eq(schema.scheduledEvents.uuid, sessions[0].uuid));
    expect((await terms())["jamie@example.com"]).toBe(2);
    expect(await terms()).toEqual(await recountedTerms());
  });

  it("finds the same sessions both ways as the plain definition, for the admin and for a coach", async () => {
    const all = await getDb().select().from(schema.scheduledEvents);
    const people = await getDb().select().from(schema.invitees);
    const expected = (viewer: SessionViewer, q: string) =>
      all
        .filter((session) => viewer.scope === "any" || session.coachUserId === viewer.user.id)
        .filter(
          (session) =>
            session.name.toLowerCase().includes(q.toLowerCase()) ||
            people.some((person) => person.eventUuid === session.uuid && (person.name.toLowerCase().includes(q.toLowerCase()) || person.emailNormalized.includes(q.toLowerCase()))),
        )
        .map((session) => session.uuid)
        .sort();
    for (const q of ["carter", "CARTER", "jamie@example.com", "example", "100%_s", "_under", "deep dive", "masterclass", "nobody", "a", "@"]) {
      for (const viewer of [admin, coach]) {
        const want = expected(viewer, q);
        expect(await matching(viewer, q, "walk"), `walk ${viewer.user.role} ${q}`).toEqual(want);
        expect(await matching(viewer, q, "index"), `index ${viewer.user.role} ${q}`).toEqual(want);
        expect(await matching(viewer, q, "resolved"), `resolved ${viewer.user.role} ${q}`).toEqual(want);
      }
    }
  });

  it("looks rare text up by index and common text by walking the sort order, with the same page", async () => {
    expect(await searchStrategy(admin, "jamie@example.com")).toBe("index");
    expect((await resolveFilters(admin, { status: "all", q: "jamie@example.com" })).searchTerms).toEqual(["jamie@example.com"]);
    expect(await searchStrategy(admin, "ja")).toBe("walk"); // too short for trigrams
    expect(await searchStrategy(admin, "masterclass")).toBe("walk"); // a session name: every session of that type
    const page = await listSessions(admin, listSessionsQuerySchema.parse({ q: "jamie@example.com" }), { now: NOW });
    expect(page.sessions.map((session) => session.uuid)).toEqual([sessions[0].uuid, sessions[2].uuid]);
  });
});
