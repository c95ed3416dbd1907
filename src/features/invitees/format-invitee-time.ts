import { formatInZone, formatParts, isSameDay, isValidTimeZone as isKnownZone, zonedParts } from "@/lib/time/zoned";

/**
 * Times for invitee lists, always with the zone named: the session in the invitee's own zone ("their local time")
 * and instants in the viewer's zone. Pure, so the browser and the server render the same text (Intl only: this runs
 * in the browser, see @/lib/time/zoned).
 */
export function isValidTimeZone(zone: string | null | undefined): zone is string {
  return isKnownZone(zone);
}

/** `Tue 3 Mar, 10:00–10:30 (Asia/Kolkata)`; the end's date is repeated when the session crosses midnight there. */
export function formatSessionRange(startIso: string, endIso: string, zone: string): string {
  const start = zonedParts(startIso, zone);
  const end = zonedParts(endIso, zone);
  if (!start || !end) return `Invalid DateTime–Invalid DateTime (${zone})`;
  const endText = formatParts(end, isSameDay(start, end) ? "HH:mm" : "ccc d LLL, HH:mm");
  return `${formatParts(start, "ccc d LLL, HH:mm")}–${endText} (${zone})`;
}

/** `Tue 3 Mar 2026, 10:00 (America/Chicago)`. */
export function formatInstant(iso: string, zone: string): string {
  return `${formatInZone(iso, zone, "ccc d LLL yyyy, HH:mm")} (${zone})`;
}

/**
 * The session in the invitee's zone, or null when Calendly gave no zone (or one we do not know): the list then says
 * "zone unknown" rather than guessing.
 */
export function inviteeLocalTime(startIso: string, endIso: string, inviteeZone: string | null): string | null {
  return isValidTimeZone(inviteeZone) ? formatSessionRange(startIso, endIso, inviteeZone) : null;
}
