// Booking: validates an invitee against the event type and an exact open slot, then creates event + invitee.
import { IANAZone } from "luxon";
import type { EventTypeRecord, InviteeRecord, QuestionAnswer, ScheduledEventRecord, TrackingRecord } from "../store/types";
import { nextId, type CoreContext } from "./context";
import { CoreError, invalid, notFound } from "./errors";
import { findOpenSlot } from "./available-times";
import { buildEventLocation, type LocationChoice } from "./locations";
import { MINUTE_MS } from "./time";

export interface BookingInvitee {
  email: string;
  name?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  timezone?: string | null;
  textReminderNumber?: string | null;
}

export interface BookingInput {
  eventTypeUuid: string;
  startTime: number;
  invitee: BookingInvitee;
  location?: LocationChoice | null;
  questionsAndAnswers?: QuestionAnswer[];
  tracking?: Partial<TrackingRecord>;
  guests?: string[];
  /** `api` for POST /invitees, null for a page booking. */
  schedulingMethod?: "api" | "instant_book" | null;
  inviteeScheduledByUuid?: string | null;
  /** Set when this booking is the new half of a reschedule. */
  oldInviteeUuid?: string | null;
  /** Event to disregard when checking the slot (the one being rescheduled). */
  ignoreEventUuid?: string;
  /** Fixtures only: book regardless of availability and notice. */
  skipAvailabilityCheck?: boolean;
  /** Creation time override (fixtures); defaults to the clock. */
  createdAt?: number;
  /** Do not emit `invitee.created` (the reschedule flow emits it itself). */
  silent?: boolean;
}

export interface BookingResult {
  event: ScheduledEventRecord;
  invitee: InviteeRecord;
}

/** Error answered when the requested start is not an open slot (Calendly's Scheduling API answers 404 here). */
export const SLOT_UNAVAILABLE_MESSAGE = "The selected time is no longer available.";

const zoneValidity = new Map<string, boolean>();
function isValidZone(zone: string): boolean {
  let valid = zoneValidity.get(zone);
  if (valid === undefined) zoneValidity.set(zone, (valid = IANAZone.isValidZone(zone)));
  return valid;
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export const EMPTY_TRACKING: TrackingRecord = {
  utm_campaign: null,
  utm_source: null,
  utm_medium: null,
  utm_content: null,
  utm_term: null,
  salesforce_uuid: null,
};

function validateInvitee(invitee: BookingInvitee): { name: string; firstName: string | null; lastName: string | null } {
  if (!EMAIL.test(invitee.email ?? "")) throw invalid("invitee.email", "is in invalid format");
  const firstName = invitee.firstName?.trim() || null;
  const lastName = invitee.lastName?.trim() || null;
  const name = invitee.name?.trim() || [firstName, lastName].filter(Boolean).join(" ");
  if (!name) throw invalid("invitee.name", "must be filled");
  if (invitee.timezone && !isValidZone(invitee.timezone)) throw invalid("invitee.timezone", "is invalid");
  return { name, firstName, lastName };
}

function validateAnswers(eventType: EventTypeRecord, answers: QuestionAnswer[]): QuestionAnswer[] {
  const enabled = eventType.customQuestions.filter((q) => q.enabled);
  for (const question of enabled) {
    const answer = answers.find((a) => a.question === question.name)?.answer?.trim();
    if (question.required && !answer) {
      throw invalid("questions_and_answers", `answer to "${question.name}" must be filled`);
    }
    if (answer && question.type === "single_select" && !question.includeOther && !question.answerChoices.includes(answer)) {
      throw invalid("questions_and_answers", `answer to "${question.name}" must be one of: ${question.answerChoices.join(", ")}`);
    }
  }
  const known = new Map(enabled.map((q) => [q.name, q.position]));
  return answers
    .filter((a) => known.has(a.question) && a.answer.trim() !== "")
    .map((a) => ({ question: a.question, answer: a.answer, position: known.get(a.question) ?? a.position }))
    .sort((a, b) => a.position - b.position);
}

function validateGuests(guests: string[]): string[] {
  if (guests.length > 10) throw invalid("event_guests", "size cannot be greater than 10");
  for (const guest of guests) if (!EMAIL.test(guest)) throw invalid("event_guests", "is in invalid format");
  return [...new Set(guests.map((g) => g.trim().toLowerCase()))];
}

function openGroupEvent(ctx: CoreContext, eventType: EventTypeRecord, startTime: number): ScheduledEventRecord | undefined {
  if (eventType.kind !== "group") return undefined;
  return ctx.store
    .eventsOfHost(eventType.userUuid)
    .find((e) => e.eventTypeUuid === eventType.uuid && e.startTime === startTime && e.status === "active");
}

function createEvent(ctx: CoreContext, eventType: EventTypeRecord, input: BookingInput, at: number): ScheduledEventRecord {
  const uuid = nextId(ctx);
  const event: ScheduledEventRecord = {
    uuid,
    eventTypeUuid: eventType.uuid,
    hostUserUuid: eventType.userUuid,
    name: eventType.name,
    status: "active",
    startTime: input.startTime,
    endTime: input.startTime + eventType.duration * MINUTE_MS,
    location: buildEventLocation(eventType.locations, input.location, uuid, ctx.publicUrl),
    guests: [],
    inviteeLimit: eventType.inviteeLimit,
    cancellation: null,
    meetingNotesPlain: null,
    createdAt: at,
    updatedAt: at,
  };
  ctx.store.state.events.set(uuid, event);
  return event;
}

/** Books one invitee on an event type at an exact open start time; emits `invitee.created`. */
export function bookInvitee(ctx: CoreContext, input: BookingInput): BookingResult {
  const eventType = ctx.store.state.eventTypes.get(input.eventTypeUuid);
  if (!eventType || !eventType.active) throw notFound();
  const at = input.createdAt ?? ctx.clock.now();
  if (!input.skipAvailabilityCheck && !findOpenSlot(ctx.store, eventType.uuid, input.startTime, at, input.ignoreEventUuid)) {
    throw new CoreError("not_found", SLOT_UNAVAILABLE_MESSAGE, [{ parameter: "start_time", message: SLOT_UNAVAILABLE_MESSAGE }]);
  }
  const names = validateInvitee(input.invitee);
  const answers = validateAnswers(eventType, input.questionsAndAnswers ?? []);
  const guests = validateGuests(input.guests ?? []);
  const event = openGroupEvent(ctx, eventType, input.startTime) ?? createEvent(ctx, eventType, input, at);
  for (const email of guests) {
    if (!event.guests.some((g) => g.email === email)) event.guests.push({ email, createdAt: at, updatedAt: at });
  }
  event.updatedAt = at;
  const invitee: InviteeRecord = {
    uuid: nextId(ctx),
    eventUuid: event.uuid,
    email: input.invitee.email.trim(),
    ...names,
    status: "active",
    questionsAndAnswers: answers,
    timezone: input.invitee.timezone ?? null,
    tracking: { ...EMPTY_TRACKING, ...input.tracking },
    textReminderNumber: input.invitee.textReminderNumber ?? null,
    rescheduled: false,
    oldInviteeUuid: input.oldInviteeUuid ?? null,
    newInviteeUuid: null,
    cancellation: null,
    noShowUuid: null,
    schedulingMethod: input.schedulingMethod ?? null,
    inviteeScheduledByUuid: input.inviteeScheduledByUuid ?? null,
    createdAt: at,
    updatedAt: at,
  };
  ctx.store.state.invitees.set(invitee.uuid, invitee);
  if (!input.silent) ctx.emit({ event: "invitee.created", inviteeUuid: invitee.uuid });
  return { event, invitee };
}
