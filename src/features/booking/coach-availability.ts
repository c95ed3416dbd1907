import { DateTime } from "luxon";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { availabilitySettings } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/session";
import { recordAudit, userActor } from "@/features/audit/record-audit";
import { getAvailableTimes } from "./availability-cache";
import { bookedIntervals, listOfferedEventTypes, targetOf, type BookableEventType } from "./bookable-event-types";
import { checkEventTypeOpenings, OPENINGS_HORIZON_DAYS } from "./check-event-type-openings";
import { computeAvailabilityDays, DEFAULT_THRESHOLDS, isValidTimeZone, mondayOf, rangeBounds, statusFor, todayIn, unionHours, type DayStatus } from "./compute-availability-days";

/**
 * A coach's own availability: the low-availability threshold they set, open hours over the next N days (for the
 * indicator here and the notifications engineer's alert emails), and the weekly overview across offered event types.
 */
export interface AvailabilitySettingsDto {
  minOpenHours: number;
  windowDays: number;
}
export const DEFAULT_AVAILABILITY_SETTINGS: AvailabilitySettingsDto = { minOpenHours: 5, windowDays: 7 };

export const availabilitySettingsBodySchema = z.object({
  minOpenHours: z.coerce.number().min(0, "Zero or more hours.").max(168, "At most 168 hours."),
  windowDays: z.coerce.number().int().min(1, "At least 1 day.").max(30, "At most 30 days."),
});

export async function getAvailabilitySettings(coachUserId: string): Promise<AvailabilitySettingsDto> {
  const [row] = await getDb().select().from(availabilitySettings).where(eq(availabilitySettings.coachUserId, coachUserId));
  return row ? { minOpenHours: row.minOpenHours, windowDays: row.windowDays } : { ...DEFAULT_AVAILABILITY_SETTINGS };
}

export async function updateAvailabilitySettings(
  coach: Pick<CurrentUser, "id" | "role" | "name">,
  input: z.output<typeof availabilitySettingsBodySchema>,
  request?: { ip?: string; userAgent?: string | null },
): Promise<AvailabilitySettingsDto> {
  const before = await getAvailabilitySettings(coach.id);
  await getDb().transaction(async (tx) => {
    await tx
      .insert(availabilitySettings)
      .values({ coachUserId: coach.id, minOpenHours: input.minOpenHours, windowDays: input.windowDays, updatedAt: new Date() })
      .onConflictDoUpdate({ target: availabilitySettings.coachUserId, set: { minOpenHours: input.minOpenHours, windowDays: input.windowDays, updatedAt: new Date() } });
    await recordAudit(
      {
        ...userActor(coach, request),
        action: "availability.threshold_changed",
        targetType: "user",
        targetId: coach.id,
        changes: { minOpenHours: { old: before.minOpenHours, new: input.minOpenHours }, windowDays: { old: before.windowDays, new: input.windowDays } },
      },
      tx,
    );
  });
  return { ...input };
}

export interface OpenHoursDto {
  days: number;
  /** Union of open time across the coach's offered event types (a shared schedule is not counted twice). */
  openHours: number;
  byEventType: Array<{ uuid: string; name: string; openHours: number; slots: number }>;
  /** Event types whose times could not be read (connection broken, Calendly down). */
  unreadable: Array<{ uuid: string; name: string; reason: string }>;
}

function usable(eventType: BookableEventType) {
  return eventType.active && !eventType.deleted && eventType.connectionStatus === "connected";
}

/** Open hours of a coach over the next `days` days, from Calendly's available times (through the cache). */
export async function computeOpenHours(coachUserId: string, days: number, now = new Date()): Promise<OpenHoursDto> {
  const eventTypes = (await listOfferedEventTypes({ coachUserId })).filter(usable);
  const range = { start: now, end: new Date(now.getTime() + days * 86_400_000) };
  const answers = await Promise.allSettled(eventTypes.map((eventType) => getAvailableTimes(targetOf(eventType), range)));
  const all: Array<[number, number]> = [];
  const byEventType: OpenHoursDto["byEventType"] = [];
  const unreadable: OpenHoursDto["unreadable"] = [];
  answers.forEach((answer, index) => {
    const eventType = eventTypes[index];
    if (answer.status === "rejected") {
      unreadable.push({ uuid: eventType.uuid, name: eventType.name, reason: answer.reason instanceof Error ? answer.reason.message : "Calendly did not answer." });
      return;
    }
    const intervals = answer.value.slots.map((slot): [number, number] => [Date.parse(slot.start), Date.parse(slot.start) + eventType.duration * 60_000]);
    all.push(...intervals);
    byEventType.push({ uuid: eventType.uuid, name: eventType.name, openHours: unionHours(intervals), slots: intervals.length });
  });
  return { days, openHours: unionHours(all), byEventType, unreadable };
}

export const overviewQuerySchema = z.object({
  week: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-03-09.")
    .refine((value) => DateTime.fromISO(value).isValid, "This is not a real date.")
    .optional(),
  tz: z.string().trim().refine((zone) => isValidTimeZone(zone), "Unknown time zone.").optional(),
});

export interface OverviewDayDto {
  date: string;
  weekday: string;
  openHours: number;
  bookedHours: number;
  /** The day is over in the viewer's zone (its status is then `unavailable`). */
  past: boolean;
  /** Across every offered event type: the same rule as a realtor's week view (`statusFor`). */
  status: DayStatus;
  byEventType: Array<{ uuid: string; openHours: number; slots: number }>;
}

export interface CoachOverviewDto {
  timeZone: string;
  weekStart: string;
  weekEnd: string;
  settings: AvailabilitySettingsDto;
  lowAvailability: { low: boolean; openHours: number; days: number; minOpenHours: number };
  eventTypes: Array<{
    uuid: string;
    name: string;
    duration: number;
    hasOpenings: boolean | null;
    /** How to fix an event type with no openings in the next 30 days, when it has none. */
    noOpeningsFix: string | null;
    error: string | null;
  }>;
  days: OverviewDayDto[];
  connected: boolean;
}

const NO_OPENINGS_FIX =
  `Calendly shows “No openings” for the next ${OPENINGS_HORIZON_DAYS} days, so realtors can't see it. In Calendly, open this event type's ` +
  "Availability: check its schedule has weekly hours, the date-range (“Invitees can schedule … into the future”) reaches ahead, " +
  "and minimum notice or daily limits aren't blocking every day. It reappears for realtors as soon as it has openings.";

export async function getCoachAvailabilityOverview(coach: Pick<CurrentUser, "id" | "timeZone">, query: z.output<typeof overviewQuerySchema>): Promise<CoachOverviewDto> {
  const timeZone = query.tz ?? coach.timeZone;
  const weekStart = mondayOf(query.week ?? todayIn(timeZone), timeZone);
  const weekEnd = DateTime.fromISO(weekStart).plus({ days: 6 }).toISODate()!;
  const bounds = rangeBounds(weekStart, weekEnd, timeZone);
  const settings = await getAvailabilitySettings(coach.id);
  const offered = await listOfferedEventTypes({ coachUserId: coach.id });
  const live = offered.filter(usable);
  if (offered.length > 0 && live.length === 0 && offered.every((eventType) => eventType.connectionStatus !== "connected")) {
    throw new AppError("conflict", "Your Calendly connection needs attention, so your availability can't be read. Reconnect it on the Calendly page.");
  }

  const [week, booked, openHours, openings] = await Promise.all([
    Promise.allSettled(live.map((eventType) => getAvailableTimes(targetOf(eventType), bounds))),
    bookedIntervals(coach.id, bounds.start, bounds.end),
    computeOpenHours(coach.id, settings.windowDays),
    Promise.allSettled(live.map((eventType) => checkEventTypeOpenings(eventType))),
  ]);

  const perType = live.map((eventType, index) => {
    const answer = week[index];
    const slots = answer.status === "fulfilled" ? answer.value.slots : [];
    return {
      eventType,
      error: answer.status === "rejected" ? (answer.reason instanceof Error ? answer.reason.message : "Calendly did not answer.") : null,
      days: computeAvailabilityDays({ slots, durationMinutes: eventType.duration, timeZone, fromDate: weekStart, toDate: weekEnd, booked }),
    };
  });
  const template = computeAvailabilityDays({ slots: [], durationMinutes: 30, timeZone, fromDate: weekStart, toDate: weekEnd, booked });
  const today = todayIn(timeZone);
  const days: OverviewDayDto[] = template.map((day, dayIndex) => {
    const intervals = perType.flatMap(({ days: typeDays }) => typeDays[dayIndex].slots.map((slot): [number, number] => [Date.parse(slot.start), Date.parse(slot.end)]));
    const dayOpenHours = unionHours(intervals);
    const past = day.date < today;
    return {
      date: day.date,
      weekday: day.weekday,
      openHours: dayOpenHours,
      bookedHours: day.bookedHours,
      past,
      status: statusFor({ openHours: dayOpenHours, slotCount: intervals.length, bookedHours: day.bookedHours, past }, DEFAULT_THRESHOLDS),
      byEventType: perType.map(({ eventType, days: typeDays }) => ({ uuid: eventType.uuid, openHours: typeDays[dayIndex].openHours, slots: typeDays[dayIndex].slots.length })),
    };
  });

  return {
    timeZone,
    weekStart,
    weekEnd,
    settings,
    lowAvailability: {
      low: live.length > 0 && openHours.unreadable.length === 0 && openHours.openHours < settings.minOpenHours,
      openHours: openHours.openHours,
      days: settings.windowDays,
      minOpenHours: settings.minOpenHours,
    },
    eventTypes: offered.map((eventType) => {
      const index = live.indexOf(eventType);
      const checked = index >= 0 ? openings[index] : null;
      const hasOpenings = checked?.status === "fulfilled" ? checked.value : eventType.hasOpenings;
      return {
        uuid: eventType.uuid,
        name: eventType.name,
        duration: eventType.duration,
        hasOpenings,
        noOpeningsFix: hasOpenings === false ? NO_OPENINGS_FIX : null,
        error: index >= 0 ? perType[index].error : !eventType.active ? "Turned off in Calendly." : "Calendly connection needs attention.",
      };
    }),
    days,
    connected: live.length > 0 || offered.length === 0,
  };
}
