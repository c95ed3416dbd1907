import { DateTime } from "luxon";

/** Session times in the viewer's zone, with the zone named: `Tue 3 Mar, 10:00–10:30 (America/Chicago)`. */
export function formatSessionRange(startIso: string, endIso: string, zone: string): string {
  const start = DateTime.fromISO(startIso, { zone });
  const end = DateTime.fromISO(endIso, { zone });
  const sameDay = start.hasSame(end, "day");
  const startText = start.toFormat(start.year === DateTime.now().setZone(zone).year ? "ccc d LLL, HH:mm" : "ccc d LLL yyyy, HH:mm");
  const endText = sameDay ? end.toFormat("HH:mm") : end.toFormat("ccc d LLL, HH:mm");
  return `${startText}–${endText} (${zone})`;
}

export function formatDateTime(iso: string, zone: string): string {
  return `${DateTime.fromISO(iso, { zone }).toFormat("ccc d LLL yyyy, HH:mm")} (${zone})`;
}

export function formatDuration(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hoursPart = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hoursPart} h ${rest} min` : `${hoursPart} h`;
}
