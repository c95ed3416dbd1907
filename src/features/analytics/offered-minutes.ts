import { DateTime } from "luxon";

/**
 * Minutes a Calendly availability schedule offers between two instants, walked day by day in the schedule's own time
 * zone: a date rule replaces the weekday rule for that date, and each interval becomes real instants (so a 09:00–17:00
 * day is 8 hours on either side of a DST change, and a 00:00–24:00 day is 23 or 25 hours on the change itself).
 */
export interface ScheduleForOffer {
  timeZone: string;
  rules: Array<{ type: "wday" | "date"; wday?: string; date?: string; intervals: Array<{ from: string; to: string }> }>;
}

const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

function atClock(day: DateTime, clock: string): DateTime {
  const [hour, minute] = clock.split(":").map(Number);
  if (hour === 24) return day.plus({ days: 1 }).startOf("day");
  return day.set({ hour, minute, second: 0, millisecond: 0 });
}

export function offeredMinutes(schedule: ScheduleForOffer, start: Date, end: Date): number {
  if (end <= start) return 0;
  const zone = schedule.timeZone;
  const dateRules = new Map<string, ScheduleForOffer["rules"][number]>();
  const weekdayRules = new Map<string, ScheduleForOffer["rules"][number]>();
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
    for (const interval of rule?.intervals ?? []) {
      const from = Math.max(atClock(day, interval.from).toMillis(), startMillis);
      const to = Math.min(atClock(day, interval.to).toMillis(), endMillis);
      if (to > from) total += (to - from) / 60_000;
    }
  }
  return total;
}
