/**
 * What each kind of message carries in the outbox, captured from the copy when the message is queued, so the email
 * tells what was true at the change even if it is sent later.
 */
export interface SessionSnapshot {
  eventUuid: string;
  name: string;
  start: string;
  end: string;
  location: string | null;
  joinUrl: string | null;
  /** The calendar entry this session is (a reschedule keeps the first session's UID). */
  calendarUid: string;
  /** When Calendly last changed the record: the invite's SEQUENCE. */
  changedAt: string;
}

export interface Person {
  name: string;
  email: string;
}

export interface SessionMessagePayload {
  session: SessionSnapshot;
  /** The other side: the coach for a realtor, the invitee for a coach. */
  counterpart: Person;
  /** For the .ics: the coach is the organizer and the invitee the attendee. */
  organizer: Person;
  attendee: Person;
  cancellation?: { canceledBy: string | null; cancelerType: string | null; reason: string | null; wholeSessionCanceled: boolean };
  previous?: { start: string; end: string };
  reminder?: { offsetMinutes: number; reminderId: string };
}

export interface LowAvailabilityPayload {
  openHours: number;
  thresholdHours: number;
  days: number;
  date: string;
}

export interface AdminDigestPayload {
  date: string;
  coaches: Array<{ name: string; email: string; openHours: number; thresholdHours: number; days: number }>;
}

export interface ConnectionReauthPayload {
  reason: string | null;
}
