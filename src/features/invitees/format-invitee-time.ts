import { DateTime } from "luxon";

/**
 * Times for invitee lists, always with the zone named: the session in the invitee's own zone ("their local time")
 * and instants in the viewer's zone. Pure, so the browser and the server render the same text.
 */
export function isValidTimeZone(zone: string | null | undefined): zone is string {
  return Boolean(zone) && DateTime.local().setZone(zone!).isValid;
}

/** `Tue 3 Mar, 10:00–10:30 (Asia/Kolkata)`; the end's date is repeated when the session crosses midnight there. */
export function formatSessionRange(startIso: string, endIso: string, zone: string): string {
  const start = DateTime.fromISO(startIso, { zone });
  const end = DateTime.fromISO(endIso, { zone });
  const sameDay = start.hasSame(end, "day");
  const endText = sameDay ? end.toFormat("HH:mm") : end.toFormat("ccc d LLL, HH:mm");
  return `${start.toFormat("ccc d LLL, HH:mm")}–${endText} (${zone})`;
}

/** `Tue 3 Mar 2026, 10:00 (America/Chicago)`. */
export function formatInstant(iso: string, zone: string): string {
  return `${DateTime.fromISO(iso, { zone }).toFormat("ccc d LLL yyyy, HH:mm")} (${zone})`;
}

/**
 * The session in the invitee's zone, or null when Calendly gave no zone (or one luxon does not know): the list then
 * says "zone unknown" rather than guessing.
 */
export function inviteeLocalTime(startIso: string, endIso: string, inviteeZone: string | null): string | null {
  return isValidTimeZone(inviteeZone) ? formatSessionRange(startIso, endIso, inviteeZone) : null;
}
