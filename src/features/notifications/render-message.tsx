import { render } from "@react-email/render";
import { env } from "@/lib/env";
import type { notificationMessages } from "@/lib/db/schema";
import { buildCalendarInvite, sequenceFor } from "./calendar-invite";
import { NotificationEmail, type NotificationEmailProps } from "./emails/notification-email";
import { describeOffset, formatSessionTime, validZone } from "./format-session-time";
import type { AdminDigestPayload, ConnectionReauthPayload, LowAvailabilityPayload, SessionMessagePayload } from "./message-payloads";

/** Turns an outbox row into the email its recipient gets: subject, HTML, plain text and the calendar invite. */
type MessageRow = Pick<typeof notificationMessages.$inferSelect, "kind" | "recipientName" | "recipientRole" | "timeZone" | "payload">;

export interface RenderedMessage {
  subject: string;
  html: string;
  text: string;
  ics: string | null;
}

type Content = Omit<NotificationEmailProps, "unsubscribeUrl" | "preferencesUrl"> & { subject: string; ics: string | null };

export async function renderMessage(row: MessageRow, links: { unsubscribeUrl: string }): Promise<RenderedMessage> {
  const content = contentFor(row);
  const { subject, ics, ...props } = content;
  const element = <NotificationEmail {...props} unsubscribeUrl={links.unsubscribeUrl} preferencesUrl={`${env().APP_URL}/settings`} />;
  const html = await render(element);
  const text = await render(element, { plainText: true });
  return { subject, html, text, ics };
}

function contentFor(row: MessageRow): Content {
  const zone = validZone(row.timeZone);
  const appUrl = env().APP_URL;
  const greeting = row.recipientName ? `Hi ${row.recipientName.split(" ")[0]},` : "Hi,";
  switch (row.kind) {
    case "booking_confirmation":
    case "cancellation":
    case "reschedule":
    case "reminder":
      return sessionContent(row, row.payload as unknown as SessionMessagePayload, zone, greeting, appUrl);
    case "low_availability": {
      const payload = row.payload as unknown as LowAvailabilityPayload;
      return {
        subject: `Your availability is running low: ${formatHours(payload.openHours)} open in the next ${payload.days} days`,
        preview: `${formatHours(payload.openHours)} open, under your ${formatHours(payload.thresholdHours)} threshold.`,
        heading: "Your availability is running low",
        paragraphs: [
          greeting,
          `Realtors can book only ${formatHours(payload.openHours)} with you over the next ${payload.days} days, under the ${formatHours(payload.thresholdHours)} you asked us to watch for. Opening more time in Calendly keeps sessions flowing.`,
        ],
        details: [
          { label: "Open hours", value: formatHours(payload.openHours) },
          { label: "Your threshold", value: formatHours(payload.thresholdHours) },
        ],
        action: { label: "Review your event types", href: `${appUrl}/calendly` },
        footerNote: "You get at most one of these a day.",
        ics: null,
      };
    }
    case "admin_digest": {
      const payload = row.payload as unknown as AdminDigestPayload;
      return {
        subject: `Low availability: ${payload.coaches.length} coach${payload.coaches.length === 1 ? "" : "es"} under threshold`,
        preview: payload.coaches.map((coach) => coach.name).join(", "),
        heading: "Coaches with low availability today",
        paragraphs: [greeting, "These coaches have fewer open hours than their threshold:"],
        details: payload.coaches.map((coach) => ({
          label: coach.name,
          value: `${formatHours(coach.openHours)} open in ${coach.days} days (threshold ${formatHours(coach.thresholdHours)})`,
        })),
        action: { label: "Open coaches & connections", href: `${appUrl}/admin/connections` },
        footerNote: "The daily digest for Sessionly admins.",
        ics: null,
      };
    }
    case "connection_reauth": {
      const payload = row.payload as unknown as ConnectionReauthPayload;
      return {
        subject: "Reconnect Calendly to keep your sessions in sync",
        preview: "Calendly asked us to sign in again.",
        heading: "Reconnect your Calendly account",
        paragraphs: [
          greeting,
          "Calendly no longer accepts Sessionly's access to your account, so new bookings, cancellations and availability stop reaching Sessionly until you reconnect. It takes a minute.",
          ...(payload.reason ? [`What Calendly said: ${payload.reason}`] : []),
        ],
        details: [],
        action: { label: "Reconnect Calendly", href: `${appUrl}/calendly` },
        footerNote: "You get this when your Calendly connection needs attention.",
        ics: null,
      };
    }
  }
}

function sessionContent(row: MessageRow, payload: SessionMessagePayload, zone: string, greeting: string, appUrl: string): Content {
  const { session, counterpart } = payload;
  const when = formatSessionTime(session.start, session.end, zone);
  const withWhom = row.recipientRole === "coach" ? `with ${counterpart.name}` : `with your coach ${counterpart.name}`;
  const details = [
    { label: "When", value: when },
    { label: row.recipientRole === "coach" ? "Realtor" : "Coach", value: `${counterpart.name} (${counterpart.email})` },
    ...(session.location || session.joinUrl ? [{ label: "Where", value: session.joinUrl ?? session.location ?? "" }] : []),
  ];
  const invite = (method: "REQUEST" | "CANCEL") =>
    buildCalendarInvite({
      method,
      uid: session.calendarUid,
      sequence: sequenceFor(session.changedAt),
      start: session.start,
      end: session.end,
      summary: `${session.name} (${row.recipientRole === "coach" ? payload.attendee.name : payload.organizer.name})`,
      description: `Sessionly coaching session ${withWhom}.\n${appUrl}/sessions/${session.eventUuid}`,
      location: session.joinUrl ?? session.location,
      url: `${appUrl}/sessions/${session.eventUuid}`,
      organizer: payload.organizer,
      attendee: payload.attendee,
    });
  const action = { label: "View session", href: `${appUrl}/sessions/${session.eventUuid}` };
  const footerNote = "You get this email because you have a session on Sessionly.";

  switch (row.kind) {
    case "booking_confirmation":
      return {
        subject: `Booked: ${session.name} ${withWhom}, ${when}`,
        preview: `${session.name}, ${when}`,
        heading: "Your session is booked",
        paragraphs: [greeting, `${session.name} ${withWhom} is confirmed. The calendar invite is attached.`],
        details,
        action,
        footerNote,
        ics: invite("REQUEST"),
      };
    case "reschedule": {
      const before = payload.previous ? formatSessionTime(payload.previous.start, payload.previous.end, zone) : null;
      return {
        subject: `Rescheduled: ${session.name} ${withWhom}, now ${when}`,
        preview: before ? `${before} → ${when}` : `Now ${when}`,
        heading: "Your session moved",
        paragraphs: [greeting, `${session.name} ${withWhom} was rescheduled. The attached invite updates your calendar.`],
        details: [...(before ? [{ label: "Was", value: before }] : []), { label: "Now", value: when }, ...details.slice(1)],
        action,
        footerNote,
        ics: invite("REQUEST"),
      };
    }
    case "cancellation": {
      const cancellation = payload.cancellation;
      const who = cancellation?.canceledBy ?? (cancellation?.cancelerType === "host" ? "The coach" : "The invitee");
      return {
        subject: `Canceled: ${session.name} ${withWhom}, ${when}`,
        preview: `${who} canceled${cancellation?.reason ? `: ${cancellation.reason}` : ""}`,
        heading: "Your session was canceled",
        paragraphs: [greeting, `${session.name} ${withWhom} on ${when} was canceled by ${who}.`],
        details: [...details, { label: "Canceled by", value: who }, ...(cancellation?.reason ? [{ label: "Reason", value: cancellation.reason }] : [])],
        action: null,
        footerNote,
        // A coach's calendar keeps a group session while other invitees remain: cancel it only when the session is.
        ics: row.recipientRole === "coach" && cancellation && !cancellation.wholeSessionCanceled ? null : invite("CANCEL"),
      };
    }
    default: {
      const offset = payload.reminder ? describeOffset(payload.reminder.offsetMinutes) : "soon";
      return {
        subject: `Reminder: ${session.name} ${withWhom} in ${offset}`,
        preview: when,
        heading: `Your session starts in ${offset}`,
        paragraphs: [greeting, `A reminder that ${session.name} ${withWhom} starts in ${offset}.`],
        details,
        action: session.joinUrl ? { label: "Join", href: session.joinUrl } : action,
        footerNote,
        ics: null,
      };
    }
  }
}

function formatHours(hours: number): string {
  const rounded = Math.round(hours * 10) / 10;
  return `${rounded} hour${rounded === 1 ? "" : "s"}`;
}
