import crypto from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { availabilityCache } from "@/lib/db/schema";
import { logger } from "@/lib/logger";
import { calendlyClientForConnection } from "@/features/calendly/calendly-api";
import { toAppError } from "@/features/calendly/client/errors";
import { bookingConfig } from "./booking-config";
import type { OpenSlot } from "./compute-availability-days";

/**
 * Calendly's open times for one event type, cached in Postgres per window of the allowed size.
 *
 * - Windows sit on a fixed grid (multiples of `windowDays` from Monday 1970-01-05 UTC) so every viewer, whatever
 *   their zone or range, shares the same entries; a week view touches at most two windows, fetched in parallel.
 * - Stale-while-revalidate: fresh entries answer at once; stale ones answer at once and refresh in the background;
 *   expired or missing ones are fetched before answering.
 * - One Calendly call per window at a time: an in-process promise per key, plus a lease on the row so other
 *   instances wait for the holder instead of calling Calendly too.
 * - A change for a coach (webhook, reconciliation, our own booking) deletes their entries and records the time, and
 *   a fetch that started before it is never stored (it could hold the slot that was just taken).
 */
export interface AvailabilityTarget {
  eventTypeUri: string;
  coachUserId: string;
  connectionId: string;
}

export type CacheOutcome = "hit" | "stale" | "miss";

export interface AvailableTimesResult {
  slots: OpenSlot[];
  /** Per window, how it was answered. */
  windows: Array<{ start: string; outcome: CacheOutcome }>;
  /** Calendly requests this call made itself (0 on hits; background refreshes are not waited for). */
  calendlyCalls: number;
}

interface CacheStats {
  hits: number;
  stale: number;
  misses: number;
  waitedForOtherInstance: number;
  calendlyCalls: number;
}

const globalState = globalThis as unknown as {
  sessionlyAvailabilityInFlight?: Map<string, Promise<OpenSlot[]>>;
  sessionlyAvailabilityStats?: CacheStats;
};
const inFlight = (globalState.sessionlyAvailabilityInFlight ??= new Map());
const stats = (globalState.sessionlyAvailabilityStats ??= { hits: 0, stale: 0, misses: 0, waitedForOtherInstance: 0, calendlyCalls: 0 });
const INSTANCE_ID = crypto.randomUUID();
const GRID_ORIGIN_MS = Date.UTC(1970, 0, 5);
const DAY_MS = 86_400_000;

/** Counters since start (or the last reset): what the bench reads to report Calendly calls per view. */
export function availabilityCacheStats(): Readonly<CacheStats> {
  return { ...stats };
}

export function resetAvailabilityCacheStats() {
  Object.assign(stats, { hits: 0, stale: 0, misses: 0, waitedForOtherInstance: 0, calendlyCalls: 0 });
}

/** Grid windows (start ms) covering [start, end). */
export function windowStartsFor(start: Date, end: Date, windowDays: number): number[] {
  const size = windowDays * DAY_MS;
  const first = GRID_ORIGIN_MS + Math.floor((start.getTime() - GRID_ORIGIN_MS) / size) * size;
  const starts: number[] = [];
  for (let at = first; at < end.getTime(); at += size) starts.push(at);
  return starts;
}

function cacheKey(eventTypeUri: string, windowStart: number, windowDays: number) {
  return `${eventTypeUri}|${new Date(windowStart).toISOString()}|${windowDays}`;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function callCalendly(target: AvailabilityTarget, windowStart: number, windowEnd: number, counter: { calls: number }): Promise<OpenSlot[]> {
  // Calendly refuses a start in the past: the current window starts a minute from now.
  const start = Math.max(windowStart, Date.now() + 60_000);
  if (start >= windowEnd) return [];
  const client = calendlyClientForConnection(target.connectionId, {
    onRequest: () => {
      counter.calls += 1;
      stats.calendlyCalls += 1;
    },
  });
  try {
    const times = await client.listEventTypeAvailableTimes({
      event_type: target.eventTypeUri,
      start_time: new Date(start).toISOString(),
      end_time: new Date(windowEnd).toISOString(),
    });
    return times
      .filter((time) => time.status === "available" && Date.parse(time.start_time) < windowEnd)
      .map((time) => ({ start: new Date(time.start_time).toISOString(), remaining: time.invitees_remaining }));
  } catch (error) {
    throw toAppError(error);
  }
}

async function storeSlots(key: string, coachUserId: string, slots: OpenSlot[], fetchStartedAt: Date, leaseOwner: string | null) {
  await getDb().execute(sql`
    update booking_availability_cache
       set slots = ${JSON.stringify(slots)}::jsonb, fetched_at = ${fetchStartedAt.toISOString()}::timestamptz,
           lease_owner = null, lease_until = null
     where key = ${key}
       ${leaseOwner ? sql`and lease_owner = ${leaseOwner}` : sql``}
       and not exists (select 1 from booking_availability_invalidations i
                        where i.coach_user_id = ${coachUserId} and i.invalidated_at > ${fetchStartedAt.toISOString()}::timestamptz)`);
  // Refused because the coach changed meanwhile: still give the lease back so the next reader fetches at once.
  if (leaseOwner) await getDb().execute(sql`update booking_availability_cache set lease_owner = null, lease_until = null where key = ${key} and lease_owner = ${leaseOwner}`);
}

async function acquireLease(key: string, target: AvailabilityTarget, windowStart: number, windowEnd: number, owner: string): Promise<boolean> {
  const now = new Date();
  const until = new Date(now.getTime() + bookingConfig().leaseMs);
  const result = await getDb().execute(sql`
    insert into booking_availability_cache (key, event_type_uri, coach_user_id, window_start, window_end, lease_owner, lease_until)
    values (${key}, ${target.eventTypeUri}, ${target.coachUserId}, ${new Date(windowStart).toISOString()}::timestamptz,
            ${new Date(windowEnd).toISOString()}::timestamptz, ${owner}, ${until.toISOString()}::timestamptz)
    on conflict (key) do update set lease_owner = excluded.lease_owner, lease_until = excluded.lease_until
     where booking_availability_cache.lease_until is null or booking_availability_cache.lease_until < ${now.toISOString()}::timestamptz
    returning key`);
  return result.rows.length > 0;
}

async function readRow(key: string) {
  const [row] = await getDb().select().from(availabilityCache).where(eq(availabilityCache.key, key));
  return row ?? null;
}

/** Fetches one window from Calendly and stores it; concurrent callers (here or on other instances) share one call. */
function refreshWindow(target: AvailabilityTarget, windowStart: number, windowDays: number, counter: { calls: number }): Promise<OpenSlot[]> {
  const key = cacheKey(target.eventTypeUri, windowStart, windowDays);
  const existing = inFlight.get(key);
  if (existing) return existing;
  const windowEnd = windowStart + windowDays * DAY_MS;
  const promise = (async () => {
    const owner = `${INSTANCE_ID}:${crypto.randomUUID()}`;
    const requestedAt = new Date();
    if (await acquireLease(key, target, windowStart, windowEnd, owner)) {
      try {
        const slots = await callCalendly(target, windowStart, windowEnd, counter);
        await storeSlots(key, target.coachUserId, slots, requestedAt, owner);
        return slots;
      } catch (error) {
        await getDb().execute(sql`update booking_availability_cache set lease_owner = null, lease_until = null where key = ${key} and lease_owner = ${owner}`);
        throw error;
      }
    }
    // Another instance holds the lease: wait for its answer rather than calling Calendly a second time.
    stats.waitedForOtherInstance += 1;
    const deadline = Date.now() + bookingConfig().leaseMs;
    while (Date.now() < deadline) {
      await sleep(50);
      const row = await readRow(key);
      if (!row) break; // invalidated meanwhile
      if (row.slots && row.fetchedAt && row.fetchedAt.getTime() >= requestedAt.getTime() - bookingConfig().freshMs && !row.leaseOwner) return row.slots;
      if (!row.leaseUntil || row.leaseUntil.getTime() < Date.now()) break;
    }
    const fetchStartedAt = new Date();
    const slots = await callCalendly(target, windowStart, windowEnd, counter);
    await storeSlots(key, target.coachUserId, slots, fetchStartedAt, null);
    return slots;
  })().finally(() => inFlight.delete(key));
  inFlight.set(key, promise);
  return promise;
}

/** Open start times of an event type in [start, end), through the cache. */
export async function getAvailableTimes(target: AvailabilityTarget, range: { start: Date; end: Date }): Promise<AvailableTimesResult> {
  const config = bookingConfig();
  const starts = windowStartsFor(range.start, range.end, config.windowDays);
  const keys = starts.map((start) => cacheKey(target.eventTypeUri, start, config.windowDays));
  const rows = keys.length ? await getDb().select().from(availabilityCache).where(inArray(availabilityCache.key, keys)) : [];
  const byKey = new Map(rows.map((row) => [row.key, row]));
  const counter = { calls: 0 };
  const now = Date.now();

  const answered = await Promise.all(
    starts.map(async (windowStart, index): Promise<{ slots: OpenSlot[]; outcome: CacheOutcome }> => {
      const row = byKey.get(keys[index]);
      const age = row?.slots && row.fetchedAt ? now - row.fetchedAt.getTime() : Infinity;
      if (row?.slots && age <= config.freshMs) {
        stats.hits += 1;
        return { slots: row.slots, outcome: "hit" };
      }
      if (row?.slots && age <= config.staleMs) {
        stats.stale += 1;
        void refreshWindow(target, windowStart, config.windowDays, { calls: 0 }).catch((error: unknown) =>
          logger.warn({ err: error, eventTypeUri: target.eventTypeUri }, "background availability refresh failed"),
        );
        return { slots: row.slots, outcome: "stale" };
      }
      stats.misses += 1;
      return { slots: await refreshWindow(target, windowStart, config.windowDays, counter), outcome: "miss" };
    }),
  );

  const from = range.start.getTime();
  const to = range.end.getTime();
  const slots = answered
    .flatMap((window) => window.slots)
    .filter((slot) => {
      const at = Date.parse(slot.start);
      return at >= from && at < to && at > now;
    });
  return {
    slots,
    windows: starts.map((start, index) => ({ start: new Date(start).toISOString(), outcome: answered[index].outcome })),
    calendlyCalls: counter.calls,
  };
}

/** Asks Calendly directly (no cache) whether `start` is still open: the check right before a booking. */
export async function isSlotStillOpen(target: AvailabilityTarget, start: Date): Promise<boolean> {
  const windowStart = Math.max(start.getTime() - 60_000, Date.now() + 60_000);
  const slots = await callCalendly(target, windowStart, start.getTime() + 60_000, { calls: 0 });
  return slots.some((slot) => Date.parse(slot.start) === start.getTime() && slot.remaining > 0);
}
