import { env } from "@/lib/env";

/**
 * Tuning of availability and booking, from the validated environment (src/lib/env.ts: a bad value fails start instead
 * of silently falling back). Calendly allows 7-day windows for `event_type_available_times` (31 days since July 2026):
 * set `CALENDLY_AVAILABILITY_WINDOW_DAYS` to match the account.
 */
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
  const config = env();
  return {
    windowDays: config.CALENDLY_AVAILABILITY_WINDOW_DAYS,
    freshMs: config.AVAILABILITY_CACHE_FRESH_SECONDS * 1000,
    staleMs: config.AVAILABILITY_CACHE_STALE_SECONDS * 1000,
    leaseMs: config.AVAILABILITY_CACHE_LEASE_SECONDS * 1000,
    maxRangeDays: config.AVAILABILITY_MAX_RANGE_DAYS,
    maxSearchDays: config.AVAILABILITY_MAX_SEARCH_DAYS,
    maxDaysAhead: config.AVAILABILITY_MAX_DAYS_AHEAD,
  };
}
