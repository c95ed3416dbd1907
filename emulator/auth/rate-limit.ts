// Per-user fixed-window rate limiter on the emulator clock (Calendly: 500/min paid, 50/min free).
export interface RateLimitState {
  limit: number;
  remaining: number;
  resetSeconds: number;
  limited: boolean;
}

interface Window {
  startedAt: number;
  used: number;
}

const WINDOW_MS = 60_000;

export class RateLimiter {
  private readonly windows = new Map<string, Window>();

  /** Counts one request for the key and reports the headers' values. */
  hit(key: string, limit: number, now: number): RateLimitState {
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= WINDOW_MS || now < window.startedAt) {
      window = { startedAt: now, used: 0 };
      this.windows.set(key, window);
    }
    window.used += 1;
    const resetSeconds = Math.max(1, Math.ceil((window.startedAt + WINDOW_MS - now) / 1000));
    const limited = window.used > limit;
    return { limit, remaining: Math.max(0, limit - window.used), resetSeconds, limited };
  }

  /** Values for responses that do not count against a user (unauthenticated, OAuth, control plane). */
  static idle(limit: number): RateLimitState {
    return { limit, remaining: limit, resetSeconds: 60, limited: false };
  }

  clear(): void {
    this.windows.clear();
  }
}
