import { DateTime } from "luxon";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/session";
import { getAvailableTimes, type CacheOutcome } from "./availability-cache";
import { assertConnectionUsable, bookedIntervals, getEventTypeForViewerOrThrow, targetOf, type BookableEventType } from "./bookable-event-types";
import { bookingConfig } from "./booking-config";
import { computeAvailabilityDays, isValidTimeZone, rangeBounds, todayIn, type AvailabilityDay, type TimeOfDay } from "./compute-availability-days";

/** `GET /api/calendly/availability`: an event type's open times over whole days in the viewer's zone. */
const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-03-09.")
  .refine((value) => DateTime.fromISO(value).isValid, "This is not a real date.");

const timeOfDayList = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : value.split(",")).map((part) => part.trim()).filter(Boolean))
  .pipe(z.array(z.enum(["morning", "afternoon", "evening"], { error: "Use morning, afternoon or evening." })));

export const availabilityQuerySchema = z.object({
  event_type: z.string({ error: "Say which event type (event_type)." }).trim().min(1, "Say which event type (event_type).").max(500),
  from: isoDate,
  to: isoDate,
  tz: z
    .string()
    .trim()
    .default("UTC")
    .refine((zone) => isValidTimeZone(zone), "Unknown time zone; use an IANA name like America/Chicago."),
  time_of_day: timeOfDayList.optional(),
  min_slots: z.coerce.number().int().min(0).max(100).optional(),
  duration: z.coerce.number().int().min(5).max(24 * 60).optional(),
  limited_hours: z.coerce.number().min(0).max(24).optional(),
  limited_slots: z.coerce.number().int().min(0).max(100).optional(),
});
export type AvailabilityQuery = z.output<typeof availabilityQuerySchema>;

export interface EventTypeSummaryDto {
  uuid: string;
  name: string;
  duration: number;
  durationOptions: number[] | null;
  description: string | null;
  kind: string | null;
  coachUserId: string;
  coachName: string;
}

export interface AvailabilityDto {
  eventType: EventTypeSummaryDto;
  timeZone: string;
  from: string;
  to: string;
  duration: number;
  days: AvailabilityDay[];
  totals: { openHours: number; slots: number };
  /** How the cache answered: per Calendly window, and the Calendly requests this answer waited for. */
  cache: { windows: Array<{ start: string; outcome: CacheOutcome }>; calendlyCalls: number };
}

export function summaryOf(eventType: BookableEventType): EventTypeSummaryDto {
  return {
    uuid: eventType.uuid,
    name: eventType.name,
    duration: eventType.duration,
    durationOptions: eventType.durationOptions,
    description: eventType.description,
    kind: eventType.kind,
    coachUserId: eventType.coachUserId,
    coachName: eventType.coachName,
  };
}

/** Whole days since 1970-01-01 of a `YYYY-MM-DD` calendar date (zone-free: calendar days, not instants). */
function dayNumber(isoDate: string): number {
  return Date.UTC(Number(isoDate.slice(0, 4)), Number(isoDate.slice(5, 7)) - 1, Number(isoDate.slice(8, 10))) / 86_400_000;
}

/** Checks a day range of calendar dates in `timeZone`: real order, not too long, not too far ahead, not past. */
export function validateDayRange(from: string, to: string, timeZone: string, maxDays: number, now = new Date()) {
  const first = dayNumber(from);
  const last = dayNumber(to);
  if (last < first) throw new AppError("validation_failed", "The end date is before the start date.", { fields: { to: ["Must be on or after `from`."] } });
  const days = last - first + 1;
  if (days > maxDays) {
    throw new AppError("validation_failed", `The date range is too long: at most ${maxDays} days at a time.`, { fields: { to: [`At most ${maxDays} days after \`from\`.`] } });
  }
  const today = dayNumber(todayIn(timeZone, now));
  const ahead = bookingConfig().maxDaysAhead;
  if (first > today + ahead) {
    throw new AppError("validation_failed", `Times can be shown at most ${ahead} days ahead.`, { fields: { from: [`At most ${ahead} days from today.`] } });
  }
  if (last < today) throw new AppError("validation_failed", "These dates are in the past; pick today or later.", { fields: { to: ["Must be today or later."] } });
}

export async function getEventTypeAvailability(viewer: Pick<CurrentUser, "id" | "role">, query: AvailabilityQuery): Promise<AvailabilityDto> {
  validateDayRange(query.from, query.to, query.tz, bookingConfig().maxRangeDays);
  const eventType = await getEventTypeForViewerOrThrow(viewer, query.event_type);
  assertConnectionUsable(eventType);
  const allowedDurations = eventType.durationOptions?.length ? eventType.durationOptions : [eventType.duration];
  if (query.duration !== undefined && !allowedDurations.includes(query.duration)) {
    throw new AppError("validation_failed", `This event type lasts ${allowedDurations.join(" or ")} minutes.`, { fields: { duration: ["Not a length this event type offers."] } });
  }
  const duration = query.duration ?? eventType.duration;
  const bounds = rangeBounds(query.from, query.to, query.tz);
  const [times, booked] = await Promise.all([getAvailableTimes(targetOf(eventType), bounds), bookedIntervals(eventType.coachUserId, bounds.start, bounds.end)]);
  const days = computeAvailabilityDays({
    slots: times.slots,
    durationMinutes: duration,
    timeZone: query.tz,
    fromDate: query.from,
    toDate: query.to,
    booked,
    timeOfDay: query.time_of_day as TimeOfDay[] | undefined,
    minSlots: query.min_slots,
    thresholds: {
      ...(query.limited_hours !== undefined ? { limitedBelowHours: query.limited_hours } : {}),
      ...(query.limited_slots !== undefined ? { limitedBelowSlots: query.limited_slots } : {}),
    },
  });
  return {
    eventType: summaryOf(eventType),
    timeZone: query.tz,
    from: query.from,
    to: query.to,
    duration,
    days,
    totals: {
      openHours: Math.round(days.reduce((sum, day) => sum + day.openHours, 0) * 100) / 100,
      slots: days.reduce((sum, day) => sum + day.slots.length, 0),
    },
    cache: { windows: times.windows, calendlyCalls: times.calendlyCalls },
  };
}
