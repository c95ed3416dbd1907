import { formatInZone, formatParts, isSameDay, isValidTimeZone, zonedParts } from "@/lib/time/zoned";

// Intl only (see @/lib/time/zoned): the mailbox and the session page format these times in the browser too.

/** "Tue 3 Mar, 10:00–10:30 (America/Chicago)": a session's time in the recipient's zone, with the zone named. */
export function formatSessionTime(start: Date | string, end: Date | string, timeZone: string): string {
  const zone = validZone(timeZone);
  const from = zonedParts(start, zone);
  const to = zonedParts(end, zone);
  if (!from || !to) return `Invalid DateTime–Invalid DateTime (${zone})`;
  return `${formatParts(from, "ccc d LLL, HH:mm")}–${formatParts(to, isSameDay(from, to) ? "HH:mm" : "ccc d LLL, HH:mm")} (${zone})`;
}

/** "Tue 3 Mar, 10:00 (America/Chicago)" for one instant. */
export function formatInstant(at: Date | string, timeZone: string): string {
  const zone = validZone(timeZone);
  return `${formatInZone(at, zone, "ccc d LLL, HH:mm")} (${zone})`;
}

export function validZone(timeZone: string | null | undefined): string {
  if (timeZone && isValidTimeZone(timeZone)) return timeZone;
  return "UTC";
}

/** "24 hours", "1 hour", "10 minutes", "2 days". */
export function describeOffset(minutes: number): string {
  if (minutes % 1440 === 0) return plural(minutes / 1440, "day");
  if (minutes % 60 === 0) return plural(minutes / 60, "hour");
  return plural(minutes, "minute");
}

function plural(count: number, unit: string) {
  return `${count} ${unit}${count === 1 ? "" : "s"}`;
}
