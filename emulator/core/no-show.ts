// Invitee no-shows: mark (only once the event has started, not on canceled invitees) and unmark.
import type { NoShowRecord } from "../store/types";
import { nextId, type CoreContext } from "./context";
import { invalid, notFound } from "./errors";

/** Marks an invitee as a no-show; emits `invitee_no_show.created`. */
export function markNoShow(ctx: CoreContext, input: { inviteeUuid: string; at?: number }): NoShowRecord {
  const invitee = ctx.store.state.invitees.get(input.inviteeUuid);
  if (!invitee) throw notFound();
  const event = ctx.store.state.events.get(invitee.eventUuid);
  if (!event) throw notFound();
  const at = input.at ?? ctx.clock.now();
  if (invitee.status === "canceled") throw invalid("invitee", "cannot be marked as no-show for a canceled event");
  if (event.startTime > at) throw invalid("invitee", "cannot be marked as no-show before the event starts");
  if (invitee.noShowUuid) throw invalid("invitee", "is already marked as no-show");
  const noShow: NoShowRecord = { uuid: nextId(ctx), inviteeUuid: invitee.uuid, createdAt: at };
  ctx.store.state.noShows.set(noShow.uuid, noShow);
  Object.assign(invitee, { noShowUuid: noShow.uuid, updatedAt: at });
  ctx.emit({ event: "invitee_no_show.created", inviteeUuid: invitee.uuid });
  return noShow;
}

/** Removes a no-show mark; emits `invitee_no_show.deleted`. */
export function unmarkNoShow(ctx: CoreContext, input: { noShowUuid: string }): void {
  const noShow = ctx.store.state.noShows.get(input.noShowUuid);
  if (!noShow) throw notFound();
  ctx.store.state.noShows.delete(noShow.uuid);
  const invitee = ctx.store.state.invitees.get(noShow.inviteeUuid);
  if (!invitee) return;
  Object.assign(invitee, { noShowUuid: null, updatedAt: ctx.clock.now() });
  ctx.emit({ event: "invitee_no_show.deleted", inviteeUuid: invitee.uuid });
}
