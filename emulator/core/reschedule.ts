// Reschedule: books a new event for the same invitee details, then cancels the old invitee as `rescheduled`.
import type { InviteeRecord } from "../store/types";
import type { CoreContext } from "./context";
import { bookInvitee, type BookingResult } from "./book";
import { cancelInvitee } from "./cancel";
import { forbidden, notFound } from "./errors";

export interface RescheduleInput {
  inviteeUuid: string;
  newStartTime: number;
  reason?: string | null;
  /** Defaults to the invitee rescheduling themselves. */
  cancelerType?: "host" | "invitee";
  /** Optionally move to another event type of the same host. */
  eventTypeUuid?: string;
}

export interface RescheduleResult extends BookingResult {
  oldInvitee: InviteeRecord;
}

/** Emits `invitee.canceled` (old, `rescheduled: true`) then `invitee.created` (new, with `old_invitee`). */
export function rescheduleInvitee(ctx: CoreContext, input: RescheduleInput): RescheduleResult {
  const old = ctx.store.state.invitees.get(input.inviteeUuid);
  if (!old) throw notFound();
  const oldEvent = ctx.store.state.events.get(old.eventUuid);
  if (!oldEvent) throw notFound();
  if (old.status === "canceled") throw forbidden("Event is already canceled");
  if (oldEvent.startTime <= ctx.clock.now()) throw forbidden("Event in the past");
  const booked = bookInvitee(ctx, {
    eventTypeUuid: input.eventTypeUuid ?? oldEvent.eventTypeUuid,
    startTime: input.newStartTime,
    invitee: {
      email: old.email,
      name: old.name,
      firstName: old.firstName,
      lastName: old.lastName,
      timezone: old.timezone,
      textReminderNumber: old.textReminderNumber,
    },
    location: oldEvent.location && typeof oldEvent.location.location === "string"
      ? { kind: locationKindOf(oldEvent.location.type), location: oldEvent.location.location }
      : null,
    questionsAndAnswers: old.questionsAndAnswers,
    tracking: old.tracking,
    guests: oldEvent.guests.map((g) => g.email),
    schedulingMethod: old.schedulingMethod,
    oldInviteeUuid: old.uuid,
    ignoreEventUuid: oldEvent.uuid,
    silent: true,
  });
  const oldInvitee = cancelInvitee(ctx, {
    inviteeUuid: old.uuid,
    cancelerType: input.cancelerType ?? "invitee",
    reason: input.reason ?? null,
    rescheduledToUuid: booked.invitee.uuid,
  });
  ctx.emit({ event: "invitee.created", inviteeUuid: booked.invitee.uuid });
  return { ...booked, oldInvitee };
}

function locationKindOf(type: string): string {
  return type === "zoom" ? "zoom_conference" : type === "gotomeeting" ? "gotomeeting_conference" : type;
}
