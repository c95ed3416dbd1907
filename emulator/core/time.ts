// Timestamp helpers: Calendly's microsecond UTC format and tolerant ISO parsing.
import { DateTime } from "luxon";

/** Formats epoch milliseconds as Calendly does: `2026-11-25T17:00:00.000000Z`. */
export function formatTimestamp(ms: number): string {
  const iso = new Date(ms).toISOString(); // 2026-11-25T17:00:00.000Z
  return `${iso.slice(0, 23)}000Z`;
}

/** Formats a nullable timestamp. */
export function formatNullableTimestamp(ms: number | null): string | null {
  return ms === null ? null : formatTimestamp(ms);
}

/** Parses an ISO-8601 instant (with `Z` or an offset, any fraction, `T24:00` allowed); null when invalid. */
export function parseTimestamp(value: string): number | null {
  const trimmed = value.trim();
  const midnight = /^(\d{4}-\d{2}-\d{2})T24:00(:00(\.0+)?)?(Z|[+-]\d{2}:?\d{2})$/.exec(trimmed);
  if (midnight) {
    const base = DateTime.fromISO(`${midnight[1]}T00:00:00${midnight[4]}`, { setZone: true });
    return base.isValid ? base.plus({ days: 1 }).toMillis() : null;
  }
  if (!/T.*(Z|[+-]\d{2}:?\d{2})$/.test(trimmed)) return null;
  const parsed = DateTime.fromISO(trimmed, { setZone: true });
  return parsed.isValid ? parsed.toMillis() : null;
}

export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;
export const DAY_MS = 24 * HOUR_MS;
