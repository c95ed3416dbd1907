import { DateTime } from "luxon";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { bookingSeries } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/session";
import { recordAudit, userActor } from "@/features/audit/record-audit";
import { getAvailableTimes } from "./availability-cache";
import { answerSchema, createInviteeAndSync, SlotTakenError, validateAnswers, validateStart } from "./book-slot";
import { assertConnectionUsable, getEventTypeForViewerOrThrow, targetOf } from "./bookable-event-types";
import { bookingConfig } from "./booking-config";
import { isValidTimeZone } from "./compute-availability-days";

/**
 * A recurring series: the same local time every week or every two weeks (DST-correct in the realtor's zone), 2–12
 * occurrences. Every occurrence is checked, the free ones are booked through the Scheduling API one by one (Calendly
 * has no batch booking), the others are reported, and the booked ones share a series id.
 */
export const bookSeriesBodySchema = z.object({
  eventType: z.string().trim().min(1, "Say which event type."),
  start: z.iso.datetime({ offset: true, error: "Use an ISO date-time for the first session." }),
  timeZone: z.string().trim().refine((zone) => isValidTimeZone(zone), "Unknown time zone."),
  frequency: z.enum(["weekly", "biweekly"], { error: "Choose weekly or every two weeks." }),
  occurrences: z.coerce.number().int().min(2, "A series has at least 2 sessions.").max(12, "A series has at most 12 sessions."),
  answers: z.array(answerSchema).max(50).default([]),
});
export type BookSeriesBody = z.output<typeof bookSeriesBodySchema>;

export type OccurrenceStatus = "booked" | "unavailable" | "failed";
export interface SeriesOccurrenceDto {
  start: string;
  status: OccurrenceStatus;
  eventUri?: string;
  sessionUuid?: string;
  reason?: string;
}

export interface SeriesResultDto {
  seriesId: string;
  frequency: "weekly" | "biweekly";
  booked: number;
  notBooked: number;
  occurrences: SeriesOccurrenceDto[];
}

/** The occurrence starts: same wall-clock time in the realtor's zone, 1 or 2 weeks apart. */
export function seriesStarts(firstStart: string, timeZone: string, frequency: "weekly" | "biweekly", occurrences: number): Date[] {
  const first = DateTime.fromISO(firstStart, { setZone: true }).setZone(timeZone);
  const step = frequency === "weekly" ? 1 : 2;
  return Array.from({ length: occurrences }, (_, index) => first.plus({ weeks: index * step }).toUTC().toJSDate());
}

export async function bookSeries(
  realtor: Pick<CurrentUser, "id" | "role" | "name" | "email">,
  body: BookSeriesBody,
  request?: { ip?: string; userAgent?: string | null },
): Promise<SeriesResultDto> {
  const eventType = await getEventTypeForViewerOrThrow(realtor, body.eventType);
  assertConnectionUsable(eventType);
  const starts = seriesStarts(body.start, body.timeZone, body.frequency, body.occurrences);
  validateStart(starts[0]);
  const answers = validateAnswers(eventType.customQuestions, body.answers);

  const [series] = await getDb()
    .insert(bookingSeries)
    .values({ realtorUserId: realtor.id, coachUserId: eventType.coachUserId, eventTypeUri: eventType.uri, frequency: body.frequency, occurrencesRequested: body.occurrences })
    .returning({ id: bookingSeries.id });

  // Each occurrence is checked against Calendly's open times (through the cache, windows in parallel), then each
  // free start is booked; Calendly itself refuses a start taken in between, so nothing is ever double-booked.
  const horizon = bookingConfig().maxDaysAhead * 86_400_000;
  const reachable = starts.filter((start) => start.getTime() <= Date.now() + horizon);
  const checks = await Promise.all(reachable.map((start) => getAvailableTimes(targetOf(eventType), { start, end: new Date(start.getTime() + 60_000) })));
  const open = new Set(checks.flatMap((check) => check.slots.filter((slot) => slot.remaining > 0).map((slot) => Date.parse(slot.start))));

  const occurrences: SeriesOccurrenceDto[] = [];
  for (const start of starts) {
    const iso = start.toISOString();
    if (start.getTime() > Date.now() + horizon) {
      occurrences.push({ start: iso, status: "unavailable", reason: "Too far ahead to book." });
      continue;
    }
    if (!open.has(start.getTime())) {
      occurrences.push({ start: iso, status: "unavailable", reason: "The coach is not available at this time." });
      continue;
    }
    try {
      const session = await createInviteeAndSync({ realtor, eventType, start, timeZone: body.timeZone, answers, seriesId: series.id, request });
      occurrences.push({ start: iso, status: "booked", eventUri: session.uri, sessionUuid: session.uuid });
    } catch (error) {
      if (error instanceof SlotTakenError) occurrences.push({ start: iso, status: "unavailable", reason: "This time was just taken." });
      else if (error instanceof AppError && error.details?.fallback === "popup" && occurrences.every((item) => item.status !== "booked")) {
        await getDb().delete(bookingSeries).where(eq(bookingSeries.id, series.id));
        throw new AppError("forbidden", `${eventType.coachName}'s Calendly plan doesn't allow booking a series from Sessionly; book each session in Calendly's window instead.`, {
          details: { fallback: "popup" },
        });
      } else occurrences.push({ start: iso, status: "failed", reason: error instanceof AppError ? error.message : "Calendly did not accept this booking." });
    }
  }

  await getDb()
    .update(bookingSeries)
    .set({ outcomes: occurrences.map(({ start, status, eventUri, reason }) => ({ start, status, eventUri, reason })) })
    .where(eq(bookingSeries.id, series.id));
  const booked = occurrences.filter((item) => item.status === "booked").length;
  await recordAudit({
    ...userActor(realtor, request),
    action: "series.booked",
    targetType: "series",
    targetId: series.id,
    operationId: series.id,
    metadata: { eventType: eventType.uri, frequency: body.frequency, requested: body.occurrences, booked },
  });
  return { seriesId: series.id, frequency: body.frequency, booked, notBooked: occurrences.length - booked, occurrences };
}
