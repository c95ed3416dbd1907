import { sql } from "drizzle-orm";
import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as sessionInviteesRoute from "@/app/api/events/[uuid]/invitees/route";
import * as inviteesRoute from "@/app/api/invitees/route";
import * as attendanceRoute from "@/app/api/realtors/[userId]/attendance/route";
import { getDb } from "@/lib/db";
import { TestClient } from "../../../tests/helpers/http";
import { listInvitees } from "./list-invitees";
import { inviteeListQuerySchema } from "./invitee-list-query";
import { demoPeople, HOUR, seedInvitee, seedSession, signedIn, truncateInviteeTables } from "./testing/seed-invitees";

type People = Awaited<ReturnType<typeof demoPeople>>;
let people: People;
const clients: Record<string, TestClient> = {};

async function as(who: "admin" | "morgan" | "priya" | "lena" | "jamie" | "sam") {
  clients[who] ??= await signedIn(people[who].email);
  return clients[who];
}

beforeAll(async () => {
  people = await demoPeople();
});

describe("invitee lists: roles and ownership", () => {
  let morganGroup: Awaited<ReturnType<typeof seedSession>>;
  let priyaSession: Awaited<ReturnType<typeof seedSession>>;

  beforeEach(async () => {
    await truncateInviteeTables();
    morganGroup = await seedSession({ coachUserId: people.morgan.id, name: "Group Q&A", start: new Date(Date.now() - 3 * HOUR) });
    await seedInvitee({
      session: morganGroup,
      name: "Jamie Carter",
      email: "realtor.jamie@sessionly.test",
      realtorUserId: people.jamie.id,
      answers: [{ question: "Goal", answer: "Jamie's own goal", position: 0 }],
    });
    await seedInvitee({
      session: morganGroup,
      name: "Sam Patel",
      email: "realtor.sam@sessionly.test",
      realtorUserId: people.sam.id,
      timeZone: "Asia/Kolkata",
      answers: [{ question: "Goal", answer: "Sam's private answer", position: 0 }],
    });
    priyaSession = await seedSession({ coachUserId: people.priya.id, start: new Date(Date.now() - 30 * HOUR) });
    await seedInvitee({ session: priyaSession, name: "Sam Patel", email: "realtor.sam@sessionly.test", realtorUserId: people.sam.id });
  });

  const sessionPath = (uuid: string, query = "") => ({ path: `/api/events/${uuid}/invitees${query}`, params: { uuid } });

  it("answers 401 to a signed-out caller on every list route", async () => {
    const anonymous = new TestClient();
    expect((await anonymous.call(sessionInviteesRoute.GET, sessionPath(morganGroup.uuid))).status).toBe(401);
    expect((await anonymous.call(inviteesRoute.GET, { path: "/api/invitees" })).status).toBe(401);
    expect((await anonymous.call(attendanceRoute.GET, { path: `/api/realtors/${people.jamie.id}/attendance`, params: { userId: people.jamie.id } })).status).toBe(401);
  });

  it("shows a coach the invitees of their own session, with answers, and 404 for another coach's", async () => {
    const morgan = await as("morgan");
    const own = await morgan.call(sessionInviteesRoute.GET, sessionPath(morganGroup.uuid));
    expect(own.status).toBe(200);
    expect(own.json.invitees.map((invitee: { name: string }) => invitee.name).sort()).toEqual(["Jamie Carter", "Sam Patel"]);
    expect(JSON.stringify(own.json)).toContain("Sam's private answer");
    expect(own.json.invitees[0]).not.toHaveProperty("tracking");

    const foreign = await morgan.call(sessionInviteesRoute.GET, sessionPath(priyaSession.uuid));
    expect(foreign.status).toBe(404);
    const missing = await morgan.call(sessionInviteesRoute.GET, sessionPath("no-such-session"));
    expect(missing.status).toBe(404);
    expect(foreign.json.error.message).toBe(missing.json.error.message);
  });

  it("shows a realtor only their own record of their own session, never another invitee's answers", async () => {
    const jamie = await as("jamie");
    const own = await jamie.call(sessionInviteesRoute.GET, sessionPath(morganGroup.uuid));
    expect(own.status).toBe(200);
    expect(own.json.invitees).toHaveLength(1);
    expect(own.json.invitees[0]).toMatchObject({ name: "Jamie Carter", canMarkNoShow: false, canUnmarkNoShow: false });
    expect(JSON.stringify(own.json)).not.toContain("Sam's private answer");
    expect(JSON.stringify(own.json)).not.toContain("realtor.sam");

    // Filters and search never widen the scope.
    const searched = await jamie.call(inviteesRoute.GET, { path: "/api/invitees?q=sam&facets=1" });
    expect(searched.status).toBe(200);
    expect(searched.json.invitees).toEqual([]);
    expect(searched.json.timeZones).toEqual(["America/Chicago"]);

    expect((await jamie.call(sessionInviteesRoute.GET, sessionPath(priyaSession.uuid))).status).toBe(404);
  });

  it("shows a coach only their own sessions' invitees across sessions, and an admin everyone with a coach filter", async () => {
    const morgan = await as("morgan");
    const mine = await morgan.call(inviteesRoute.GET, { path: "/api/invitees" });
    expect(mine.json.invitees).toHaveLength(2);
    const sneaky = await morgan.call(inviteesRoute.GET, { path: `/api/invitees?coach=${people.priya.id}` });
    expect(sneaky.json.invitees).toEqual([]);

    const admin = await as("admin");
    expect((await admin.call(inviteesRoute.GET, { path: "/api/invitees" })).json.invitees).toHaveLength(3);
    const filtered = await admin.call(inviteesRoute.GET, { path: `/api/invitees?coach=${people.priya.id}` });
    expect(filtered.json.invitees).toHaveLength(1);
    expect(filtered.json.invitees[0].session.coachName).toBe("Priya Shah");
    expect((await admin.call(sessionInviteesRoute.GET, sessionPath(priyaSession.uuid))).status).toBe(200);
  });

  it("filters by status, no-show, rescheduled, time zone and name or email search", async () => {
    await seedInvitee({ session: morganGroup, name: "Casey Cancel", email: "casey@example.com", status: "canceled" });
    await seedInvitee({ session: morganGroup, name: "Nora Noshow", email: "nora@example.com", noShow: true });
    await seedInvitee({ session: morganGroup, name: "Remy Moved", email: "remy@example.com", status: "canceled", rescheduled: true });
    const morgan = await as("morgan");
    const names = async (query: string) =>
      (await morgan.call(inviteesRoute.GET, { path: `/api/invitees?${query}` })).json.invitees.map((invitee: { name: string }) => invitee.name).sort();
    expect(await names("status=canceled")).toEqual(["Casey Cancel", "Remy Moved"]);
    expect(await names("noShow=yes")).toEqual(["Nora Noshow"]);
    expect(await names("rescheduled=yes")).toEqual(["Remy Moved"]);
    expect(await names("timeZone=Asia%2FKolkata")).toEqual(["Sam Patel"]);
    expect(await names("q=NORA%40EXAMPLE")).toEqual(["Nora Noshow"]);
    expect(await names("q=100%25")).toEqual([]);
    const outcomes = (await morgan.call(inviteesRoute.GET, { path: "/api/invitees?status=canceled" })).json.invitees.map(
      (invitee: { name: string; outcome: string }) => `${invitee.name}:${invitee.outcome}`,
    );
    expect(outcomes.sort()).toEqual(["Casey Cancel:canceled", "Remy Moved:rescheduled"]);

    const tomorrow = await seedSession({ coachUserId: people.morgan.id, name: "Tomorrow", start: new Date(Date.now() + 24 * HOUR) });
    await seedInvitee({ session: tomorrow, name: "Ursula Upcoming", email: "ursula@example.com" });
    expect(await names("when=upcoming")).toEqual(["Ursula Upcoming"]);
    expect(await names("when=past&status=active&noShow=no")).toEqual(["Jamie Carter", "Sam Patel"]);
    expect((await morgan.call(inviteesRoute.GET, { path: "/api/invitees?when=later" })).status).toBe(400);
  });

  it("refuses invalid queries with field messages", async () => {
    const morgan = await as("morgan");
    const badLimit = await morgan.call(inviteesRoute.GET, { path: "/api/invitees?limit=0" });
    expect(badLimit.status).toBe(400);
    expect(badLimit.json.error.fields).toHaveProperty("limit");
    expect((await morgan.call(inviteesRoute.GET, { path: "/api/invitees?sort=email" })).status).toBe(400);
    expect((await morgan.call(inviteesRoute.GET, { path: "/api/invitees?after=not-a-cursor" })).status).toBe(400);
    expect((await morgan.call(inviteesRoute.GET, { path: "/api/invitees?after=a&before=b" })).status).toBe(400);
  });
});

describe("invitee lists: keyset pagination", () => {
  let session: Awaited<ReturnType<typeof seedSession>>;
  const seeded: string[] = [];

  beforeEach(async () => {
    await truncateInviteeTables();
    seeded.length = 0;
    session = await seedSession({ coachUserId: people.morgan.id, start: new Date(Date.now() - 2 * HOUR) });
    for (let index = 0; index < 47; index++) {
      // Groups of three share a timestamp (down to the microsecond) and names repeat, so ties are the norm.
      const micros = String(100000 + Math.floor(index / 3) * 7).padStart(6, "0");
      const invitee = await seedInvitee({
        session,
        name: `Realtor ${String.fromCharCode(65 + (index % 5))}`,
        email: `r${index}@example.com`,
        createdAt: `2026-06-01 10:00:00.${micros}+00`,
      });
      seeded.push(invitee.uuid);
    }
  });

  const query = (input: Record<string, string | number>) => inviteeListQuerySchema.parse(input);

  for (const sort of ["booked", "start", "name"] as const) {
    for (const dir of ["asc", "desc"] as const) {
      it(`walks every row exactly once by ${sort} ${dir}, forwards and back, while rows are inserted`, async () => {
        const viewer = { ...people.morgan, role: "coach" as const };
        const seen: string[] = [];
        const pages: string[][] = [];
        let after: string | null = null;
        let inserted = 0;
        do {
          const page = await listInvitees(viewer, "own", query({ sort, dir, limit: 10, ...(after ? { after } : {}) }));
          pages.push(page.invitees.map((invitee) => invitee.uuid));
          seen.push(...page.invitees.map((invitee) => invitee.uuid));
          after = page.nextCursor;
          // New bookings arrive between page loads, some sorting before and some after the current position.
          await seedInvitee({ session, name: `Realtor ${inserted % 2 ? "A" : "Z"}`, email: `new${inserted}@example.com`, createdAt: inserted % 2 ? "2026-01-01 00:00:00+00" : "2027-01-01 00:00:00+00" });
          inserted++;
        } while (after);
        expect(new Set(seen).size).toBe(seen.length);
        for (const uuid of seeded) expect(seen).toContain(uuid);

        // Backwards from the last page gives the same pages (rows inserted meanwhile may join, none repeat).
        const lastPage = await listInvitees(viewer, "own", query({ sort, dir, limit: 10 }));
        expect(lastPage.prevCursor).toBeNull();
        const second = await listInvitees(viewer, "own", query({ sort, dir, limit: 10, after: lastPage.nextCursor! }));
        const back = await listInvitees(viewer, "own", query({ sort, dir, limit: 10, before: second.prevCursor! }));
        expect(back.invitees.map((invitee) => invitee.uuid)).toEqual(lastPage.invitees.map((invitee) => invitee.uuid));
        expect(back.prevCursor).toBeNull();
      });
    }
  }

  it("refuses a cursor from another sort", async () => {
    const morgan = await as("morgan");
    const first = await morgan.call(inviteesRoute.GET, { path: "/api/invitees?sort=name&limit=5" });
    const mismatched = await morgan.call(inviteesRoute.GET, { path: `/api/invitees?sort=booked&limit=5&after=${first.json.nextCursor}` });
    expect(mismatched.status).toBe(400);
    expect(mismatched.json.error.message).toMatch(/sort changed/);
  });
});

describe("attendance history", () => {
  beforeEach(async () => {
    await truncateInviteeTables();
    const past = (hours: number) => new Date(Date.now() - hours * HOUR);
    const jamie = { name: "Jamie Carter", email: "realtor.jamie@sessionly.test", realtorUserId: people.jamie.id };
    for (const hours of [50, 100]) await seedInvitee({ session: await seedSession({ coachUserId: people.morgan.id, start: past(hours) }), ...jamie });
    await seedInvitee({ session: await seedSession({ coachUserId: people.morgan.id, start: past(70) }), ...jamie, noShow: true });
    await seedInvitee({ session: await seedSession({ coachUserId: people.morgan.id, start: past(90), status: "canceled" }), ...jamie, status: "canceled" });
    const newHalf = await seedSession({ coachUserId: people.morgan.id, start: new Date(Date.now() + 48 * HOUR) });
    const moved = await seedInvitee({ session: newHalf, ...jamie });
    await seedInvitee({
      session: await seedSession({ coachUserId: people.morgan.id, start: past(20), status: "canceled", rescheduled: true }),
      ...jamie,
      status: "canceled",
      rescheduled: true,
      newInviteeUri: moved.uri,
    });
    await seedInvitee({ session: await seedSession({ coachUserId: people.priya.id, start: past(10) }), ...jamie });
    // A sam booking on morgan's calendar makes sam a realtor morgan knows, but never leaks into jamie's history.
    await seedInvitee({ session: await seedSession({ coachUserId: people.morgan.id, start: past(5) }), name: "Sam", email: "realtor.sam@sessionly.test", realtorUserId: people.sam.id, noShow: true });
  });

  const path = (userId: string) => ({ path: `/api/realtors/${userId}/attendance`, params: { userId } });

  it("counts a coach's sessions with the realtor: reschedules and cancellations never count as no-shows", async () => {
    const response = await (await as("morgan")).call(attendanceRoute.GET, path(people.jamie.id));
    expect(response.status).toBe(200);
    const { attendance } = response.json;
    expect(attendance.counts).toEqual({ upcoming: 1, inProgress: 0, attended: 2, noShow: 1, canceled: 1, rescheduled: 1, total: 6 });
    expect(attendance.attendanceRate).toBeCloseTo(2 / 3);
    expect(attendance.noShowRate).toBeCloseTo(1 / 3);
    expect(attendance.history.map((entry: { outcome: string }) => entry.outcome)).toEqual(["upcoming", "rescheduled", "attended", "no_show", "canceled", "attended"]);
  });

  it("shows an admin every coach, a realtor only themselves, and 404 for someone else's realtor", async () => {
    const admin = await (await as("admin")).call(attendanceRoute.GET, path(people.jamie.id));
    expect(admin.json.attendance.counts.attended).toBe(3);
    const priya = await (await as("priya")).call(attendanceRoute.GET, path(people.jamie.id));
    expect(priya.json.attendance.counts).toMatchObject({ attended: 1, total: 1 });
    expect((await (await as("lena")).call(attendanceRoute.GET, path(people.jamie.id))).status).toBe(404);
    expect((await (await as("jamie")).call(attendanceRoute.GET, path(people.jamie.id))).status).toBe(200);
    expect((await (await as("sam")).call(attendanceRoute.GET, path(people.jamie.id))).status).toBe(404);
    expect((await (await as("admin")).call(attendanceRoute.GET, path(people.morgan.id))).status).toBe(404);
    expect((await (await as("admin")).call(attendanceRoute.GET, path("nobody"))).status).toBe(404);
  });

  it("keeps the DTO free of other realtors' bookings", async () => {
    const response = await (await as("morgan")).call(attendanceRoute.GET, path(people.jamie.id));
    expect(JSON.stringify(response.json)).not.toContain("realtor.sam");
    const count = await getDb().execute<{ n: number }>(sql`select count(*)::int as n from calendly_invitees`);
    expect(count.rows[0].n).toBe(8);
  });
});
