/**
 * A session's state per DOMAIN.md, derived from Calendly's `active` / `canceled` plus our facts (reschedule chain,
 * no-show marks). Pure, so the list, the details page, the calendar export and the tests agree.
 */
export const SESSION_STATES = ["upcoming", "in_progress", "completed", "no_show", "canceled_by_host", "canceled_by_invitee", "rescheduled"] as const;
export type SessionState = (typeof SESSION_STATES)[number];

export interface SessionStateFacts {
  status: "active" | "canceled";
  rescheduled: boolean;
  cancelerType: string | null;
  startTime: Date;
  endTime: Date;
  /** An active invitee of the session is marked no-show. */
  hasNoShow: boolean;
}

export function deriveSessionState(facts: SessionStateFacts, now: Date): SessionState {
  if (facts.status === "canceled") {
    if (facts.rescheduled) return "rescheduled";
    return facts.cancelerType === "invitee" ? "canceled_by_invitee" : "canceled_by_host";
  }
  if (facts.startTime > now) return "upcoming";
  if (facts.hasNoShow) return "no_show";
  return facts.endTime > now ? "in_progress" : "completed";
}

export const SESSION_STATE_LABELS: Record<SessionState, string> = {
  upcoming: "Upcoming",
  in_progress: "In progress",
  completed: "Completed",
  no_show: "No-show",
  canceled_by_host: "Canceled by host",
  canceled_by_invitee: "Canceled by invitee",
  rescheduled: "Rescheduled",
};

/** The list filter's status choices (DOMAIN.md states grouped as the issue names them). */
export const STATUS_FILTERS = ["upcoming", "past", "canceled", "rescheduled", "no_show"] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export const STATUS_FILTER_LABELS: Record<StatusFilter, string> = {
  upcoming: "Upcoming",
  past: "Past",
  canceled: "Canceled",
  rescheduled: "Rescheduled",
  no_show: "No-show",
};
