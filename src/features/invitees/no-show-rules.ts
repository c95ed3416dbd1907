import type { OutcomeInvitee, OutcomeSession } from "./attendance-outcome";

/**
 * Why a no-show cannot be marked right now, or null when it can. Calendly's own rules (checked again by Calendly):
 * only once the session has started, never on a canceled booking. Unmarking is always allowed.
 */
export function noShowMarkRefusal(invitee: OutcomeInvitee, session: OutcomeSession, now: Date): string | null {
  if (invitee.status === "canceled" && invitee.rescheduled) {
    return "This booking was rescheduled, so it cannot be marked as a no-show; mark the new session instead.";
  }
  if (invitee.status === "canceled" || session.status === "canceled") {
    return "This session was canceled, so its invitee cannot be marked as a no-show.";
  }
  if (now < session.startTime) {
    return "This session has not started yet; a no-show can be marked once it has started.";
  }
  return null;
}
