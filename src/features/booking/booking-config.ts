/**
 * Tuning of availability and booking, from the environment with safe defaults. Calendly allows 7-day windows for
 * `event_type_available_times` (31 days since July 2026): set `CALENDLY_AVAILABILITY_WINDOW_DAYS` to match the account.
 */
function positiveNumber(name: string, fallback: number): number {
  const raw = process.env[name];
  const value = raw === undefined || raw === "" ? NaN : Number(raw);
  return Number.isFinite(value) && value > 0 ? value : fallback;
}

export interface BookingConfig {
  /** Size of one `event_type_available_times` request, in days. */
  windowDays: number;
  /** A cached window answers without a refresh for this long. */
  freshMs: number;
  /** After `freshMs` and until this, a cached window answers at once and is refreshed in the background. */
  staleMs: number;
  /** How long one instance may hold the fetch lease of a window before others take over. */
  leaseMs: number;
  /** Longest range one availability request may ask for, in days. */
  maxRangeDays: number;
  /** Longest range of a "find any coach" search, in days. */
  maxSearchDays: number;
  /** How far ahead a realtor may look (Calendly's booking period is usually 60 days). */
  maxDaysAhead: number;
}

export function bookingConfig(): BookingConfig {
  return {
    windowDays: Math.min(31, Math.floor(positiveNumber("CALENDLY_AVAILABILITY_WINDOW_DAYS", 7))),
    freshMs: positiveNumber("AVAILABILITY_CACHE_FRESH_SECONDS", 120) * 1000,
    staleMs: positiveNumber("AVAILABILITY_CACHE_STALE_SECONDS", 1800) * 1000,
    leaseMs: positiveNumber("AVAILABILITY_CACHE_LEASE_SECONDS", 15) * 1000,
    maxRangeDays: positiveNumber("AVAILABILITY_MAX_RANGE_DAYS", 31),
    maxSearchDays: positiveNumber("AVAILABILITY_MAX_SEARCH_DAYS", 14),
    maxDaysAhead: positiveNumber("AVAILABILITY_MAX_DAYS_AHEAD", 90),
  };
}
