/**
 * "Add to calendar" links for Google Calendar and Outlook (web), for one session or for the subscription feed.
 * Times are UTC, so the calendar shows them in the reader's own zone.
 */
export interface CalendarLinkEvent {
  title: string;
  start: Date;
  end: Date;
  details: string;
  location: string | null;
}

const compactUtc = (date: Date) => date.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");

export function googleCalendarLink(event: CalendarLinkEvent): string {
  const url = new URL("https://calendar.google.com/calendar/render");
  url.searchParams.set("action", "TEMPLATE");
  url.searchParams.set("text", event.title);
  url.searchParams.set("dates", `${compactUtc(event.start)}/${compactUtc(event.end)}`);
  url.searchParams.set("details", event.details);
  if (event.location) url.searchParams.set("location", event.location);
  return url.toString();
}

export function outlookCalendarLink(event: CalendarLinkEvent): string {
  const url = new URL("https://outlook.live.com/calendar/0/deeplink/compose");
  url.searchParams.set("path", "/calendar/action/compose");
  url.searchParams.set("rru", "addevent");
  url.searchParams.set("subject", event.title);
  url.searchParams.set("startdt", event.start.toISOString());
  url.searchParams.set("enddt", event.end.toISOString());
  url.searchParams.set("body", event.details);
  if (event.location) url.searchParams.set("location", event.location);
  return url.toString();
}

/** Subscribe links for a feed URL (https): Google takes a webcal:// id, Outlook the URL itself. */
export function feedSubscribeLinks(feedUrl: string, name: string) {
  const webcal = feedUrl.replace(/^https?:\/\//, "webcal://");
  const google = new URL("https://calendar.google.com/calendar/r");
  google.searchParams.set("cid", webcal);
  const outlook = new URL("https://outlook.live.com/calendar/0/addfromweb");
  outlook.searchParams.set("url", feedUrl);
  outlook.searchParams.set("name", name);
  return { webcal, google: google.toString(), outlook: outlook.toString() };
}
