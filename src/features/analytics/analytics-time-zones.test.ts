import { beforeEach, describe, expect, it } from "vitest";
import { getDb, schema } from "@/lib/db";
import { createUser } from "../../../tests/helpers/users";
import { resolvePeriod, scopeFilters } from "./analytics-filters";
import { getTimeSlots } from "./get-time-slots";
import { getTrends } from "./get-trends";
import { getUtilization } from "./get-utilization";
import { offeredMinutes } from "./offered-minutes";
import { insertOneOnOne, resetAnalyticsTables } from "./testing/analytics-fixtures";

const NOW = new Date("2026-06-01T00:00:00Z");
let coach: { id: string };

function adminFilters(timeZone: string, query: { from: string; to: string; bucket?: "day" | "week" | "month"; coach?: string }) {
  return scopeFilters({ id: "admin", role: "admin", timeZone }, "any", query, { now: NOW });
}

beforeEach(async () => {
  await resetAnalyticsTables();
  coach = await createUser({ email: "tz.coach@example.com", role: "coach", name: "Zone Coach" });
});

describe("time zones in analytics", () => {
  it("puts a session at 23:30 UTC on the next day, and its hour, in Asia/Kolkata", async () => {
    await insertOneOnOne({ coachUserId: coach.id, start: "2026-03-09T23:30:00Z" });
    const kolkata = await getTrends(adminFilters("Asia/Kolkata", { from: "2026-03-09", to: "2026-03-10", bucket: "day" }));
    expect(kolkata.points).toEqual([
      { bucket: "2026-03-09", booked: 0, completed: 0, noShows: 0, canceled: 0, rescheduled: 0 },
      { bucket: "2026-03-10", booked: 1, completed: 1, noShows: 0, canceled: 0, rescheduled: 0 },
    ]);
    const utc = await getTrends(adminFilters("UTC", { from: "2026-03-09", to: "2026-03-10", bucket: "day" }));
    expect(utc.points.map((point) => point.booked)).toEqual([1, 0]);
    const slots = await getTimeSlots(adminFilters("Asia/Kolkata", { from: "2026-03-09", to: "2026-03-10" }));
    expect(slots.cells).toEqual([{ weekday: 2, hour: 5, sessions: 1 }]); // Tuesday 05:00 IST
  });

  it("splits sessions a minute apart around midnight in Asia/Kathmandu (+5:45) into their own day and hour", async () => {
    await insertOneOnOne({ coachUserId: coach.id, start: "2026-03-09T18:14:00Z" }); // Monday 23:59 NPT
    await insertOneOnOne({ coachUserId: coach.id, start: "2026-03-09T18:15:00Z" }); // Tuesday 00:00 NPT
    await insertOneOnOne({ coachUserId: coach.id, start: "2026-03-09T18:29:00Z" }); // Tuesday 00:14 NPT
    const days = await getTrends(adminFilters("Asia/Kathmandu", { from: "2026-03-09", to: "2026-03-10", bucket: "day" }));
    expect(days.points.map((point) => [point.bucket, point.booked])).toEqual([
      ["2026-03-09", 1],
      ["2026-03-10", 2],
    ]);
    const slots = await getTimeSlots(adminFilters("Asia/Kathmandu", { from: "2026-03-09", to: "2026-03-10" }));
    expect(slots.cells).toEqual([
      { weekday: 1, hour: 23, sessions: 1 },
      { weekday: 2, hour: 0, sessions: 2 },
    ]);
  });

  it("bounds the period by the viewer's local midnight", () => {
    const period = resolvePeriod({ from: "2026-03-10", to: "2026-03-10" }, "Asia/Kolkata");
    expect(period.start.toISOString()).toBe("2026-03-09T18:30:00.000Z");
    expect(period.end.toISOString()).toBe("2026-03-10T18:30:00.000Z");
    expect(period.previousStart.toISOString()).toBe("2026-03-08T18:30:00.000Z");
  });

  it("buckets weeks (Monday) and hours across the DST change in America/New_York", async () => {
    // DST starts Sunday 8 March 2026 at 02:00 in New York.
    await insertOneOnOne({ coachUserId: coach.id, start: "2026-03-07T15:00:00Z" }); // Sat 10:00 EST
    await insertOneOnOne({ coachUserId: coach.id, start: "2026-03-09T03:30:00Z" }); // Sun 8 Mar 23:30 EDT: week of 2 March
    await insertOneOnOne({ coachUserId: coach.id, start: "2026-03-09T04:30:00Z" }); // Mon 9 Mar 00:30 EDT: week of 9 March
    await insertOneOnOne({ coachUserId: coach.id, start: "2026-03-09T14:00:00Z" }); // Mon 10:00 EDT
    const weeks = await getTrends(adminFilters("America/New_York", { from: "2026-03-02", to: "2026-03-15", bucket: "week" }));
    expect(weeks.points.map((point) => [point.bucket, point.booked])).toEqual([
      ["2026-03-02", 2],
      ["2026-03-09", 2],
    ]);
    const days = await getTrends(adminFilters("America/New_York", { from: "2026-03-01", to: "2026-03-14", bucket: "day" }));
    expect(days.points).toHaveLength(14);
    expect(days.points.find((point) => point.bucket === "2026-03-08")?.booked).toBe(1);
    const slots = await getTimeSlots(adminFilters("America/New_York", { from: "2026-03-01", to: "2026-03-14" }));
    expect(slots.cells).toEqual([
      { weekday: 1, hour: 0, sessions: 1 },
      { weekday: 1, hour: 10, sessions: 1 },
      { weekday: 6, hour: 10, sessions: 1 },
      { weekday: 7, hour: 23, sessions: 1 },
    ]);
  });

  it("buckets months in the viewer's zone", async () => {
    await insertOneOnOne({ coachUserId: coach.id, start: "2026-03-31T23:30:00Z" }); // 1 April in Kolkata
    const months = await getTrends(adminFilters("Asia/Kolkata", { from: "2026-03-01", to: "2026-04-30", bucket: "month" }));
    expect(months.points.map((point) => [point.bucket, point.booked])).toEqual([
      ["2026-03-01", 0],
      ["2026-04-01", 1],
    ]);
  });
});

describe("utilization from an availability schedule in Europe/London", () => {
  // UK clocks go forward on Sunday 29 March 2026 (01:00 GMT → 02:00 BST).
  const schedule = {
    timeZone: "Europe/London",
    rules: [
      ...["monday", "tuesday", "wednesday", "thursday", "friday"].map((wday) => ({ type: "wday" as const, wday, intervals: [{ from: "09:00", to: "17:00" }] })),
      { type: "wday" as const, wday: "saturday", intervals: [] },
      { type: "wday" as const, wday: "sunday", intervals: [{ from: "00:00", to: "24:00" }] },
    ],
  };

  it("counts offered hours in the schedule's own zone across the DST change", () => {
    const start = new Date("2026-03-23T00:00:00Z");
    const end = new Date("2026-04-06T00:00:00Z");
    // 10 weekdays × 8 h + Sunday 29 March (23 h, the short day) + Sunday 5 April (24 h, all in BST).
    expect(offeredMinutes(schedule, start, end) / 60).toBe(80 + 23 + 24);
    // The weekday hours move with the clocks: Monday 30 March 09:00 BST is 08:00 UTC.
    expect(offeredMinutes(schedule, new Date("2026-03-30T08:00:00Z"), new Date("2026-03-30T09:00:00Z"))).toBe(60);
    expect(offeredMinutes(schedule, new Date("2026-03-23T08:00:00Z"), new Date("2026-03-23T09:00:00Z"))).toBe(0);
  });

  it("lets a date rule replace the weekday for that date", () => {
    const withHoliday = { ...schedule, rules: [...schedule.rules, { type: "date" as const, date: "2026-03-30", intervals: [] }] };
    expect(offeredMinutes(withHoliday, new Date("2026-03-30T00:00:00Z"), new Date("2026-03-31T00:00:00Z"))).toBe(0);
  });

  it("divides booked hours by offered hours per coach, leaving canceled and rescheduled sessions out", async () => {
    await getDb().insert(schema.availabilityScheduleCache).values({ uri: "https://api.calendly.test/schedules/london", coachUserId: coach.id, name: "Working hours", isDefault: true, ...schedule });
    await insertOneOnOne({ coachUserId: coach.id, start: "2026-03-24T10:00:00Z", minutes: 60 });
    await insertOneOnOne({ coachUserId: coach.id, start: "2026-03-31T08:00:00Z", minutes: 60 }, { noShow: true });
    await insertOneOnOne({ coachUserId: coach.id, start: "2026-03-25T10:00:00Z", minutes: 60, status: "canceled" });
    await insertOneOnOne({ coachUserId: coach.id, start: "2026-03-26T10:00:00Z", minutes: 60, status: "canceled", rescheduled: true });
    // The viewer picks 23 March – 5 April in London: the same instants as above.
    const result = await getUtilization(adminFilters("Europe/London", { from: "2026-03-23", to: "2026-04-05", coach: coach.id }));
    expect(result.coaches).toHaveLength(1);
    expect(result.coaches[0]).toMatchObject({ coachUserId: coach.id, bookedHours: 2, offeredHours: 127, sessions: 4, scheduleTimeZone: "Europe/London" });
    expect(result.coaches[0].utilization).toBeCloseTo(2 / 127, 10);
    expect(result.total.utilization).toBeCloseTo(2 / 127, 10);
  });

  it("shows no utilization (not 0%) for a coach without a cached schedule", async () => {
    const result = await getUtilization(adminFilters("UTC", { from: "2026-03-23", to: "2026-04-05", coach: coach.id }));
    expect(result.coaches[0]).toMatchObject({ offeredHours: null, utilization: null });
  });
});
