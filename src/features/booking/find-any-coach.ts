import { DateTime } from "luxon";
import { z } from "zod";
import { getAvailableTimes } from "./availability-cache";
import { isBookable, listOfferedEventTypes, targetOf } from "./bookable-event-types";
import { bookingConfig } from "./booking-config";
import { timeOfDayOf, isValidTimeZone, rangeBounds, type TimeOfDay } from "./compute-availability-days";
import { validateDayRange } from "./get-event-type-availability";
import { durationsOf } from "./list-coach-directory";

/**
 * "Tuesday morning, 30 minutes, any coach": one search across every coach's bookable event types, answered from the
 * availability cache (one Calendly call per event type and window at most, in parallel).
 */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-03-09.").refine((value) => DateTime.fromISO(value).isValid, "This is not a real date.");
const commaList = z
  .union([z.string(), z.array(z.string())])
  .transform((value) => (Array.isArray(value) ? value : value.split(",")).map((part) => part.trim()).filter(Boolean));

export const findAnyCoachQuerySchema = z.object({
  from: isoDate,
  to: isoDate,
  tz: z.string().trim().default("UTC").refine((zone) => isValidTimeZone(zone), "Unknown time zone; use an IANA name like America/Chicago."),
  time_of_day: commaList.pipe(z.array(z.enum(["morning", "afternoon", "evening"], { error: "Use morning, afternoon or evening." }))).optional(),
  /** ISO weekdays, 1 = Monday … 7 = Sunday. */
  weekdays: commaList
    .pipe(z.array(z.string().regex(/^[1-7]$/, "Weekdays are 1 (Monday) to 7 (Sunday).")))
    .transform((days) => days.map(Number))
    .optional(),
  duration: z.coerce.number().int().min(5).max(24 * 60).optional(),
});
export type FindAnyCoachQuery = z.output<typeof findAnyCoachQuerySchema>;

export interface FoundSlotDto {
  start: string;
  /** Local date and time in the searcher's zone. */
  date: string;
  time: string;
}

export interface FindAnyCoachResultDto {
  coachUserId: string;
  coachName: string;
  eventTypeUuid: string;
  eventTypeName: string;
  duration: number;
  totalSlots: number;
  /** The first open times (up to 12). */
  slots: FoundSlotDto[];
}

export interface FindAnyCoachDto {
  timeZone: string;
  from: string;
  to: string;
  results: FindAnyCoachResultDto[];
  /** Coaches whose times could not be read (their Calendly is unreachable), named so the realtor knows. */
  skipped: Array<{ coachName: string; eventTypeName: string; reason: string }>;
  calendlyCalls: number;
}

export async function findAnyCoach(query: FindAnyCoachQuery): Promise<FindAnyCoachDto> {
  validateDayRange(query.from, query.to, query.tz, bookingConfig().maxSearchDays);
  const bounds = rangeBounds(query.from, query.to, query.tz);
  const wantedTimes = query.time_of_day?.length ? new Set<TimeOfDay>(query.time_of_day) : null;
  const wantedDays = query.weekdays?.length ? new Set(query.weekdays) : null;
  const candidates = (await listOfferedEventTypes())
    .filter(isBookable)
    .filter((eventType) => !query.duration || durationsOf(eventType).includes(query.duration));

  const answers = await Promise.allSettled(candidates.map((eventType) => getAvailableTimes(targetOf(eventType), bounds)));
  const results: FindAnyCoachResultDto[] = [];
  const skipped: FindAnyCoachDto["skipped"] = [];
  let calendlyCalls = 0;
  answers.forEach((answer, index) => {
    const eventType = candidates[index];
    if (answer.status === "rejected") {
      skipped.push({ coachName: eventType.coachName, eventTypeName: eventType.name, reason: answer.reason instanceof Error ? answer.reason.message : "Calendly did not answer." });
      return;
    }
    calendlyCalls += answer.value.calendlyCalls;
    const matching = answer.value.slots
      .map((slot) => ({ slot, local: DateTime.fromISO(slot.start, { zone: "utc" }).setZone(query.tz) }))
      .filter(({ local }) => (!wantedTimes || wantedTimes.has(timeOfDayOf(local))) && (!wantedDays || wantedDays.has(local.weekday)))
      .sort((a, b) => a.slot.start.localeCompare(b.slot.start));
    if (matching.length === 0) return;
    results.push({
      coachUserId: eventType.coachUserId,
      coachName: eventType.coachName,
      eventTypeUuid: eventType.uuid,
      eventTypeName: eventType.name,
      duration: query.duration ?? eventType.duration,
      totalSlots: matching.length,
      slots: matching.slice(0, 12).map(({ slot, local }) => ({ start: slot.start, date: local.toISODate()!, time: local.toFormat("HH:mm") })),
    });
  });
  results.sort((a, b) => a.slots[0].start.localeCompare(b.slots[0].start) || a.coachName.localeCompare(b.coachName));
  return { timeZone: query.tz, from: query.from, to: query.to, results, skipped, calendlyCalls };
}
