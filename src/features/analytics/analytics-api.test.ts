import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as authRoute from "@/app/api/auth/[...all]/route";
import * as dashboardRoute from "@/app/api/analytics/dashboard/route";
import * as filtersRoute from "@/app/api/analytics/filters/route";
import * as attendanceRoute from "@/app/api/analytics/attendance/route";
import * as refreshRoute from "@/app/api/analytics/availability-schedules/refresh/route";
import * as reportsRoute from "@/app/api/reports/attendance/route";
import { TestClient } from "../../../tests/helpers/http";
import { createUser } from "../../../tests/helpers/users";
import { insertOneOnOne, resetAnalyticsTables } from "./testing/analytics-fixtures";

type User = Awaited<ReturnType<typeof createUser>>;
let admin: User;
let coach: User;
let otherCoach: User;
let realtor: User;
let otherRealtor: User;

async function signedIn(user: User) {
  const client = new TestClient();
  const response = await client.call(authRoute.POST, {
    path: "/api/auth/sign-in/email",
    params: { all: ["sign-in", "email"] },
    body: { email: user.email, password: "sessionly-demo" },
  });
  expect(response.status).toBe(200);
  return client;
}

const PERIOD = "from=2026-03-01&to=2026-03-31";

describe("analytics API permissions", () => {
  beforeAll(async () => {
    admin = await createUser({ email: "api.admin@example.com", role: "admin" });
    coach = await createUser({ email: "api.coach@example.com", role: "coach", name: "Api Coach" });
    otherCoach = await createUser({ email: "api.other-coach@example.com", role: "coach", name: "Other Api Coach" });
    realtor = await createUser({ email: "api.realtor@example.com", role: "realtor", name: "Api Realtor" });
    otherRealtor = await createUser({ email: "api.other-realtor@example.com", role: "realtor", name: "Other Realtor" });
  });

  beforeEach(async () => {
    await resetAnalyticsTables();
    await insertOneOnOne({ coachUserId: coach.id, start: "2026-03-02T10:00:00Z" }, { realtorUserId: realtor.id });
    await insertOneOnOne({ coachUserId: coach.id, start: "2026-03-03T10:00:00Z" }, { realtorUserId: otherRealtor.id, noShow: true });
    await insertOneOnOne({ coachUserId: otherCoach.id, start: "2026-03-04T10:00:00Z" }, { realtorUserId: realtor.id });
    await insertOneOnOne({ coachUserId: otherCoach.id, start: "2026-03-05T10:00:00Z", status: "canceled" }, { realtorUserId: otherRealtor.id });
  });

  it("answers 401 to a signed-out caller on every route", async () => {
    const client = new TestClient();
    expect((await client.call(dashboardRoute.GET, { path: `/api/analytics/dashboard?${PERIOD}` })).status).toBe(401);
    expect((await client.call(filtersRoute.GET, { path: "/api/analytics/filters" })).status).toBe(401);
    expect((await client.call(attendanceRoute.GET, { path: `/api/analytics/attendance?${PERIOD}` })).status).toBe(401);
    expect((await client.call(reportsRoute.GET, { path: `/api/reports/attendance?${PERIOD}` })).status).toBe(401);
    expect((await client.call(refreshRoute.POST, { path: "/api/analytics/availability-schedules/refresh", body: {} })).status).toBe(401);
  });

  it("gives a coach their own numbers only, and 404 for another coach", async () => {
    const client = await signedIn(coach);
    const own = await client.call(dashboardRoute.GET, { path: `/api/analytics/dashboard?${PERIOD}` });
    expect(own.status).toBe(200);
    expect(own.json.kpis.current).toMatchObject({ booked: 2, completed: 1, noShows: 1 });
    expect(own.json.filters.coachUserId).toBe(coach.id);
    expect(own.json.utilization.coaches.map((row: { coachUserId: string }) => row.coachUserId)).toEqual([coach.id]);
    const other = await client.call(dashboardRoute.GET, { path: `/api/analytics/dashboard?${PERIOD}&coach=${otherCoach.id}` });
    expect(other.status).toBe(404);
    const filters = await client.call(filtersRoute.GET, { path: "/api/analytics/filters" });
    expect(filters.json.coaches).toEqual([{ id: coach.id, name: "Api Coach" }]);
    const report = await client.call(reportsRoute.GET, { path: `/api/reports/attendance?${PERIOD}&by=realtor` });
    expect(report.status).toBe(200);
    expect(report.json.rows.map((row: { userId: string }) => row.userId).sort()).toEqual([realtor.id, otherRealtor.id].sort());
    const refreshOther = await client.call(refreshRoute.POST, { path: "/api/analytics/availability-schedules/refresh", body: { coachUserId: otherCoach.id } });
    expect(refreshOther.status).toBe(404);
  });

  it("gives an admin everything, with a coach filter", async () => {
    const client = await signedIn(admin);
    const all = await client.call(dashboardRoute.GET, { path: `/api/analytics/dashboard?${PERIOD}` });
    expect(all.status).toBe(200);
    expect(all.json.kpis.current).toMatchObject({ booked: 4, canceled: 1 });
    const one = await client.call(dashboardRoute.GET, { path: `/api/analytics/dashboard?${PERIOD}&coach=${otherCoach.id}` });
    expect(one.json.kpis.current).toMatchObject({ booked: 2, canceledByInvitee: 1 });
    const byCoach = await client.call(attendanceRoute.GET, { path: `/api/analytics/attendance?${PERIOD}&by=coach` });
    expect(byCoach.json.total).toBe(2);
  });

  it("shows a realtor their own attendance only, and no dashboard or reports", async () => {
    const client = await signedIn(realtor);
    expect((await client.call(dashboardRoute.GET, { path: `/api/analytics/dashboard?${PERIOD}` })).status).toBe(403);
    const own = await client.call(attendanceRoute.GET, { path: `/api/analytics/attendance?${PERIOD}` });
    expect(own.status).toBe(200);
    expect(own.json.rows).toEqual([expect.objectContaining({ userId: realtor.id, booked: 2, attended: 2, noShows: 0 })]);
    expect((await client.call(attendanceRoute.GET, { path: `/api/analytics/attendance?${PERIOD}&by=coach` })).status).toBe(403);
    expect((await client.call(reportsRoute.GET, { path: `/api/reports/attendance?${PERIOD}` })).status).toBe(403);
    expect((await client.call(refreshRoute.POST, { path: "/api/analytics/availability-schedules/refresh", body: {} })).status).toBe(403);
    const filters = await client.call(filtersRoute.GET, { path: "/api/analytics/filters" });
    expect(filters.json).toEqual({ coaches: [], eventTypes: [] });
  });

  it("rejects invalid input with field messages", async () => {
    const client = await signedIn(admin);
    const badDate = await client.call(dashboardRoute.GET, { path: "/api/analytics/dashboard?from=March" });
    expect(badDate.status).toBe(400);
    expect(badDate.json.error.fields).toHaveProperty("from");
    const reversed = await client.call(dashboardRoute.GET, { path: "/api/analytics/dashboard?from=2026-03-10&to=2026-03-01" });
    expect(reversed.status).toBe(400);
    const tooLong = await client.call(dashboardRoute.GET, { path: "/api/analytics/dashboard?from=2020-01-01&to=2026-03-01" });
    expect(tooLong.status).toBe(400);
    const badBucket = await client.call(dashboardRoute.GET, { path: "/api/analytics/dashboard?bucket=year" });
    expect(badBucket.status).toBe(400);
    const badLimit = await client.call(attendanceRoute.GET, { path: `/api/analytics/attendance?${PERIOD}&limit=0` });
    expect(badLimit.status).toBe(400);
  });

  it("pages the attendance report and exports it as CSV", async () => {
    const client = await signedIn(admin);
    const first = await client.call(attendanceRoute.GET, { path: `/api/analytics/attendance?${PERIOD}&limit=1` });
    expect(first.json).toMatchObject({ total: 2, limit: 1, offset: 0 });
    expect(first.json.rows).toHaveLength(1);
    const past = await client.call(attendanceRoute.GET, { path: `/api/analytics/attendance?${PERIOD}&limit=1&offset=5` });
    expect(past.json.rows).toEqual([]);
    const csv = await client.call(reportsRoute.GET, { path: `/api/reports/attendance?${PERIOD}&by=realtor&format=csv` });
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/text\/csv/);
    expect(csv.headers.get("content-disposition")).toMatch(/attendance-by-realtor-2026-03-01-to-2026-03-31\.csv/);
    const lines = csv.text.trim().split("\r\n");
    expect(lines[0]).toBe("Realtor,Email,Booked,Attended,No-shows,Canceled,Rescheduled,Upcoming,Attendance rate (%),Period,Time zone");
    expect(lines).toHaveLength(3);
    expect(csv.text).toContain("Api Realtor,api.realtor@example.com,2,2,0,0,0,0,100.0,2026-03-01 to 2026-03-31,UTC");
  });
});
