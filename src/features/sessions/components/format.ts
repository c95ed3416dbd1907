import { formatInZone, formatParts, isSameDay, zonedParts } from "@/lib/time/zoned";

/** Session times in the viewer's zone, with the zone named: `Tue 3 Mar, 10:00–10:30 (America/Chicago)`. */
export function formatSessionRange(startIso: string, endIso: string, zone: string): string {
  const start = zonedParts(startIso, zone);
  const end = zonedParts(endIso, zone);
  if (!start || !end) return `Invalid DateTime–Invalid DateTime (${zone})`;
  const startText = formatParts(start, start.year === zonedParts(new Date(), zone)?.year ? "ccc d LLL, HH:mm" : "ccc d LLL yyyy, HH:mm");
  const endText = formatParts(end, isSameDay(start, end) ? "HH:mm" : "ccc d LLL, HH:mm");
  return `${startText}–${endText} (${zone})`;
}

export function formatDateTime(iso: string, zone: string): string {
  return `${formatInZone(iso, zone, "ccc d LLL yyyy, HH:mm")} (${zone})`;
}

export function formatDuration(minutes: number): string {
  if (minutes < 60) return `${minutes} min`;
  const hoursPart = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest ? `${hoursPart} h ${rest} min` : `${hoursPart} h`;
}
