// Cancellation: a host cancels a whole event (API), or one invitee cancels their booking (page / control plane).
import type { CancellationRecord, InviteeRecord, ScheduledEventRecord } from "../store/types";
import type { Actor, CoreContext } from "./context";
import { forbidden, invalid, notFound } from "./errors";

export interface CancelEventInput {
  eventUuid: string;
  actor: Actor;
  reason?: string | null;
}

export interface CancelInviteeInput {
  inviteeUuid: string;
  cancelerType: "host" | "invitee";
  reason?: string | null;
  /** Name shown in `canceled_by`; defaults to the invitee's (invitee) or the host's (host) name. */
  canceledBy?: string;
  /** Internal: marks the invitee as the old half of a reschedule. */
  rescheduledToUuid?: string;
  /** Do not emit `invitee.canceled`. */
  silent?: boolean;
  at?: number;
}

function hostName(ctx: CoreContext, event: ScheduledEventRecord): string {
  return ctx.store.state.users.get(event.hostUserUuid)?.name ?? "Host";
}

function cancellationFor(ctx: CoreContext, event: ScheduledEventRecord, actor: Actor, reason: string | null, at: number): CancellationRecord {
  const name = actor.kind === "user" ? (ctx.store.state.users.get(actor.userUuid)?.name ?? hostName(ctx, event)) : "Invitee";
  return { canceledBy: name, reason, cancelerType: actor.kind === "user" ? "host" : "invitee", createdAt: at };
}

/** Business rules of POST /scheduled_events/{uuid}/cancellation (403 texts are Calendly's). */
export function assertEventCancelable(ctx: CoreContext, event: ScheduledEventRecord): void {
  if (event.status === "canceled") throw forbidden("Event is already canceled");
  if (event.startTime <= ctx.clock.now()) throw forbidden("Event in the past");
}

/** Cancels the whole event and all its active invitees; emits `invitee.canceled` for each. */
export function cancelEvent(ctx: CoreContext, input: CancelEventInput): CancellationRecord {
  const event = ctx.store.state.events.get(input.eventUuid);
  if (!event) throw notFound();
  assertEventCancelable(ctx, event);
  if (input.reason && input.reason.length > 10_000) throw invalid("reason", "size cannot be greater than 10000");
  const at = ctx.clock.now();
  const cancellation = cancellationFor(ctx, event, input.actor, input.reason ?? null, at);
  const active = ctx.store.inviteesOfEvent(event.uuid).filter((i) => i.status === "active");
  for (const invitee of active) {
    Object.assign(invitee, { status: "canceled", cancellation: { ...cancellation }, updatedAt: at });
  }
  Object.assign(event, { status: "canceled", cancellation, updatedAt: at });
  for (const invitee of active) ctx.emit({ event: "invitee.canceled", inviteeUuid: invitee.uuid });
  return cancellation;
}

/** Cancels one invitee; the event is canceled too when no active invitee remains. Emits `invitee.canceled`. */
export function cancelInvitee(ctx: CoreContext, input: CancelInviteeInput): InviteeRecord {
  const invitee = ctx.store.state.invitees.get(input.inviteeUuid);
  if (!invitee) throw notFound();
  const event = ctx.store.state.events.get(invitee.eventUuid);
  if (!event) throw notFound();
  if (invitee.status === "canceled") throw forbidden("Event is already canceled");
  const at = input.at ?? ctx.clock.now();
  if (event.startTime <= at) throw forbidden("Event in the past");
  const canceledBy = input.canceledBy ?? (input.cancelerType === "invitee" ? invitee.name : hostName(ctx, event));
  const cancellation: CancellationRecord = { canceledBy, reason: input.reason ?? null, cancelerType: input.cancelerType, createdAt: at };
  Object.assign(invitee, {
    status: "canceled",
    cancellation,
    updatedAt: at,
    rescheduled: input.rescheduledToUuid !== undefined,
    newInviteeUuid: input.rescheduledToUuid ?? null,
  });
  if (ctx.store.activeInviteeCount(event.uuid) === 0) {
    Object.assign(event, { status: "canceled", cancellation: { ...cancellation }, updatedAt: at });
  } else {
    event.updatedAt = at;
  }
  if (!input.silent) ctx.emit({ event: "invitee.canceled", inviteeUuid: invitee.uuid });
  return invitee;
}
