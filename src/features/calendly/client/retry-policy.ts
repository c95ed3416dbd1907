// When and how long to wait before retrying a Calendly request: exponential back-off with full jitter for failures,
// and Calendly's own `X-RateLimit-Reset` for 429s (REFERENCE §2.6).

export interface BackoffOptions {
  baseDelayMs: number;
  maxDelayMs: number;
  random: () => number;
}

/** Full jitter: a uniform wait in [0, min(max, base · 2^attempt)); `attempt` starts at 0. */
export function backoffDelayMs(attempt: number, options: BackoffOptions): number {
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** attempt);
  return Math.floor(options.random() * ceiling);
}

export interface RateLimitHeaders {
  limit: number | null;
  remaining: number | null;
  /** Seconds until the window resets. */
  resetSeconds: number | null;
  /** Seconds from `Retry-After` (number or HTTP date), which Calendly does not document but proxies send. */
  retryAfterSeconds: number | null;
}

function nonNegativeNumber(value: string | null): number | null {
  if (value === null || value.trim() === "") return null;
  const number = Number(value);
  return Number.isFinite(number) && number >= 0 ? number : null;
}

export function readRateLimitHeaders(headers: Headers, nowMs: number): RateLimitHeaders {
  const retryAfter = headers.get("retry-after");
  let retryAfterSeconds = nonNegativeNumber(retryAfter);
  if (retryAfterSeconds === null && retryAfter) {
    const date = Date.parse(retryAfter);
    if (!Number.isNaN(date)) retryAfterSeconds = Math.max(0, (date - nowMs) / 1000);
  }
  let resetSeconds = nonNegativeNumber(headers.get("x-ratelimit-reset"));
  // Calendly sends seconds until the reset; a proxy sending an epoch timestamp instead is read as one.
  if (resetSeconds !== null && resetSeconds > 1e9) resetSeconds = Math.max(0, resetSeconds - nowMs / 1000);
  return {
    limit: nonNegativeNumber(headers.get("x-ratelimit-limit")),
    remaining: nonNegativeNumber(headers.get("x-ratelimit-remaining")),
    resetSeconds,
    retryAfterSeconds,
  };
}

/**
 * How long to wait after a 429: the reset Calendly announced, else Retry-After, else back-off; plus up to 250 ms of
 * jitter so parallel workers do not all return at the same instant; capped at `maxWaitMs`.
 */
export function rateLimitWaitMs(
  rateLimit: RateLimitHeaders,
  attempt: number,
  options: BackoffOptions & { maxWaitMs: number },
): number {
  const announcedSeconds = rateLimit.resetSeconds ?? rateLimit.retryAfterSeconds;
  const base = announcedSeconds !== null ? announcedSeconds * 1000 : backoffDelayMs(attempt, options);
  return Math.min(options.maxWaitMs, Math.ceil(base + options.random() * 250));
}
