import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from "ical-generator";

/**
 * The `.ics` attached to session emails. One UID per session (a reschedule keeps the UID of the chain's first
 * session) so calendars replace the entry on update or cancellation; SEQUENCE grows with every change. Times are
 * written in UTC (no calendar time zone: with one, ical-generator would write the server's wall-clock time).
 */
export interface CalendarInviteInput {
  method: "REQUEST" | "CANCEL";
  uid: string;
  sequence: number;
  start: string;
  end: string;
  summary: string;
  description: string;
  location: string | null;
  url: string | null;
  organizer: { name: string; email: string };
  attendee: { name: string; email: string };
}

export function buildCalendarInvite(input: CalendarInviteInput): string {
  const calendar = ical({
    prodId: { company: "Sessionly", product: "Sessionly", language: "EN" },
    method: input.method === "CANCEL" ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
  });
  calendar.createEvent({
    id: input.uid,
    sequence: input.sequence,
    start: new Date(input.start),
    end: new Date(input.end),
    stamp: new Date(),
    summary: input.summary,
    description: input.description,
    location: input.location,
    url: input.url,
    status: input.method === "CANCEL" ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: input.organizer,
    attendees: [
      {
        name: input.attendee.name,
        email: input.attendee.email,
        role: ICalAttendeeRole.REQ,
        status: input.method === "CANCEL" ? ICalAttendeeStatus.DECLINED : ICalAttendeeStatus.ACCEPTED,
      },
    ],
  });
  return calendar.toString();
}

/** A SEQUENCE that grows with each change: seconds since 2020 of the change's time (fits a 32-bit integer). */
export function sequenceFor(changedAt: Date | string): number {
  return Math.max(0, Math.floor((new Date(changedAt).getTime() - Date.UTC(2020, 0, 1)) / 1000));
}
