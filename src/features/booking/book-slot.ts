import { recordBookingCompleted, recordBookingStarted } from "@/features/analytics/booking-attempts";
import { DateTime } from "luxon";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import type { CurrentUser } from "@/lib/auth/session";
import { calendlyClientForConnection } from "@/features/calendly/calendly-api";
import { CalendlyApiError, toAppError } from "@/features/calendly/client/errors";
import type { CalendlyCustomQuestion, CalendlyInvitee } from "@/features/calendly/client/schemas";
import { isSlotStillOpen } from "./availability-cache";
import { assertConnectionUsable, getEventTypeForViewerOrThrow, targetOf, type BookableEventType } from "./bookable-event-types";
import { bookingConfig } from "./booking-config";
import { isValidTimeZone } from "./compute-availability-days";
import { invalidateCoachAvailability } from "./invalidate-coach-availability";
import { getDb } from "@/lib/db";
import { syncBookedSession, type BookedSessionDto } from "./sync-booked-session";

/**
 * Direct booking through Calendly's Scheduling API (`POST /invitees`) from Sessionly's own form: the slot is checked
 * against Calendly right before, the event type's questions are validated here first, and the new session is in the
 * copy before we answer. A plan that refuses the Scheduling API answers with `details.fallback = "popup"`.
 */
export const answerSchema = z.object({
  position: z.number().int().min(0).max(100),
  answer: z.union([z.string().max(5000), z.array(z.string().max(1000)).max(50)]),
});

export const bookSlotBodySchema = z.object({
  eventType: z.string().trim().min(1, "Say which event type."),
  start: z.iso.datetime({ offset: true, error: "Use an ISO date-time for the start." }),
  timeZone: z.string().trim().refine((zone) => isValidTimeZone(zone), "Unknown time zone."),
  answers: z.array(answerSchema).max(50).default([]),
});
export type BookSlotBody = z.output<typeof bookSlotBodySchema>;

export const SLOT_TAKEN_MESSAGE = "Sorry, that time was just taken. Here are the times that are still open.";

/** UTM values that tie a Calendly booking to the realtor who made it. */
export function trackingFor(realtor: Pick<CurrentUser, "id">, medium: "app" | "popup") {
  return { utm_source: "sessionly", utm_medium: medium, utm_campaign: "realtor-booking", utm_content: realtor.id } as const;
}

/** The enabled questions in Calendly's order, answers checked against their type; returns Calendly's shape. */
export function validateAnswers(questions: CalendlyCustomQuestion[], answers: BookSlotBody["answers"]) {
  const fields: Record<string, string[]> = {};
  const result: Array<{ question: string; answer: string; position: number }> = [];
  const byPosition = new Map(answers.map((answer) => [answer.position, answer.answer]));
  for (const question of questions.filter((item) => item.enabled).sort((a, b) => a.position - b.position)) {
    const raw = byPosition.get(question.position);
    const values = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map((value) => value.trim()).filter(Boolean);
    const key = `answers.${question.position}`;
    if (values.length === 0) {
      if (question.required) fields[key] = [`“${question.name}” is required.`];
      continue;
    }
    if (question.type === "single_select" || question.type === "multi_select") {
      if (question.type === "single_select" && values.length > 1) fields[key] = ["Pick one answer."];
      const choices = question.answer_choices ?? [];
      const unknown = values.filter((value) => !choices.includes(value));
      if (unknown.length && !question.include_other) fields[key] = ["Pick one of the offered answers."];
    }
    if (question.type === "phone_number" && !/^\+?[0-9 ()-]{6,20}$/.test(values[0])) fields[key] = ["Enter a phone number, like +1 312 555 0100."];
    result.push({ question: question.name, answer: values.join("\n"), position: question.position });
  }
  if (Object.keys(fields).length) throw new AppError("validation_failed", "Some answers need attention.", { fields });
  return result;
}

/** A start that can be booked: in the future (with a minute to spare) and within how far ahead we show times. */
export function validateStart(start: Date, now = new Date()) {
  if (start.getTime() <= now.getTime() + 60_000) throw new AppError("validation_failed", "That time has already passed; pick a later one.", { fields: { start: ["Must be in the future."] } });
  const ahead = bookingConfig().maxDaysAhead;
  if (start.getTime() > now.getTime() + ahead * 86_400_000) {
    throw new AppError("validation_failed", `Sessions can be booked at most ${ahead} days ahead.`, { fields: { start: [`At most ${ahead} days ahead.`] } });
  }
}

function splitName(name: string) {
  const parts = name.trim().split(/\s+/);
  return parts.length > 1 ? { first_name: parts[0], last_name: parts.slice(1).join(" ") } : {};
}

export class SlotTakenError extends AppError {
  constructor() {
    super("conflict", SLOT_TAKEN_MESSAGE, { details: { reason: "slot_taken" } });
  }
}

/** Books one start for the realtor through the Scheduling API and syncs it into the copy. */
export async function createInviteeAndSync(input: {
  realtor: Pick<CurrentUser, "id" | "role" | "name" | "email">;
  eventType: BookableEventType;
  start: Date;
  timeZone: string;
  answers: Array<{ question: string; answer: string; position: number }>;
  seriesId?: string | null;
  request?: { ip?: string; userAgent?: string | null };
}): Promise<BookedSessionDto> {
  const { eventType, realtor } = input;
  const client = calendlyClientForConnection(eventType.connectionId);
  let invitee: CalendlyInvitee;
  try {
    invitee = await client.createInvitee({
      event_type: eventType.uri,
      start_time: input.start.toISOString(),
      invitee: { email: realtor.email, name: realtor.name, timezone: input.timeZone, ...splitName(realtor.name) },
      ...(input.answers.length ? { questions_and_answers: input.answers } : {}),
      tracking: trackingFor(realtor, "app"),
    });
  } catch (error) {
    if (error instanceof CalendlyApiError && error.status === 404) {
      await invalidateCoachAvailability(getDb(), eventType.coachUserId);
      throw new SlotTakenError();
    }
    if (error instanceof CalendlyApiError && error.status === 403) {
      throw new AppError("forbidden", `${eventType.coachName}'s Calendly plan doesn't allow booking from Sessionly's form. Book in Calendly's window instead.`, {
        details: { fallback: "popup" },
      });
    }
    if (error instanceof CalendlyApiError && (error.status === 400 || error.status === 422)) {
      const detail = error.details.map((item) => item.message).filter(Boolean).join("; ");
      throw new AppError("validation_failed", `Calendly refused the booking: ${detail || error.calendlyMessage}`);
    }
    logger.warn({ err: error, eventTypeUri: eventType.uri }, "Scheduling API booking failed");
    throw toAppError(error);
  }
  const { session } = await syncBookedSession({
    client,
    owner: { connectionId: eventType.connectionId, coachUserId: eventType.coachUserId, coachName: eventType.coachName },
    eventUri: invitee.event,
    invitee,
    actor: realtor,
    request: input.request,
    action: "session.booked",
    seriesId: input.seriesId,
    metadata: { via: "scheduling_api" },
  });
  return session;
}

export async function bookSlot(
  realtor: Pick<CurrentUser, "id" | "role" | "name" | "email">,
  body: BookSlotBody,
  request?: { ip?: string; userAgent?: string | null },
): Promise<{ session: BookedSessionDto }> {
  const eventType = await getEventTypeForViewerOrThrow(realtor, body.eventType);
  assertConnectionUsable(eventType);
  const start = DateTime.fromISO(body.start, { setZone: true }).toUTC().toJSDate();
  validateStart(start);
  const answers = validateAnswers(eventType.customQuestions, body.answers);
  // For the booking-success metric: a valid request is a started booking; it completes only if Calendly books it.
  const attemptId = await recordBookingStarted({ coachUserId: eventType.coachUserId, realtorUserId: realtor.id, eventTypeUri: eventType.uri, method: "api" });
  // Right before booking, ask Calendly itself (never the cache) whether the time is still open.
  if (!(await isSlotStillOpen(targetOf(eventType), start))) {
    await invalidateCoachAvailability(getDb(), eventType.coachUserId);
    throw new SlotTakenError();
  }
  const session = await createInviteeAndSync({ realtor, eventType, start, timeZone: body.timeZone, answers, request });
  await recordBookingCompleted({ attemptId, coachUserId: eventType.coachUserId, realtorUserId: realtor.id, eventUri: session.uri });
  return { session };
}
