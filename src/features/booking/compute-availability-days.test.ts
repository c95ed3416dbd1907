import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { computeAvailabilityDays, mondayOf, rangeBounds, statusFor, unionHours, DEFAULT_THRESHOLDS } from "./compute-availability-days";

const NOW = new Date("2027-01-01T00:00:00Z");
const slot = (start: string, remaining = 1) => ({ start, remaining });

describe("days, hours and status of open times", () => {
  it("America/New_York spring-forward week: the Sunday is 23 hours and times keep their local wall clock", () => {
    // DST starts Sunday 14 March 2027 at 02:00 local.
    const days = computeAvailabilityDays({
      slots: [slot("2027-03-14T06:30:00Z"), slot("2027-03-14T07:00:00Z"), slot("2027-03-13T14:00:00Z"), slot("2027-03-15T13:00:00Z")],
      durationMinutes: 30,
      timeZone: "America/New_York",
      fromDate: "2027-03-08",
      toDate: "2027-03-14",
      now: NOW,
    });
    expect(days.map((day) => day.date)).toEqual(["2027-03-08", "2027-03-09", "2027-03-10", "2027-03-11", "2027-03-12", "2027-03-13", "2027-03-14"]);
    expect(days.map((day) => day.weekday)).toEqual(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]);
    const sunday = days[6];
    expect(sunday.dayHours).toBe(23);
    expect(sunday.slots.map((item) => item.time)).toEqual(["01:30", "03:00"]);
    expect(sunday.openHours).toBe(1); // two separate half hours
    expect(days[5].slots.map((item) => item.time)).toEqual(["09:00"]); // EST: 14:00Z
    // Monday 15 March (EDT) is outside the week.
    expect(days.flatMap((day) => day.slots).length).toBe(3);
    expect(mondayOf("2027-03-14", "America/New_York")).toBe("2027-03-08");
    const bounds = rangeBounds("2027-03-08", "2027-03-14", "America/New_York");
    expect(bounds.start.toISOString()).toBe("2027-03-08T05:00:00.000Z");
    expect(bounds.end.toISOString()).toBe("2027-03-15T04:00:00.000Z");
  });

  it("Europe/London fall-back week: the Sunday is 25 hours and 01:30 happens twice", () => {
    // BST ends Sunday 25 October 2026 at 02:00 local (01:00 UTC).
    const days = computeAvailabilityDays({
      slots: [slot("2026-10-25T00:30:00Z"), slot("2026-10-25T01:30:00Z"), slot("2026-10-19T08:00:00Z")],
      durationMinutes: 60,
      timeZone: "Europe/London",
      fromDate: "2026-10-19",
      toDate: "2026-10-25",
      now: new Date("2026-10-01T00:00:00Z"),
    });
    const sunday = days[6];
    expect(sunday.date).toBe("2026-10-25");
    expect(sunday.dayHours).toBe(25);
    expect(sunday.slots.map((item) => item.time)).toEqual(["01:30", "01:30"]);
    expect(sunday.openHours).toBe(2);
    expect(days[0].slots[0].time).toBe("09:00"); // BST: 08:00Z
    const bounds = rangeBounds("2026-10-19", "2026-10-25", "Europe/London");
    expect((bounds.end.getTime() - bounds.start.getTime()) / 3_600_000).toBe(7 * 24 + 1);
  });

  it("Asia/Kolkata: the half-hour offset moves a slot across midnight", () => {
    const days = computeAvailabilityDays({
      slots: [slot("2027-03-09T18:29:00Z"), slot("2027-03-09T18:30:00Z"), slot("2027-03-10T04:30:00Z")],
      durationMinutes: 30,
      timeZone: "Asia/Kolkata",
      fromDate: "2027-03-09",
      toDate: "2027-03-10",
      now: NOW,
    });
    expect(days[0].slots.map((item) => item.time)).toEqual(["23:59"]);
    expect(days[1].slots.map((item) => item.time)).toEqual(["00:00", "10:00"]);
    expect(days[1].slots.map((item) => item.timeOfDay)).toEqual(["morning", "morning"]);
  });

  it("keeps one slot when two Calendly windows both return their boundary time, however it is spelled", () => {
    // Calendly writes microseconds; a window boundary may come back from both windows, once with an offset.
    const days = computeAvailabilityDays({
      slots: [
        slot("2027-03-10T06:00:00.000000Z", 3),
        slot("2027-03-10T00:00:00-06:00", 3),
        slot("2027-03-10T06:00:00Z", 3),
        slot("2027-03-10T15:45:00.000000Z", 2),
        slot("not a time"),
      ],
      durationMinutes: 45,
      timeZone: "America/Chicago",
      fromDate: "2027-03-10",
      toDate: "2027-03-10",
      now: NOW,
    });
    expect(days[0].slots).toEqual([
      { start: "2027-03-10T06:00:00.000Z", end: "2027-03-10T06:45:00.000Z", time: "00:00", timeOfDay: "morning", remaining: 3 },
      { start: "2027-03-10T15:45:00.000Z", end: "2027-03-10T16:30:00.000Z", time: "09:45", timeOfDay: "morning", remaining: 2 },
    ]);
    expect(days[0].openHours).toBe(1.5);
  });

  it("places every slot on the viewer's day and wall clock as luxon does, across a year of clock changes", () => {
    // A pseudo-random start every ~7 hours over 2027, in zones with DST, half/quarter-hour offsets and a 30-minute DST.
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const starts: string[] = [];
    for (let ms = Date.parse("2027-01-01T00:00:00Z"); ms < Date.parse("2028-01-01T00:00:00Z"); ms += 60_000 + Math.floor(next() * 14 * 3_600_000)) {
      starts.push(new Date(ms - (ms % 60_000)).toISOString());
    }
    for (const zone of ["America/New_York", "Europe/London", "Asia/Kolkata", "Asia/Kathmandu", "Australia/Lord_Howe", "America/Santiago", "Pacific/Chatham"]) {
      const days = computeAvailabilityDays({
        slots: starts.map((start) => slot(start)),
        durationMinutes: 30,
        timeZone: zone,
        fromDate: "2027-01-02",
        toDate: "2027-12-30",
        now: new Date("2026-01-01T00:00:00Z"),
      });
      const placed = days.flatMap((day) => day.slots.map((item) => `${item.start} ${day.date} ${item.time}`));
      const expected = starts
        .map((start) => ({ start, local: DateTime.fromISO(start, { zone }) }))
        .filter(({ local }) => local.toISODate()! >= "2027-01-02" && local.toISODate()! <= "2027-12-30")
        .map(({ start, local }) => `${start} ${local.toISODate()} ${local.toFormat("HH:mm")}`);
      expect(placed, zone).toEqual(expected);
      expect(days.map((day) => day.weekday), zone).toEqual(days.map((day) => DateTime.fromISO(day.date, { zone }).toFormat("ccc")));
    }
  });

  it("counts overlapping increments once and filters by time of day and minimum slots", () => {
    const slots = ["14:00", "14:15", "14:30", "17:00", "20:00"].map((time) => slot(`2027-03-09T${time}:00Z`));
    const all = computeAvailabilityDays({ slots, durationMinutes: 30, timeZone: "UTC", fromDate: "2027-03-09", toDate: "2027-03-09", now: NOW });
    expect(all[0].openHours).toBe(2); // 14:00–15:00, 17:00–17:30, 20:00–20:30
    expect(all[0].status).toBe("available");
    const afternoon = computeAvailabilityDays({ slots, durationMinutes: 30, timeZone: "UTC", fromDate: "2027-03-09", toDate: "2027-03-09", timeOfDay: ["afternoon"], minSlots: 4, now: NOW });
    expect(afternoon[0].slots.map((item) => item.time)).toEqual(["14:00", "14:15", "14:30"]);
    expect(afternoon[0].meetsMinimum).toBe(false);
    expect(afternoon[0].status).toBe("limited");
    const evening = computeAvailabilityDays({ slots, durationMinutes: 30, timeZone: "UTC", fromDate: "2027-03-09", toDate: "2027-03-09", timeOfDay: ["evening"], now: NOW });
    expect(evening[0].slots.map((item) => item.time)).toEqual(["17:00", "20:00"]);
  });

  it("tells fully booked from unavailable, marks past days, and honours custom thresholds", () => {
    const booked = [{ start: "2027-03-09T14:00:00Z", end: "2027-03-09T15:30:00Z" }];
    const days = computeAvailabilityDays({ slots: [], durationMinutes: 30, timeZone: "UTC", fromDate: "2027-03-09", toDate: "2027-03-10", booked, now: NOW });
    expect(days.map((day) => [day.status, day.bookedHours])).toEqual([["fully_booked", 1.5], ["unavailable", 0]]);
    const past = computeAvailabilityDays({ slots: [slot("2027-03-09T14:00:00Z")], durationMinutes: 30, timeZone: "UTC", fromDate: "2027-03-09", toDate: "2027-03-09", now: new Date("2027-03-10T00:00:00Z") });
    expect(past[0].status).toBe("unavailable");
    expect(statusFor({ openHours: 3, slotCount: 6, bookedHours: 0, past: false }, DEFAULT_THRESHOLDS)).toBe("available");
    expect(statusFor({ openHours: 3, slotCount: 6, bookedHours: 0, past: false }, { limitedBelowHours: 4, limitedBelowSlots: 1 })).toBe("limited");
    expect(unionHours([[0, 3_600_000], [1_800_000, 5_400_000], [7_200_000, 9_000_000]])).toBe(2);
  });
});
