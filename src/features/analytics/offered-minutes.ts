import { DateTime, IANAZone } from "luxon";

/**
 * Minutes a Calendly availability schedule offers between two instants, walked day by day in the schedule's own time
 * zone: a date rule replaces the weekday rule for that date, and each interval becomes real instants (so a 09:00–17:00
 * day is 8 hours on either side of a DST change, and a 00:00–24:00 day is 23 or 25 hours on the change itself).
 *
 * Speed (admin utilization: one call per coach, up to three years of days each): luxon takes ~0.2 ms per day, so days
 * far from any offset change of the zone are done with integer arithmetic on the day's fixed offset, and only the days
 * near a change go through luxon (`addDay`, the reference definition). The zone's changes are found once per
 * zone and range (weekly samples, then bisection), assuming no zone changes its offset twice within a week.
 */
export interface ScheduleForOffer {
  timeZone: string;
  rules: Array<{ type: "wday" | "date"; wday?: string; date?: string; intervals: Array<{ from: string; to: string }> }>;
}

type Rule = ScheduleForOffer["rules"][number];

const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const MINUTE = 60_000;
const DAY = 86_400_000;
/**
 * A day is done by luxon when an offset change falls within [midnight − 1 day, midnight + 2 days] of its local midnight
 * read as UTC: a local day (with its 24:00) lies within [midnight − 14 h, midnight + 38 h] in real time.
 */
const NEAR_BEFORE = DAY;
const NEAR_AFTER = 2 * DAY;

function atClock(day: DateTime, clock: string): DateTime {
  const [hour, minute] = clock.split(":").map(Number);
  if (hour === 24) return day.plus({ days: 1 }).startOf("day");
  return day.set({ hour, minute, second: 0, millisecond: 0 });
}

/** The reference: one local day (its start of day in the zone) through luxon, added to `total` interval by interval. */
function addDay(total: number, day: DateTime, rule: Rule | undefined, startMillis: number, endMillis: number): number {
  for (const interval of rule?.intervals ?? []) {
    const from = Math.max(atClock(day, interval.from).toMillis(), startMillis);
    const to = Math.min(atClock(day, interval.to).toMillis(), endMillis);
    if (to > from) total += (to - from) / 60_000;
  }
  return total;
}

/** Minutes after local midnight of a plain "HH:MM" (24:xx is the next midnight, as in `atClock`), else null. */
function clockMinutes(clock: string): number | null {
  const match = /^(\d{2}):(\d{2})$/.exec(clock);
  if (!match) return null;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (hour === 24) return 24 * 60;
  return hour < 24 && minute < 60 ? hour * 60 + minute : null;
}

/** What every schedule in one zone over one period shares (utilization asks for many coaches at once). */
interface ZonePeriod {
  firstDay: DateTime;
  lastDay: DateTime;
  /** Offset (minutes) from `from` on, ascending; the first entry holds from the start of the range. */
  segments: Array<{ from: number; offset: number }>;
  /** Luxon's instants of the days near an offset change, by "date|clock". */
  instants: Map<string, number>;
}

const zonePeriods = new Map<string, ZonePeriod | null>();

function zonePeriod(zone: string, start: Date, end: Date): ZonePeriod | null {
  const key = `${zone}|${start.getTime()}|${end.getTime()}`;
  if (zonePeriods.has(key)) return zonePeriods.get(key)!;
  const firstDay = DateTime.fromJSDate(start, { zone }).startOf("day");
  const lastDay = DateTime.fromJSDate(end, { zone }).startOf("day");
  const ianaZone = IANAZone.create(zone);
  const period =
    firstDay.isValid && lastDay.isValid && ianaZone.isValid
      ? { firstDay, lastDay, segments: offsetSegments(ianaZone, start.getTime() - 3 * DAY, end.getTime() + 3 * DAY), instants: new Map<string, number>() }
      : null;
  if (zonePeriods.size >= 256) zonePeriods.clear();
  zonePeriods.set(key, period);
  return period;
}

/** The zone's offsets over [fromMillis, toMillis]: sampled weekly, each change bisected to the minute. */
function offsetSegments(zone: IANAZone, fromMillis: number, toMillis: number): ZonePeriod["segments"] {
  const segments = [{ from: -Infinity, offset: zone.offset(fromMillis) }];
  let previous = fromMillis;
  let previousOffset = segments[0].offset;
  while (previous < toMillis) {
    const at = Math.min(previous + 7 * DAY, toMillis);
    const offset = zone.offset(at);
    if (offset !== previousOffset) {
      let low = previous;
      let high = at;
      while (high - low > MINUTE) {
        const middle = Math.floor((low + high) / 2);
        if (zone.offset(middle) === previousOffset) low = middle;
        else high = middle;
      }
      segments.push({ from: high, offset });
    }
    previous = at;
    previousOffset = offset;
  }
  return segments;
}

export function offeredMinutes(schedule: ScheduleForOffer, start: Date, end: Date): number {
  if (end <= start) return 0;
  const zone = schedule.timeZone;
  const dateRules = new Map<string, Rule>();
  const weekdayRules = new Map<string, Rule>();
  for (const rule of schedule.rules) {
    if (rule.type === "date" && rule.date) dateRules.set(rule.date, rule);
    if (rule.type === "wday" && rule.wday) weekdayRules.set(rule.wday, rule);
  }
  const startMillis = start.getTime();
  const endMillis = end.getTime();
  const period = zonePeriod(zone, start, end);
  if (!period) return 0;
  const { firstDay, lastDay, segments } = period;
  const changes = segments.slice(1).map((segment) => segment.from);
  const firstWall = Date.UTC(firstDay.year, firstDay.month - 1, firstDay.day);
  const lastWall = Date.UTC(lastDay.year, lastDay.month - 1, lastDay.day);
  let total = 0;
  let segment = 0;
  let change = 0;
  // Each rule's intervals as minutes after midnight, or null when a clock is not a plain "HH:MM" (luxon reads it).
  const clocksOf = new Map<Rule, Array<[number, number]> | null>();
  for (const rule of schedule.rules) {
    const clocks = (rule.intervals ?? []).map((interval) => [clockMinutes(interval.from), clockMinutes(interval.to)]);
    clocksOf.set(rule, clocks.every(([from, to]) => from !== null && to !== null) ? (clocks as Array<[number, number]>) : null);
  }
  for (let wall = firstWall, weekday = (new Date(firstWall).getUTCDay() + 6) % 7; wall <= lastWall; wall += DAY, weekday = (weekday + 1) % 7) {
    const isoDate = dateRules.size ? new Date(wall).toISOString().slice(0, 10) : "";
    const rule = (dateRules.size ? dateRules.get(isoDate) : undefined) ?? weekdayRules.get(WEEKDAYS[weekday]);
    if (!rule?.intervals?.length) continue;
    while (change < changes.length && changes[change] < wall - NEAR_BEFORE) change++;
    const nearChange = change < changes.length && changes[change] <= wall + NEAR_AFTER;
    const clocks = nearChange ? null : clocksOf.get(rule);
    if (!clocks) {
      total = addDayCached(total, period, zone, wall, isoDate || new Date(wall).toISOString().slice(0, 10), rule, startMillis, endMillis);
      continue;
    }
    // No offset change near this day: its midnight exists and the offset is fixed across it.
    while (segment + 1 < segments.length && segments[segment + 1].from <= wall) segment++;
    const dayStart = wall - segments[segment].offset * MINUTE;
    for (const [fromClock, toClock] of clocks) {
      const from = Math.max(dayStart + fromClock * MINUTE, startMillis);
      const to = Math.min(dayStart + toClock * MINUTE, endMillis);
      if (to > from) total += (to - from) / 60_000;
    }
  }
  return total;
}

/** `addDay` for a day near an offset change, with luxon's instants kept per zone and period for the next schedule. */
function addDayCached(total: number, period: ZonePeriod, zone: string, wall: number, isoDate: string, rule: Rule, startMillis: number, endMillis: number): number {
  let day: DateTime | undefined;
  const instant = (clock: string): number => {
    const key = `${isoDate}|${clock}`;
    let value = period.instants.get(key);
    if (value === undefined) {
      // The day as the walk reaches it: a step of one day from the day before (on an ambiguous midnight, luxon keeps
      // the earlier offset this way, where parsing the date would pick the later one).
      day ??=
        wall === Date.UTC(period.firstDay.year, period.firstDay.month - 1, period.firstDay.day)
          ? period.firstDay
          : DateTime.fromISO(new Date(wall - DAY).toISOString().slice(0, 10), { zone }).startOf("day").plus({ days: 1 }).startOf("day");
      value = atClock(day, clock).toMillis();
      period.instants.set(key, value);
    }
    return value;
  };
  for (const interval of rule.intervals) {
    const from = Math.max(instant(interval.from), startMillis);
    const to = Math.min(instant(interval.to), endMillis);
    if (to > from) total += (to - from) / 60_000;
  }
  return total;
}

/** The day-by-day luxon walk `offeredMinutes` must equal (kept for its tests). */
export function offeredMinutesByLuxon(schedule: ScheduleForOffer, start: Date, end: Date): number {
  if (end <= start) return 0;
  const zone = schedule.timeZone;
  const dateRules = new Map<string, Rule>();
  const weekdayRules = new Map<string, Rule>();
  for (const rule of schedule.rules) {
    if (rule.type === "date" && rule.date) dateRules.set(rule.date, rule);
    if (rule.type === "wday" && rule.wday) weekdayRules.set(rule.wday, rule);
  }
  const startMillis = start.getTime();
  const endMillis = end.getTime();
  let total = 0;
  const lastDay = DateTime.fromJSDate(end, { zone }).startOf("day");
  for (let day = DateTime.fromJSDate(start, { zone }).startOf("day"); day <= lastDay; day = day.plus({ days: 1 }).startOf("day")) {
    const rule = dateRules.get(day.toISODate()!) ?? weekdayRules.get(WEEKDAYS[day.weekday - 1]);
    total = addDay(total, day, rule, startMillis, endMillis);
  }
  return total;
}
