import { describe, expect, it } from "vitest";
import { offeredMinutes, offeredMinutesByLuxon, type ScheduleForOffer } from "./offered-minutes";

// offeredMinutes skips luxon on days far from an offset change; it must give exactly what the day-by-day luxon walk
// gives, in zones with DST at 02:00, at midnight, by 30 minutes, with Ramadan suspensions, and without DST.
const ZONES = [
  "UTC",
  "America/New_York",
  "Europe/London",
  "Asia/Kathmandu",
  "Australia/Lord_Howe",
  "Pacific/Chatham",
  "America/Santiago",
  "America/Asuncion",
  "America/Havana",
  "Africa/Casablanca",
];

const weekdays = (intervals: Array<{ from: string; to: string }>, days = 5): ScheduleForOffer["rules"] =>
  ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].map((wday, index) => ({ type: "wday", wday, intervals: index < days ? intervals : [] }));

const SCHEDULES: Array<ScheduleForOffer["rules"]> = [
  weekdays([{ from: "09:00", to: "17:00" }]),
  weekdays([{ from: "00:00", to: "24:00" }], 7),
  weekdays([{ from: "00:00", to: "01:30" }, { from: "01:30", to: "03:00" }, { from: "23:00", to: "24:00" }], 7),
  [...weekdays([{ from: "08:30", to: "12:00" }, { from: "13:00", to: "18:45" }], 6), { type: "date", date: "2026-03-29", intervals: [{ from: "00:00", to: "24:00" }] }, { type: "date", date: "2026-11-01", intervals: [] }],
  weekdays([{ from: "9:00", to: "17:00" }, { from: "20:00", to: "24:30" }], 7),
];

/** A small seeded generator, so a failure names a reproducible case. */
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

describe("offeredMinutes", () => {
  it("equals the day-by-day luxon walk across DST changes in many zones", () => {
    const next = random(7);
    const ranges: Array<[Date, Date]> = [
      [new Date("2026-03-27T00:00:00Z"), new Date("2026-04-06T00:00:00Z")],
      [new Date("2026-10-23T11:00:00Z"), new Date("2026-11-10T11:00:00Z")],
    ];
    for (let index = 0; index < 3; index++) {
      const start = Date.UTC(2025, 0, 1) + Math.floor(next() * 4 * 365 * 86_400_000);
      ranges.push([new Date(start), new Date(start + Math.floor(next() * 40 * 86_400_000))]);
    }
    // A year and more between odd instants, with the schedules whose days start or end at midnight.
    const long: [Date, Date] = [new Date("2025-12-31T22:17:31.250Z"), new Date("2027-01-02T03:05:07.125Z")];
    for (const timeZone of ZONES) {
      for (const [index, rules] of SCHEDULES.entries()) {
        for (const [start, end] of index === 1 || index === 2 ? [...ranges, long] : ranges) {
          const schedule = { timeZone, rules };
          expect(offeredMinutes(schedule, start, end), `${timeZone} ${start.toISOString()}–${end.toISOString()} ${JSON.stringify(rules[0])}`).toBe(
            offeredMinutesByLuxon(schedule, start, end),
          );
        }
      }
    }
  });

  it("offers nothing for an empty or reversed period, or an unknown zone", () => {
    const schedule = { timeZone: "Europe/London", rules: SCHEDULES[0] };
    expect(offeredMinutes(schedule, new Date("2026-03-02T00:00:00Z"), new Date("2026-03-02T00:00:00Z"))).toBe(0);
    expect(offeredMinutes(schedule, new Date("2026-03-03T00:00:00Z"), new Date("2026-03-02T00:00:00Z"))).toBe(0);
    expect(offeredMinutes({ ...schedule, timeZone: "Mars/Olympus_Mons" }, new Date("2026-03-02T00:00:00Z"), new Date("2026-03-09T00:00:00Z"))).toBe(0);
    expect(offeredMinutesByLuxon({ ...schedule, timeZone: "Mars/Olympus_Mons" }, new Date("2026-03-02T00:00:00Z"), new Date("2026-03-09T00:00:00Z"))).toBe(0);
  });
});
