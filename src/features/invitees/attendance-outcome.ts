/**
 * What one booking came to, per DOMAIN.md's session states: a reschedule is never a cancellation, and canceled or
 * rescheduled bookings never count as no-shows or in attendance rates.
 */
export const ATTENDANCE_OUTCOMES = ["upcoming", "in_progress", "attended", "no_show", "canceled", "rescheduled"] as const;
export type AttendanceOutcome = (typeof ATTENDANCE_OUTCOMES)[number];

export interface OutcomeInvitee {
  status: "active" | "canceled";
  rescheduled: boolean;
  noShowUri: string | null;
}

export interface OutcomeSession {
  status: "active" | "canceled";
  rescheduled: boolean;
  startTime: Date;
  endTime: Date;
}

export function attendanceOutcome(invitee: OutcomeInvitee, session: OutcomeSession, now: Date): AttendanceOutcome {
  if (invitee.status === "canceled") return invitee.rescheduled ? "rescheduled" : "canceled";
  if (session.status === "canceled") return session.rescheduled ? "rescheduled" : "canceled";
  if (invitee.noShowUri) return "no_show";
  if (now < session.startTime) return "upcoming";
  if (now < session.endTime) return "in_progress";
  return "attended";
}

export const OUTCOME_LABELS: Record<AttendanceOutcome, string> = {
  upcoming: "Upcoming",
  in_progress: "In progress",
  attended: "Attended",
  no_show: "No-show",
  canceled: "Canceled",
  rescheduled: "Rescheduled",
};

/** Attended ÷ (attended + no-shows), or null when nothing has been decided yet. */
export function attendanceRate(counts: { attended: number; noShow: number }): number | null {
  const decided = counts.attended + counts.noShow;
  return decided === 0 ? null : counts.attended / decided;
}
