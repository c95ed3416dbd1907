// Available-times engine: weekly rules + date overrides in the schedule's zone (DST-correct via luxon),
// duration, start increments, minimum notice, buffers, booking period, existing bookings, busy times, group capacity.
import { DateTime } from "luxon";
import type { Store } from "../store/store";
import type { AvailabilityInterval, EventTypeRecord, ScheduleRecord, ScheduledEventRecord, Weekday } from "../store/types";
import { MINUTE_MS, DAY_MS } from "./time";

export interface AvailableSlot {
  startTime: number;
  inviteesRemaining: number;
}

export interface AvailabilityQuery {
  eventTypeUuid: string;
  rangeStart: number;
  rangeEnd: number;
  now: number;
  /** An event to disregard (e.g. the one being rescheduled). */
  ignoreEventUuid?: string;
}

const WEEKDAYS: Weekday[] = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

function intervalsForDate(schedule: ScheduleRecord, isoDate: string, weekday: Weekday): AvailabilityInterval[] {
  const override = schedule.rules.find((rule) => rule.type === "date" && rule.date === isoDate);
  if (override) return override.intervals;
  const weekly = schedule.rules.find((rule) => rule.type === "wday" && rule.wday === weekday);
  return weekly ? weekly.intervals : [];
}

/** Zone conversions are slow in luxon (Intl); memoize wall-clock → instant per zone, date and time. */
const instantCache = new Map<string, number>();

function localInstant(zone: string, isoDate: string, hhmm: string): number {
  const key = `${zone}|${isoDate}|${hhmm}`;
  const cached = instantCache.get(key);
  if (cached !== undefined) return cached;
  const [year, month, day] = isoDate.split("-").map(Number);
  const [hour, minute] = hhmm.split(":").map(Number);
  const date = DateTime.fromObject({ year, month, day }, { zone });
  const instant = hour === 24 ? date.plus({ days: 1 }).startOf("day").toMillis() : date.set({ hour, minute }).toMillis();
  if (instantCache.size > 50_000) instantCache.clear();
  instantCache.set(key, instant);
  return instant;
}

/** Local calendar dates (YYYY-MM-DD) covering [from, to] in a zone, iterated with plain UTC date arithmetic. */
function localDates(zone: string, from: number, to: number): string[] {
  const first = DateTime.fromMillis(from, { zone }).toISODate() ?? "";
  const last = DateTime.fromMillis(to, { zone }).toISODate() ?? "";
  const dates: string[] = [];
  for (let t = Date.parse(`${first}T00:00:00Z`); ; t += DAY_MS) {
    const iso = new Date(t).toISOString().slice(0, 10);
    dates.push(iso);
    if (iso >= last) return dates;
  }
}

/** Open intervals [start, end) in UTC millis produced by a schedule over a range (padded by a day each side). */
export function scheduleIntervals(schedule: ScheduleRecord, rangeStart: number, rangeEnd: number): [number, number][] {
  const out: [number, number][] = [];
  for (const isoDate of localDates(schedule.timezone, rangeStart - DAY_MS, rangeEnd + DAY_MS)) {
    const weekday = WEEKDAYS[new Date(`${isoDate}T00:00:00Z`).getUTCDay()];
    for (const interval of intervalsForDate(schedule, isoDate, weekday)) {
      const start = localInstant(schedule.timezone, isoDate, interval.from);
      const end = localInstant(schedule.timezone, isoDate, interval.to);
      if (end > start) out.push([start, end]);
    }
  }
  return out;
}

/** Slot starts permitted by the schedule alone (no bookings, no notice), within [rangeStart, rangeEnd). */
export function candidateSlotStarts(
  eventType: EventTypeRecord,
  schedule: ScheduleRecord,
  rangeStart: number,
  rangeEnd: number,
): number[] {
  const durationMs = eventType.duration * MINUTE_MS;
  const stepMs = eventType.slotIntervalMinutes * MINUTE_MS;
  const starts = new Set<number>();
  for (const [start, end] of scheduleIntervals(schedule, rangeStart, rangeEnd)) {
    for (let slot = start; slot + durationMs <= end; slot += stepMs) {
      if (slot >= rangeStart && slot < rangeEnd) starts.add(slot);
    }
  }
  return [...starts].sort((a, b) => a - b);
}

const overlaps = (aStart: number, aEnd: number, bStart: number, bEnd: number): boolean => aStart < bEnd && bStart < aEnd;

interface SlotContext {
  store: Store;
  eventType: EventTypeRecord;
  hostEvents: ScheduledEventRecord[];
}

function remainingAt(context: SlotContext, start: number): number {
  const { store, eventType, hostEvents } = context;
  const end = start + eventType.duration * MINUTE_MS;
  const blockStart = start - eventType.bufferBeforeMinutes * MINUTE_MS;
  const blockEnd = end + eventType.bufferAfterMinutes * MINUTE_MS;
  let remaining = eventType.inviteeLimit;
  for (const event of hostEvents) {
    const sameGroupSlot = eventType.kind === "group" && event.eventTypeUuid === eventType.uuid && event.startTime === start;
    if (sameGroupSlot) {
      remaining = Math.min(remaining, event.inviteeLimit - store.activeInviteeCount(event.uuid));
    } else if (overlaps(blockStart, blockEnd, event.startTime, event.endTime)) {
      return 0;
    }
  }
  for (const busy of store.state.busyTimes.values()) {
    if (busy.userUuid === eventType.userUuid && overlaps(start, end, busy.startTime, busy.endTime)) return 0;
  }
  return remaining;
}

/** Computes Calendly's `event_type_available_times` collection for one event type. */
export function computeAvailableTimes(store: Store, query: AvailabilityQuery): AvailableSlot[] {
  const eventType = store.state.eventTypes.get(query.eventTypeUuid);
  if (!eventType || !eventType.active) return [];
  const schedule = store.state.schedules.get(eventType.scheduleUuid) ?? store.defaultScheduleOf(eventType.userUuid);
  if (!schedule) return [];
  const earliest = query.now + eventType.minimumNoticeMinutes * MINUTE_MS;
  const latest = eventType.periodDays === null ? Number.POSITIVE_INFINITY : query.now + eventType.periodDays * DAY_MS;
  const hostEvents = store
    .eventsOfHost(eventType.userUuid)
    .filter((event) => event.status === "active" && event.uuid !== query.ignoreEventUuid);
  const context: SlotContext = { store, eventType, hostEvents };
  const slots: AvailableSlot[] = [];
  for (const start of candidateSlotStarts(eventType, schedule, query.rangeStart, query.rangeEnd)) {
    if (start < earliest || start >= latest) continue;
    const inviteesRemaining = remainingAt(context, start);
    if (inviteesRemaining > 0) slots.push({ startTime: start, inviteesRemaining });
  }
  return slots;
}

/** The open slot starting exactly at `startTime`, or null when it is not bookable. */
export function findOpenSlot(
  store: Store,
  eventTypeUuid: string,
  startTime: number,
  now: number,
  ignoreEventUuid?: string,
): AvailableSlot | null {
  const slots = computeAvailableTimes(store, {
    eventTypeUuid,
    rangeStart: startTime,
    rangeEnd: startTime + 1,
    now,
    ignoreEventUuid,
  });
  return slots.find((slot) => slot.startTime === startTime) ?? null;
}
