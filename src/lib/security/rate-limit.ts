import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";

/**
 * Request rate limits (rate-limiter-flexible): per IP for everyone, per user once signed in, a strict bucket for
 * sign-in/sign-up and one for the webhook endpoint. Counters live in Postgres when Sessionly runs on a real database
 * (shared by all instances), in memory with the embedded one. Past a limit: 429 with Retry-After.
 *
 * The webhook bucket always counts in memory, per instance: Calendly delivers from a few IPs, so a shared Postgres
 * counter is one hot row that every delivery updates (bench/webhook-ingest measured it as the ingest's bottleneck),
 * and what the bucket protects is each instance against a flood (unsigned requests are refused before any write).
 * Its default (30,000/min = 500/s per IP and instance) sits above Calendly's burst rates.
 */
export type RateLimitBucket = "auth" | "webhook" | "ip" | "user";

export type RateLimits = Record<RateLimitBucket, { points: number; duration: number }>;

/** The configured limits (RATE_LIMIT_*_PER_MINUTE, validated in src/lib/env.ts), read when a limiter is made. */
export function defaultLimits(): RateLimits {
  const config = env();
  return {
    auth: { points: config.RATE_LIMIT_AUTH_PER_MINUTE, duration: 60 },
    webhook: { points: config.RATE_LIMIT_WEBHOOK_PER_MINUTE, duration: 60 },
    ip: { points: config.RATE_LIMIT_IP_PER_MINUTE, duration: 60 },
    user: { points: config.RATE_LIMIT_USER_PER_MINUTE, duration: 60 },
  };
}

const globalForLimits = globalThis as unknown as { sessionlyRateLimiters?: Map<string, RateLimiterAbstract>; sessionlyRateLimitOverrides?: Partial<RateLimits> };

function postgresStoreChosen(): boolean {
  const choice = env().RATE_LIMIT_STORE;
  if (choice) return choice === "postgres";
  return Boolean(process.env.DATABASE_URL) && process.env.SESSIONLY_EMBEDDED_DB !== "1";
}

function limiter(bucket: RateLimitBucket): RateLimiterAbstract {
  const limiters = (globalForLimits.sessionlyRateLimiters ??= new Map());
  const { points, duration } = globalForLimits.sessionlyRateLimitOverrides?.[bucket] ?? defaultLimits()[bucket];
  const store = postgresStoreChosen() && bucket !== "webhook" ? "postgres" : "memory";
  // Keyed by its settings too, so a limiter made under other limits is never reused.
  const cacheKey = `${bucket}:${points}:${duration}:${store}`;
  let existing = limiters.get(cacheKey);
  if (!existing) {
    existing =
      store === "postgres"
        ? new RateLimiterPostgres({ storeClient: getDb().$client, tableName: "rate_limits", tableCreated: true, keyPrefix: `${bucket}:${points}`, points, duration })
        : new RateLimiterMemory({ keyPrefix: bucket, points, duration });
    limiters.set(cacheKey, existing);
  }
  return existing;
}

/** Counts one request against a bucket; throws a 429 AppError with Retry-After when over the limit. */
export async function consumeRateLimit(bucket: RateLimitBucket, key: string): Promise<void> {
  try {
    await limiter(bucket).consume(key);
  } catch (rejection) {
    // Over the limit, the limiter rejects with a RateLimiterRes (checked by shape: the class can be loaded twice).
    if (rejection instanceof RateLimiterRes || typeof (rejection as RateLimiterRes | undefined)?.msBeforeNext === "number") {
      const seconds = Math.max(1, Math.ceil((rejection as RateLimiterRes).msBeforeNext / 1000));
      throw new AppError("rate_limited", `Too many requests. Try again in ${seconds} second${seconds === 1 ? "" : "s"}.`, { retryAfterSeconds: seconds });
    }
    // The limiter's store failing must not take the API down: let the request through, and say so.
    logger.warn({ err: rejection, bucket }, "rate limiter unavailable; request allowed");
  }
}

/** For tests: different limits, fresh counters. */
export function configureRateLimits(overrides: Partial<RateLimits> = {}) {
  globalForLimits.sessionlyRateLimitOverrides = overrides;
  globalForLimits.sessionlyRateLimiters = new Map();
}
