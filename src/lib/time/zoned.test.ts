import { DateTime } from "luxon";
import { describe, expect, it } from "vitest";
import { addDays, dateInZone, formatDate, formatInZone, isSameDay, isValidTimeZone, mondayOf, zonedParts } from "./zoned";

/** The browser formatter must print exactly what luxon printed before it replaced luxon in client components. */
const ZONES = [
  "UTC",
  "America/Chicago",
  "America/Los_Angeles",
  "America/New_York",
  "America/St_Johns",
  "America/Sao_Paulo",
  "America/Havana",
  "Europe/London",
  "Europe/Berlin",
  "Asia/Kolkata",
  "Asia/Kathmandu",
  "Asia/Tokyo",
  "Australia/Lord_Howe",
  "Pacific/Chatham",
  "Pacific/Kiritimati",
  "Pacific/Pago_Pago",
  "Etc/GMT+5",
  "UTC+3",
  "UTC-05:30",
  "utc",
  "gmt",
];

const PATTERNS = [
  "ccc d LLL, HH:mm",
  "ccc d LLL yyyy, HH:mm",
  "HH:mm",
  "d LLL",
  "d LLL yyyy",
  "ccc d LLL",
  "cccc d LLLL",
  "yyyy-MM",
  "ccc",
  "dd/LL/yyyy 'at' HH:mm",
];

/** Instants around DST changes and year ends, plus a deterministic spread over several years. */
function instants(): string[] {
  const fixed = [
    "2026-03-08T07:59:00.000Z",
    "2026-03-08T08:00:00.000Z",
    "2026-03-29T00:59:00.000Z",
    "2026-03-29T01:00:00.000Z",
    "2026-11-01T05:59:00.000Z",
    "2026-11-01T06:00:00.000Z",
    "2026-12-31T23:30:00.000Z",
    "2027-01-01T00:15:00.000Z",
    "2026-04-05T14:59:00.000Z",
    "2024-02-29T12:00:00.000Z",
  ];
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const spread = Array.from({ length: 150 }, () => new Date(Date.UTC(2023, 0, 1) + Math.floor(random() * 5 * 365 * 24 * 60) * 60_000).toISOString());
  return [...fixed, ...spread];
}

describe("zoned formatting matches luxon", () => {
  it("for every zone, instant and pattern in use", () => {
    const mismatches: string[] = [];
    for (const zone of ZONES) {
      for (const instant of instants()) {
        const reference = DateTime.fromISO(instant).setZone(zone);
        for (const pattern of PATTERNS) {
          const ours = formatInZone(instant, zone, pattern);
          const theirs = reference.toFormat(pattern);
          if (ours !== theirs) mismatches.push(`${zone} ${instant} "${pattern}": ${ours} ≠ ${theirs}`);
        }
      }
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
  });

  it("agrees on calendar days (luxon's hasSame(…, 'day') in one zone)", () => {
    const pairs = [
      ["2026-03-03T18:00:00.000Z", "2026-03-03T19:00:00.000Z"],
      ["2026-03-03T15:00:00.000Z", "2026-03-03T15:30:00.000Z"],
      ["2026-11-01T04:30:00.000Z", "2026-11-01T07:30:00.000Z"],
    ];
    for (const zone of ZONES) {
      for (const [start, end] of pairs) {
        const from = DateTime.fromISO(start).setZone(zone);
        const to = DateTime.fromISO(end).setZone(zone);
        expect(isSameDay(zonedParts(start, zone)!, zonedParts(end, zone)!), `${zone} ${start}`).toBe(from.hasSame(to, "day"));
      }
    }
  });

  it("accepts the zones luxon accepts", () => {
    for (const zone of [...ZONES, "Mars/Olympus", "", "UTC+", "America/Chicago ", "EST", "Etc/GMT-14", "utc+02:30"]) {
      expect(isValidTimeZone(zone), zone).toBe(DateTime.local().setZone(zone).isValid);
    }
    expect(isValidTimeZone(null)).toBe(false);
    expect(formatInZone("2026-03-03T15:00:00.000Z", "Mars/Olympus", "HH:mm")).toBe("Invalid DateTime");
    expect(formatInZone("not a date", "UTC", "HH:mm")).toBe(DateTime.fromISO("not a date").toFormat("HH:mm"));
  });
});

describe("calendar dates match luxon", () => {
  const dates = ["2026-03-02", "2026-03-08", "2026-02-28", "2024-02-29", "2026-12-31", "2027-01-03", "2026-10-25", "2026-11-01"];

  it("formats, adds days and finds the week's Monday", () => {
    for (const date of dates) {
      for (const pattern of ["d LLL", "d LLL yyyy", "ccc d LLL", "cccc d LLLL", "ccc", "yyyy-MM"]) {
        expect(formatDate(date, pattern), `${date} ${pattern}`).toBe(DateTime.fromISO(date).toFormat(pattern));
      }
      for (const days of [-7, -1, 1, 6, 7, 13, 40]) {
        expect(addDays(date, days), `${date} + ${days}`).toBe(DateTime.fromISO(date).plus({ days }).toISODate());
      }
      expect(mondayOf(date), date).toBe(DateTime.fromISO(date).startOf("week").toISODate());
      for (const zone of ["America/Havana", "Asia/Tokyo", "Pacific/Kiritimati"]) {
        expect(mondayOf(date), `${date} ${zone}`).toBe(DateTime.fromISO(date, { zone }).startOf("week").toISODate());
      }
    }
  });

  it("gives an instant's date in a zone", () => {
    for (const zone of ZONES) {
      for (const instant of instants().slice(0, 40)) {
        expect(dateInZone(zone, instant), `${zone} ${instant}`).toBe(DateTime.fromISO(instant).setZone(zone).toISODate());
      }
    }
    expect(dateInZone("UTC")).toBe(DateTime.now().setZone("UTC").toISODate());
  });
});

describe("the app's time formatters print what their luxon versions printed", () => {
  // The luxon implementations these modules had before they moved to Intl (kept here as the reference).
  const luxonRange = (startIso: string, endIso: string, zone: string, withYearWhenNotCurrent: boolean) => {
    const start = DateTime.fromISO(startIso, { zone });
    const end = DateTime.fromISO(endIso, { zone });
    const startFormat = withYearWhenNotCurrent && start.year !== DateTime.now().setZone(zone).year ? "ccc d LLL yyyy, HH:mm" : "ccc d LLL, HH:mm";
    const endText = start.hasSame(end, "day") ? end.toFormat("HH:mm") : end.toFormat("ccc d LLL, HH:mm");
    return `${start.toFormat(startFormat)}–${endText} (${zone})`;
  };
  const luxonValidZone = (zone: string) => (zone && DateTime.local().setZone(zone).isValid ? zone : "UTC");
  const luxonSessionTime = (start: string, end: string, timeZone: string) => {
    const zone = luxonValidZone(timeZone);
    const from = DateTime.fromJSDate(new Date(start)).setZone(zone);
    const to = DateTime.fromJSDate(new Date(end)).setZone(zone);
    return `${from.toFormat("ccc d LLL, HH:mm")}–${to.toFormat(from.hasSame(to, "day") ? "HH:mm" : "ccc d LLL, HH:mm")} (${zone})`;
  };

  it("sessions, invitees and notifications", async () => {
    const sessions = await import("@/features/sessions/components/format");
    const invitees = await import("@/features/invitees/format-invitee-time");
    const notifications = await import("@/features/notifications/format-session-time");
    const now = new Date();
    const starts = [...instants().slice(0, 60), new Date(now.getTime() + 86_400_000).toISOString()];
    for (const zone of [...ZONES, "Mars/Olympus"]) {
      for (const start of starts) {
        for (const minutes of [30, 90, 600]) {
          const end = new Date(new Date(start).getTime() + minutes * 60_000).toISOString();
          const label = `${zone} ${start} +${minutes}`;
          expect(sessions.formatSessionRange(start, end, zone), label).toBe(luxonRange(start, end, zone, true));
          expect(sessions.formatDateTime(start, zone), label).toBe(`${DateTime.fromISO(start, { zone }).toFormat("ccc d LLL yyyy, HH:mm")} (${zone})`);
          expect(invitees.formatSessionRange(start, end, zone), label).toBe(luxonRange(start, end, zone, false));
          expect(invitees.formatInstant(start, zone), label).toBe(`${DateTime.fromISO(start, { zone }).toFormat("ccc d LLL yyyy, HH:mm")} (${zone})`);
          expect(notifications.formatSessionTime(start, end, zone), label).toBe(luxonSessionTime(start, end, zone));
          expect(notifications.formatInstant(start, zone), label).toBe(`${DateTime.fromJSDate(new Date(start)).setZone(luxonValidZone(zone)).toFormat("ccc d LLL, HH:mm")} (${luxonValidZone(zone)})`);
        }
      }
      expect(notifications.validZone(zone)).toBe(luxonValidZone(zone));
    }
  });
});
