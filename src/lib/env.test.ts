import { afterEach, describe, expect, it } from "vitest";
import { bookingConfig } from "@/features/booking/booking-config";
import { reconcileFutureDays, reconcilePastDays } from "@/features/calendly/sync/reconcile-connection";
import { retentionMonths } from "@/features/privacy/privacy-config";
import { lowAvailabilityCron, reconcileCron, reminderSweepCron, retentionCron, webhookSweepCron } from "@/lib/jobs/queues";
import { defaultLimits } from "@/lib/security/rate-limit";
import { EnvError, env, parseEnv, resetEnvCache } from "./env";

/** The problems parseEnv reports for a source (none: an empty list). */
function problemsOf(source: Record<string, string>): string[] {
  try {
    parseEnv(source);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(EnvError);
    return (error as EnvError).problems;
  }
}

describe("env", () => {
  it("has embedded defaults for everything", () => {
    const env = parseEnv({});
    expect(env.PORT).toBe(3000);
    expect(env.APP_URL).toBe("http://localhost:3000");
    expect(env.DATABASE_URL).toBeUndefined();
    expect(env.usesEmulator).toBe(true);
    expect(env.CALENDLY_API_BASE).toBe("http://127.0.0.1:4010");
    expect(env.DEMO_PASSWORD).toBe("sessionly-demo");
  });

  it("switches to real Calendly when its base URL is configured", () => {
    const env = parseEnv({ CALENDLY_API_BASE: "https://api.calendly.com", CALENDLY_AUTH_BASE: "https://auth.calendly.com" });
    expect(env.usesEmulator).toBe(false);
    expect(env.CALENDLY_AUTH_BASE).toBe("https://auth.calendly.com");
  });

  it("lists every bad variable in one error", () => {
    let caught: unknown;
    try {
      parseEnv({ PORT: "not-a-port", DATABASE_URL: "mysql://x", DEMO_PASSWORD: "short", CALENDLY_CLIENT_ID: "id", RECONCILE_NO_SHOW_CHECKS: "ten" });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EnvError);
    const problems = (caught as EnvError).problems.join("\n");
    expect(problems).toMatch(/PORT/);
    expect(problems).toMatch(/DATABASE_URL: must be a postgres/);
    expect(problems).toMatch(/DEMO_PASSWORD/);
    expect(problems).toMatch(/CALENDLY_CLIENT_SECRET/);
    expect(problems).toMatch(/RECONCILE_NO_SHOW_CHECKS: must be a whole number/);
    expect(parseEnv({}).RECONCILE_NO_SHOW_CHECKS).toBe(10);
  });

  it("keeps the tunables' previous defaults", () => {
    const env = parseEnv({});
    expect({
      REMINDER_SWEEP_CRON: env.REMINDER_SWEEP_CRON,
      LOW_AVAILABILITY_CRON: env.LOW_AVAILABILITY_CRON,
      WEBHOOK_SWEEP_CRON: env.WEBHOOK_SWEEP_CRON,
      RECONCILE_CRON: env.RECONCILE_CRON,
      RETENTION_CRON: env.RETENTION_CRON,
      RECONCILE_PAST_DAYS: env.RECONCILE_PAST_DAYS,
      RECONCILE_FUTURE_DAYS: env.RECONCILE_FUTURE_DAYS,
      RECONCILE_NO_SHOW_HOURS: env.RECONCILE_NO_SHOW_HOURS,
      RATE_LIMIT_AUTH_PER_MINUTE: env.RATE_LIMIT_AUTH_PER_MINUTE,
      RATE_LIMIT_WEBHOOK_PER_MINUTE: env.RATE_LIMIT_WEBHOOK_PER_MINUTE,
      RATE_LIMIT_IP_PER_MINUTE: env.RATE_LIMIT_IP_PER_MINUTE,
      RATE_LIMIT_USER_PER_MINUTE: env.RATE_LIMIT_USER_PER_MINUTE,
      RATE_LIMIT_STORE: env.RATE_LIMIT_STORE,
      NOTIFICATION_RETRY_DELAY_SECONDS: env.NOTIFICATION_RETRY_DELAY_SECONDS,
      CALENDLY_RETRY_BASE_MS: env.CALENDLY_RETRY_BASE_MS,
      RETENTION_MONTHS: env.RETENTION_MONTHS,
      API_USAGE_FLUSH_MS: env.API_USAGE_FLUSH_MS,
      DATABASE_POOL_SIZE: env.DATABASE_POOL_SIZE,
    }).toEqual({
      REMINDER_SWEEP_CRON: "* * * * *",
      LOW_AVAILABILITY_CRON: "0 13 * * *",
      WEBHOOK_SWEEP_CRON: "* * * * *",
      RECONCILE_CRON: "*/15 * * * *",
      RETENTION_CRON: "30 3 * * *",
      RECONCILE_PAST_DAYS: 30,
      RECONCILE_FUTURE_DAYS: 180,
      RECONCILE_NO_SHOW_HOURS: 48,
      RATE_LIMIT_AUTH_PER_MINUTE: 20,
      RATE_LIMIT_WEBHOOK_PER_MINUTE: 30_000,
      RATE_LIMIT_IP_PER_MINUTE: 1200,
      RATE_LIMIT_USER_PER_MINUTE: 600,
      // Unset: chosen from the database (postgres with a real DATABASE_URL, memory with the embedded one).
      RATE_LIMIT_STORE: undefined,
      // Unset: pg-boss's own retry delay.
      NOTIFICATION_RETRY_DELAY_SECONDS: undefined,
      CALENDLY_RETRY_BASE_MS: 500,
      RETENTION_MONTHS: 24,
      API_USAGE_FLUSH_MS: 5000,
      DATABASE_POOL_SIZE: 10,
    });
  });

  it("reads the tunables' valid values", () => {
    const env = parseEnv({
      RECONCILE_CRON: "0 */2 * * *",
      RETENTION_CRON: " 0 30 3 * * MON-FRI ",
      RECONCILE_PAST_DAYS: "7",
      RATE_LIMIT_AUTH_PER_MINUTE: "10000",
      RATE_LIMIT_STORE: "memory",
      NOTIFICATION_RETRY_DELAY_SECONDS: "1",
      RETENTION_MONTHS: "240",
      // Empty counts as unset, as before.
      DATABASE_POOL_SIZE: "",
    });
    expect(env.RECONCILE_CRON).toBe("0 */2 * * *");
    expect(env.RETENTION_CRON).toBe("0 30 3 * * MON-FRI");
    expect(env.RECONCILE_PAST_DAYS).toBe(7);
    expect(env.RATE_LIMIT_AUTH_PER_MINUTE).toBe(10_000);
    expect(env.RATE_LIMIT_STORE).toBe("memory");
    expect(env.NOTIFICATION_RETRY_DELAY_SECONDS).toBe(1);
    expect(env.RETENTION_MONTHS).toBe(240);
    expect(env.DATABASE_POOL_SIZE).toBe(10);
    expect(parseEnv({ RATE_LIMIT_STORE: "postgres" }).RATE_LIMIT_STORE).toBe("postgres");
  });

  it.each([
    // Not a number (Number() read these as NaN, or as a fraction).
    ["RECONCILE_PAST_DAYS", "abc", /must be a whole number/],
    ["RECONCILE_FUTURE_DAYS", "6 months", /must be a whole number/],
    ["RECONCILE_NO_SHOW_HOURS", "1.5", /must be a whole number/],
    ["RATE_LIMIT_IP_PER_MINUTE", "lots", /must be a whole number/],
    ["NOTIFICATION_RETRY_DELAY_SECONDS", "soon", /must be a whole number/],
    ["CALENDLY_RETRY_BASE_MS", "fast", /must be a whole number/],
    ["API_USAGE_FLUSH_MS", "5s", /must be a whole number/],
    ["DATABASE_POOL_SIZE", "ten", /must be a whole number/],
    ["RETENTION_MONTHS", "two years", /must be a whole number of months between 1 and 240/],
    // Out of bounds.
    ["RECONCILE_PAST_DAYS", "0", /must be between 1 and 365/],
    ["RECONCILE_FUTURE_DAYS", "731", /must be between 1 and 730/],
    ["RECONCILE_NO_SHOW_HOURS", "-1", /must be between 1 and 720/],
    ["RATE_LIMIT_AUTH_PER_MINUTE", "0", /must be between 1 and 1000000/],
    ["RATE_LIMIT_WEBHOOK_PER_MINUTE", "1000001", /must be between 1 and 1000000/],
    ["RATE_LIMIT_USER_PER_MINUTE", "-5", /must be between 1 and 1000000/],
    ["NOTIFICATION_RETRY_DELAY_SECONDS", "0", /must be between 1 and 86400/],
    ["CALENDLY_RETRY_BASE_MS", "60001", /must be between 1 and 60000/],
    ["CALENDLY_MAX_RATE_LIMIT_WAIT_MS", "2 minutes", /must be a whole number/],
    ["CALENDLY_MAX_RATE_LIMIT_WAIT_MS", "0", /must be between 1 and 600000/],
    ["RECONCILE_NO_SHOW_CHECKS", "1001", /must be between 0 and 1000/],
    ["API_USAGE_FLUSH_MS", "10", /must be between 100 and 600000/],
    ["DATABASE_POOL_SIZE", "0", /must be between 1 and 1000/],
    ["RETENTION_MONTHS", "0", /must be a whole number of months between 1 and 240/],
    ["RETENTION_MONTHS", "241", /must be a whole number of months between 1 and 240/],
    // Availability and booking limits (these fell back to their defaults on a bad value before).
    ["CALENDLY_AVAILABILITY_WINDOW_DAYS", "32", /must be between 1 and 31/],
    ["CALENDLY_AVAILABILITY_WINDOW_DAYS", "a week", /must be a whole number/],
    ["AVAILABILITY_CACHE_FRESH_SECONDS", "0", /must be more than 0 and at most 86400/],
    ["AVAILABILITY_CACHE_STALE_SECONDS", "half an hour", /must be a number of seconds/],
    ["AVAILABILITY_CACHE_LEASE_SECONDS", "601", /must be more than 0 and at most 600/],
    ["AVAILABILITY_MAX_RANGE_DAYS", "0", /must be between 1 and 366/],
    ["AVAILABILITY_MAX_SEARCH_DAYS", "2.5", /must be a whole number/],
    ["AVAILABILITY_MAX_DAYS_AHEAD", "-90", /must be between 1 and 730/],
    // Not one of the accepted values.
    ["RATE_LIMIT_STORE", "redis", /memory|postgres/],
    // Malformed cron expressions.
    ["RECONCILE_CRON", "every 15 minutes", /must be a cron expression of 5 or 6 fields \(got 3\)/],
    ["REMINDER_SWEEP_CRON", "* * * * * * *", /must be a cron expression of 5 or 6 fields \(got 7\)/],
    ["LOW_AVAILABILITY_CRON", "0 25 * * *", /must be a valid cron expression/],
    ["WEBHOOK_SWEEP_CRON", "*/0 * * * *", /must be a valid cron expression/],
    ["RETENTION_CRON", "30 3 * * funday", /must be a valid cron expression/],
  ])("refuses %s=%j, naming it", (name, value, message) => {
    const problems = problemsOf({ [name]: value });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${name}: `));
    expect(problems[0]).toMatch(message);
  });

  it("reports every bad tunable in one error", () => {
    const problems = problemsOf({ RECONCILE_PAST_DAYS: "abc", RATE_LIMIT_AUTH_PER_MINUTE: "0", RECONCILE_CRON: "* * *", RETENTION_MONTHS: "300" });
    expect(problems.map((problem) => problem.split(":")[0]).sort()).toEqual(["RATE_LIMIT_AUTH_PER_MINUTE", "RECONCILE_CRON", "RECONCILE_PAST_DAYS", "RETENTION_MONTHS"]);
  });

  it("requires an auth secret in production with a real database", () => {
    expect(() => parseEnv({ NODE_ENV: "production", DATABASE_URL: "postgres://u@h/db" })).toThrow(/BETTER_AUTH_SECRET/);
  });
});

describe("code reading the tunables through env()", () => {
  const names = ["RECONCILE_PAST_DAYS", "RECONCILE_FUTURE_DAYS", "RETENTION_MONTHS", "RATE_LIMIT_IP_PER_MINUTE", "RECONCILE_CRON", "RETENTION_CRON", "AVAILABILITY_CACHE_FRESH_SECONDS", "AVAILABILITY_CACHE_STALE_SECONDS", "AVAILABILITY_MAX_DAYS_AHEAD"] as const;
  const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));

  afterEach(() => {
    for (const name of names) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    resetEnvCache();
  });

  it("sees the defaults", () => {
    for (const name of names) delete process.env[name];
    resetEnvCache();
    expect([reconcilePastDays(), reconcileFutureDays(), retentionMonths()]).toEqual([30, 180, 24]);
    expect([reminderSweepCron(), lowAvailabilityCron(), webhookSweepCron(), reconcileCron(), retentionCron()]).toEqual([
      "* * * * *",
      "0 13 * * *",
      "* * * * *",
      "*/15 * * * *",
      "30 3 * * *",
    ]);
    expect(defaultLimits().ip).toEqual({ points: 1200, duration: 60 });
    expect(bookingConfig()).toEqual({ windowDays: 7, freshMs: 120_000, staleMs: 1_800_000, leaseMs: 15_000, maxRangeDays: 31, maxSearchDays: 14, maxDaysAhead: 90 });
  });

  it("sees configured values once the cache is reset", () => {
    Object.assign(process.env, { RECONCILE_PAST_DAYS: "7", RECONCILE_FUTURE_DAYS: "60", RETENTION_MONTHS: "36", RATE_LIMIT_IP_PER_MINUTE: "50", RECONCILE_CRON: "*/5 * * * *" });
    resetEnvCache();
    expect([reconcilePastDays(), reconcileFutureDays(), retentionMonths()]).toEqual([7, 60, 36]);
    expect(reconcileCron()).toBe("*/5 * * * *");
    expect(defaultLimits().ip.points).toBe(50);
    Object.assign(process.env, { AVAILABILITY_CACHE_FRESH_SECONDS: "0.5", AVAILABILITY_CACHE_STALE_SECONDS: "60", AVAILABILITY_MAX_DAYS_AHEAD: "30" });
    resetEnvCache();
    expect(bookingConfig()).toMatchObject({ freshMs: 500, staleMs: 60_000, maxDaysAhead: 30 });
  });

  it("fails on a bad value instead of misbehaving", () => {
    process.env.RETENTION_MONTHS = "forever";
    process.env.RETENTION_CRON = "daily";
    resetEnvCache();
    expect(() => retentionMonths()).toThrow(/RETENTION_MONTHS: must be a whole number of months between 1 and 240/);
    expect(() => env()).toThrow(/RETENTION_CRON: must be a cron expression of 5 or 6 fields/);
    process.env.AVAILABILITY_MAX_DAYS_AHEAD = "ninety";
    resetEnvCache();
    expect(() => bookingConfig()).toThrow(/AVAILABILITY_MAX_DAYS_AHEAD: must be a whole number/);
  });
});
