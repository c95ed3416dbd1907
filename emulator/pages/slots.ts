// Open times for the booking pages, grouped by the viewer's local date: one month at a time, with the booking window
// (the event type's rolling period) and "first month with openings" lookup.
import { DateTime } from "luxon";
import { computeAvailableTimes } from "../core/available-times";
import { DAY_MS } from "../core/time";
import type { EventTypeRecord } from "../store/types";
import type { Runtime } from "../routes/types";

/** How far ahead the pages look when the event type has no rolling period. */
const UNLIMITED_HORIZON_DAYS = 365;

export interface MonthSlots {
  /** `YYYY-MM` in the viewer's zone. */
  month: string;
  /** Local date (`YYYY-MM-DD`) → slot starts (epoch ms), ascending. */
  days: Map<string, number[]>;
  /** Slot start → invitees remaining (more than 1 only for group event types). */
  remaining: Map<number, number>;
}

export function horizonDays(eventType: EventTypeRecord): number {
  return eventType.periodDays ?? UNLIMITED_HORIZON_DAYS;
}

export function monthStart(month: string, zone: string): DateTime {
  const [year, m] = month.split("-").map(Number);
  return DateTime.fromObject({ year, month: m, day: 1 }, { zone });
}

export const monthOf = (ms: number, zone: string): string => DateTime.fromMillis(ms, { zone }).toFormat("yyyy-MM");

export function isMonth(value: string | null): value is string {
  return value !== null && /^\d{4}-(0[1-9]|1[0-2])$/.test(value);
}

export function isDate(value: string | null): value is string {
  return value !== null && /^\d{4}-\d{2}-\d{2}$/.test(value) && DateTime.fromISO(value).isValid;
}

export function slotsForMonth(rt: Runtime, eventType: EventTypeRecord, month: string, zone: string, ignoreEventUuid?: string): MonthSlots {
  const now = rt.clock.now();
  const start = Math.max(monthStart(month, zone).toMillis(), now);
  const end = Math.min(monthStart(month, zone).plus({ months: 1 }).toMillis(), now + horizonDays(eventType) * DAY_MS + DAY_MS);
  const days = new Map<string, number[]>();
  const remaining = new Map<number, number>();
  if (end <= start) return { month, days, remaining };
  const slots = computeAvailableTimes(rt.store, { eventTypeUuid: eventType.uuid, rangeStart: start, rangeEnd: end, now, ignoreEventUuid });
  for (const slot of slots) {
    const date = DateTime.fromMillis(slot.startTime, { zone }).toISODate() ?? "";
    const list = days.get(date) ?? [];
    list.push(slot.startTime);
    days.set(date, list);
    remaining.set(slot.startTime, slot.inviteesRemaining);
  }
  return { month, days, remaining };
}

/** The month range the picker may show: this month … the month holding the end of the booking window. */
export function monthBounds(rt: Runtime, eventType: EventTypeRecord, zone: string): { first: string; last: string } {
  const now = rt.clock.now();
  return { first: monthOf(now, zone), last: monthOf(now + horizonDays(eventType) * DAY_MS, zone) };
}

export function addMonths(month: string, delta: number): string {
  return monthStart(month, "UTC").plus({ months: delta }).toFormat("yyyy-MM");
}

/** First month from `from` (inclusive) with at least one open time, within the bounds; null when none. */
export function firstMonthWithSlots(rt: Runtime, eventType: EventTypeRecord, zone: string, from: string, ignoreEventUuid?: string): MonthSlots | null {
  const { last } = monthBounds(rt, eventType, zone);
  for (let month = from; month <= last; month = addMonths(month, 1)) {
    const slots = slotsForMonth(rt, eventType, month, zone, ignoreEventUuid);
    if (slots.days.size > 0) return slots;
  }
  return null;
}
