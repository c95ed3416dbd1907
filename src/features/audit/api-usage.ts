import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { apiRequestStats } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

/**
 * API usage and error patterns, counted cheaply: `recordApiRequest` only bumps an in-memory counter keyed by
 * (minute, route, status); a timer upserts the counters every few seconds in one statement. Nothing here ever runs
 * on a request's critical path or throws into it: a failed flush is logged and its counts are put back (bounded).
 */

/** Distinct (minute, route, status) keys kept in memory at most; beyond it new keys are dropped and counted. */
const MAX_PENDING_KEYS = 5_000;

interface Counter {
  bucket: number;
  routeKey: string;
  status: number;
  count: number;
  durationMs: number;
}

interface UsageState {
  pending: Map<string, Counter>;
  timer: ReturnType<typeof setTimeout> | null;
  flushing: Promise<void> | null;
  dropped: number;
}

// On globalThis so Next.js hot reloads keep one buffer and one timer.
const globalForUsage = globalThis as unknown as { sessionlyApiUsage?: UsageState };
function state(): UsageState {
  globalForUsage.sessionlyApiUsage ??= { pending: new Map(), timer: null, flushing: null, dropped: 0 };
  return globalForUsage.sessionlyApiUsage;
}

function minuteOf(time: number): number {
  return Math.floor(time / 60_000) * 60_000;
}

function add(usage: UsageState, counter: Counter) {
  const key = `${counter.bucket}|${counter.status}|${counter.routeKey}`;
  const existing = usage.pending.get(key);
  if (existing) {
    existing.count += counter.count;
    existing.durationMs += counter.durationMs;
  } else if (usage.pending.size < MAX_PENDING_KEYS) {
    usage.pending.set(key, { ...counter });
  } else {
    usage.dropped += counter.count;
  }
}

function scheduleFlush(usage: UsageState) {
  if (usage.timer) return;
  usage.timer = setTimeout(() => {
    usage.timer = null;
    void flushApiUsage();
  }, env().API_USAGE_FLUSH_MS); // validated at start (src/lib/env.ts); recordApiRequest catches anything here
  usage.timer.unref?.();
}

/** Counts one answered API request. Synchronous, allocation-light, never throws. */
export function recordApiRequest(routeKey: string, status: number, durationMs = 0, now: number = Date.now()): void {
  try {
    const usage = state();
    add(usage, { bucket: minuteOf(now), routeKey: routeKey.slice(0, 200), status: Math.trunc(status) || 0, count: 1, durationMs: Math.max(0, Math.round(durationMs)) });
    scheduleFlush(usage);
  } catch {
    // Usage counting must never fail a request.
  }
}

/** Writes the buffered counters (one upsert); safe to call at any time, e.g. on shutdown or from a test. */
export async function flushApiUsage(): Promise<void> {
  const usage = state();
  if (usage.flushing) await usage.flushing;
  if (usage.pending.size === 0) return;
  const batch = [...usage.pending.values()];
  usage.pending = new Map();
  usage.flushing = (async () => {
    try {
      await getDb()
        .insert(apiRequestStats)
        .values(batch.map((counter) => ({ bucket: new Date(counter.bucket), routeKey: counter.routeKey, status: counter.status, count: counter.count, durationMsTotal: counter.durationMs })))
        .onConflictDoUpdate({
          target: [apiRequestStats.bucket, apiRequestStats.routeKey, apiRequestStats.status],
          set: {
            count: sql`${apiRequestStats.count} + excluded.count`,
            durationMsTotal: sql`${apiRequestStats.durationMsTotal} + excluded.duration_ms_total`,
          },
        });
      if (usage.dropped > 0) {
        logger.warn({ dropped: usage.dropped }, "api usage counters dropped (too many distinct routes in one flush window)");
        usage.dropped = 0;
      }
    } catch (error) {
      // Put the counts back for the next attempt (bounded by MAX_PENDING_KEYS), and never rethrow.
      for (const counter of batch) add(usage, counter);
      logger.warn({ err: error, counters: batch.length }, "api usage flush failed; will retry");
      scheduleFlush(usage);
    } finally {
      usage.flushing = null;
    }
  })();
  await usage.flushing;
}

/** Counters not yet written (tests and diagnostics). */
export function pendingApiUsageCount(): number {
  return [...state().pending.values()].reduce((sum, counter) => sum + counter.count, 0);
}

/** Drops the buffer and the timer (tests). */
export function resetApiUsageBuffer(): void {
  const usage = state();
  if (usage.timer) clearTimeout(usage.timer);
  usage.timer = null;
  usage.pending = new Map();
  usage.dropped = 0;
}
