import { DateTime } from "luxon";

/**
 * Turns Calendly's open start times into the days a viewer sees: calendar days in the viewer's zone (23 or 25 hours
 * long on DST changes), open start times per day, total available hours (the union of the slots' [start, end)
 * intervals, so overlapping 15-minute increments are not counted twice) and a status badge.
 */
export type TimeOfDay = "morning" | "afternoon" | "evening";
export type DayStatus = "available" | "limited" | "fully_booked" | "unavailable";

export const TIME_OF_DAY_HOURS: Record<TimeOfDay, { from: number; to: number; label: string }> = {
  morning: { from: 0, to: 12, label: "Morning (before 12:00)" },
  afternoon: { from: 12, to: 17, label: "Afternoon (12:00–17:00)" },
  evening: { from: 17, to: 24, label: "Evening (from 17:00)" },
};

export interface OpenSlot {
  /** UTC ISO start time. */
  start: string;
  /** Seats left (group event types). */
  remaining: number;
}

export interface StatusThresholds {
  /** A day with open time but fewer open hours than this is "limited". Default 2. */
  limitedBelowHours: number;
  /** A day with fewer open start times than this is "limited". Default 3. */
  limitedBelowSlots: number;
}

export const DEFAULT_THRESHOLDS: StatusThresholds = { limitedBelowHours: 2, limitedBelowSlots: 3 };

export interface ComputeDaysInput {
  slots: OpenSlot[];
  durationMinutes: number;
  timeZone: string;
  /** First and last calendar day (YYYY-MM-DD, in `timeZone`), inclusive. */
  fromDate: string;
  toDate: string;
  /** Booked sessions of the coach (UTC ISO): a day with no open time but bookings is "fully booked". */
  booked?: Array<{ start: string; end: string }>;
  timeOfDay?: TimeOfDay[];
  minSlots?: number;
  thresholds?: Partial<StatusThresholds>;
  /** Days ending before this instant are unavailable whatever Calendly says. */
  now?: Date;
}

export interface DaySlot {
  start: string;
  end: string;
  /** Local start in the viewer's zone, `HH:mm`. */
  time: string;
  timeOfDay: TimeOfDay;
  remaining: number;
}

export interface AvailabilityDay {
  date: string;
  /** `Mon`, `Tue`… */
  weekday: string;
  /** Length of the day in hours in this zone (23 / 24 / 25). */
  dayHours: number;
  slots: DaySlot[];
  openHours: number;
  bookedHours: number;
  status: DayStatus;
  /** False when `minSlots` asks for more open times than the day has (after the time-of-day filter). */
  meetsMinimum: boolean;
}

export function timeOfDayOf(local: DateTime): TimeOfDay {
  return timeOfDayAt(local.hour, local.minute);
}

function timeOfDayAt(localHour: number, localMinute: number): TimeOfDay {
  const hour = localHour + localMinute / 60;
  if (hour < TIME_OF_DAY_HOURS.morning.to) return "morning";
  if (hour < TIME_OF_DAY_HOURS.afternoon.to) return "afternoon";
  return "evening";
}

/** Total length in hours of the union of intervals (ms pairs). */
export function unionHours(intervals: Array<[number, number]>): number {
  const sorted = intervals.filter(([start, end]) => end > start).sort((a, b) => a[0] - b[0]);
  let total = 0;
  let currentStart = -Infinity;
  let currentEnd = -Infinity;
  for (const [start, end] of sorted) {
    if (start > currentEnd) {
      if (currentEnd > currentStart) total += currentEnd - currentStart;
      currentStart = start;
      currentEnd = end;
    } else if (end > currentEnd) {
      currentEnd = end;
    }
  }
  if (currentEnd > currentStart) total += currentEnd - currentStart;
  return Math.round((total / 3_600_000) * 100) / 100;
}

export function statusFor(day: { openHours: number; slotCount: number; bookedHours: number; past: boolean }, thresholds: StatusThresholds): DayStatus {
  if (day.past) return "unavailable";
  if (day.slotCount === 0) return day.bookedHours > 0 ? "fully_booked" : "unavailable";
  if (day.openHours < thresholds.limitedBelowHours || day.slotCount < thresholds.limitedBelowSlots) return "limited";
  return "available";
}

const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

export function computeAvailabilityDays(input: ComputeDaysInput): AvailabilityDay[] {
  const thresholds = { ...DEFAULT_THRESHOLDS, ...input.thresholds };
  const zone = input.timeZone;
  const first = DateTime.fromISO(input.fromDate, { zone }).startOf("day");
  const last = DateTime.fromISO(input.toDate, { zone }).startOf("day");
  if (!first.isValid || !last.isValid) throw new RangeError(`Invalid day range ${input.fromDate}..${input.toDate} in ${zone}`);
  const wanted = input.timeOfDay && input.timeOfDay.length > 0 ? new Set(input.timeOfDay) : null;
  const durationMs = input.durationMinutes * 60_000;
  const nowMs = (input.now ?? new Date()).getTime();

  // The viewer's days first (luxon, a few calls per day), then each slot placed by its instant: this runs on every
  // week view, cached or not (bench/availability), so a slot costs no zone conversion on an ordinary day.
  const frames: Array<{ date: string; weekday: string; start: number; end: number; ordinary: boolean; slots: DaySlot[] }> = [];
  for (let day = first; day <= last; ) {
    const next = day.plus({ days: 1 }).startOf("day");
    const start = day.toMillis();
    const end = next.toMillis();
    // No clock change inside: the wall clock is the time since midnight.
    const ordinary = end - start === 86_400_000 && day.offset === next.offset;
    frames.push({ date: day.toISODate()!, weekday: WEEKDAYS[day.weekday - 1], start, end, ordinary, slots: [] });
    day = next;
  }

  const instants = input.slots
    .map((slot) => ({ ms: Date.parse(slot.start), remaining: slot.remaining }))
    .filter((slot) => !Number.isNaN(slot.ms))
    .sort((a, b) => a.ms - b.ms);
  let frameIndex = 0;
  let previousMs = Number.NaN;
  for (const { ms, remaining } of instants) {
    // Two windows may both hold a slot on their boundary: keep one.
    if (ms === previousMs) continue;
    previousMs = ms;
    while (frameIndex < frames.length && frames[frameIndex].end <= ms) frameIndex++;
    const frame = frames[frameIndex];
    if (!frame || ms < frame.start) continue;
    let hour: number;
    let minute: number;
    if (frame.ordinary) {
      const minutes = Math.floor((ms - frame.start) / 60_000);
      hour = Math.floor(minutes / 60);
      minute = minutes % 60;
    } else {
      const local = DateTime.fromMillis(ms, { zone });
      hour = local.hour;
      minute = local.minute;
    }
    const timeOfDay = timeOfDayAt(hour, minute);
    if (wanted && !wanted.has(timeOfDay)) continue;
    frame.slots.push({
      start: new Date(ms).toISOString(),
      end: new Date(ms + durationMs).toISOString(),
      time: `${String(hour).padStart(2, "0")}:${String(minute).padStart(2, "0")}`,
      timeOfDay,
      remaining,
    });
  }

  const booked = (input.booked ?? []).map((booking) => [Date.parse(booking.start), Date.parse(booking.end)] as const);
  return frames.map(({ date, weekday, start: dayStart, end: dayEnd, slots }) => {
    const openHours = unionHours(slots.map((slot) => [Date.parse(slot.start), Date.parse(slot.end)]));
    const bookedHours = unionHours(booked.map(([start, end]) => [Math.max(start, dayStart), Math.min(end, dayEnd)]));
    const status = statusFor({ openHours, slotCount: slots.length, bookedHours, past: dayEnd <= nowMs }, thresholds);
    return {
      date,
      weekday,
      dayHours: (dayEnd - dayStart) / 3_600_000,
      slots,
      openHours,
      bookedHours,
      status,
      meetsMinimum: slots.length >= (input.minSlots ?? 0),
    };
  });
}

/** The Monday (YYYY-MM-DD) of the week holding `date` in `timeZone`. */
export function mondayOf(date: string, timeZone: string): string {
  return DateTime.fromISO(date, { zone: timeZone }).startOf("week").toISODate()!;
}

/** Today's date (YYYY-MM-DD) in a zone. */
export function todayIn(timeZone: string, now = new Date()): string {
  return DateTime.fromJSDate(now, { zone: timeZone }).toISODate()!;
}

/** The UTC instants bounding whole local days `fromDate`..`toDate` (inclusive) in a zone. */
export function rangeBounds(fromDate: string, toDate: string, timeZone: string): { start: Date; end: Date } {
  const start = DateTime.fromISO(fromDate, { zone: timeZone }).startOf("day");
  const end = DateTime.fromISO(toDate, { zone: timeZone }).plus({ days: 1 }).startOf("day");
  return { start: start.toJSDate(), end: end.toJSDate() };
}

export function isValidTimeZone(zone: string): boolean {
  return DateTime.local().setZone(zone).isValid;
}
