import { CronExpressionParser } from "cron-parser";
import { z } from "zod";

/**
 * Configuration, validated once with zod. Every variable has an embedded default where one is safe; a missing or
 * malformed variable fails start-up with one message that lists every problem. `.env.example` documents each one.
 * Only the names in `PUBLIC_ENV` may ever reach the browser.
 */
const booleanFlag = z
  .enum(["0", "1", "true", "false", "yes", "no", ""])
  .transform((value) => value === "1" || value === "true" || value === "yes");

const url = z.url({ protocol: /^https?$/ });

/** A whole number within bounds (from a string: "abc" and "1.5" are refused rather than read as NaN or 1.5). */
const wholeNumber = (min: number, max: number, message?: string) =>
  z.coerce
    .number({ error: message ?? "must be a whole number" })
    .int({ error: message ?? "must be a whole number" })
    .min(min, { error: message ?? `must be between ${min} and ${max}` })
    .max(max, { error: message ?? `must be between ${min} and ${max}` });

/** A positive number of seconds up to `max` (fractions allowed: the availability benchmark sets ~0 to disable the cache). */
const positiveSeconds = (max: number) =>
  z.coerce
    .number({ error: "must be a number of seconds" })
    .positive({ error: `must be more than 0 and at most ${max}` })
    .max(max, { error: `must be more than 0 and at most ${max}` });

/**
 * A cron expression of 5 fields (minute first) or 6 (seconds first), checked with cron-parser as pg-boss's
 * schedule() parses it (UTC, not strict), so what passes here is what the job queue accepts.
 */
const cron = z.string().trim().superRefine((value, context) => {
  const fields = value ? value.split(/\s+/).length : 0;
  if (fields !== 5 && fields !== 6) {
    context.addIssue({ code: "custom", message: `must be a cron expression of 5 or 6 fields (got ${fields})` });
    return;
  }
  try {
    CronExpressionParser.parse(value, { tz: "UTC", strict: false });
  } catch (error) {
    context.addIssue({ code: "custom", message: `must be a valid cron expression (${(error as Error).message})` });
  }
});

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number({ error: "must be a port number" }).int().min(1).max(65535).default(3000),
    APP_URL: url.optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\/.+/, "must be a postgres:// or postgresql:// URL")
      .optional(),
    DATABASE_POOL_SIZE: wholeNumber(1, 1000).default(10),
    DATA_DIR: z.string().min(1).default("./data"),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    BETTER_AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
    DEMO_PASSWORD: z.string().min(8, "must be at least 8 characters").default("sessionly-demo"),
    SEED_DEMO: booleanFlag.optional(),
    AUTH_PROVIDER: z.enum(["better-auth", "clerk"]).default("better-auth"),
    CLERK_JWT_KEY: z.string().optional(),
    CLERK_PUBLISHABLE_KEY: z.string().optional(),
    CALENDLY_API_BASE: url.optional(),
    CALENDLY_AUTH_BASE: url.optional(),
    CALENDLY_CLIENT_ID: z.string().min(1).optional(),
    CALENDLY_CLIENT_SECRET: z.string().min(1).optional(),
    CALENDLY_WEBHOOK_SIGNING_KEY: z.string().min(8).optional(),
    CALENDLY_WEBHOOK_TOLERANCE_SECONDS: z.coerce.number().int().min(1).max(3600).default(180),
    CALENDLY_RETRY_BASE_MS: wholeNumber(1, 60_000).default(500),
    /** Longest wait the Calendly client accepts on a 429 before giving up (tests shorten it). */
    CALENDLY_MAX_RATE_LIMIT_WAIT_MS: wholeNumber(1, 600_000).default(120_000),
    /** Days per `event_type_available_times` request: 7 (Calendly's limit until July 2026) or up to 31 since. */
    CALENDLY_AVAILABILITY_WINDOW_DAYS: wholeNumber(1, 31).default(7),
    AVAILABILITY_CACHE_FRESH_SECONDS: positiveSeconds(86_400).default(120),
    AVAILABILITY_CACHE_STALE_SECONDS: positiveSeconds(7 * 86_400).default(1800),
    AVAILABILITY_CACHE_LEASE_SECONDS: positiveSeconds(600).default(15),
    AVAILABILITY_MAX_RANGE_DAYS: wholeNumber(1, 366).default(31),
    AVAILABILITY_MAX_SEARCH_DAYS: wholeNumber(1, 366).default(14),
    AVAILABILITY_MAX_DAYS_AHEAD: wholeNumber(1, 730).default(90),
    RECONCILE_CRON: cron.default("*/15 * * * *"),
    RECONCILE_PAST_DAYS: wholeNumber(1, 365).default(30),
    RECONCILE_FUTURE_DAYS: wholeNumber(1, 730).default(180),
    RECONCILE_NO_SHOW_HOURS: wholeNumber(1, 720).default(48),
    RECONCILE_NO_SHOW_CHECKS: wholeNumber(0, 1000).default(10),
    WEBHOOK_SWEEP_CRON: cron.default("* * * * *"),
    TOKEN_ENCRYPTION_KEYS: z.string().optional(),
    TOKEN_ENCRYPTION_KEY: z.string().optional(),
    EMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
    EMULATOR_PUBLIC_URL: url.optional(),
    EMULATOR_ADMIN_TOKEN: z.string().min(1).default("emulator-admin-token"),
    NOTIFICATION_CLOCK: z.enum(["real", "emulator"]).default("real"),
    /** Unset: pg-boss's own retry delay. */
    NOTIFICATION_RETRY_DELAY_SECONDS: wholeNumber(1, 86_400).optional(),
    REMINDER_SWEEP_CRON: cron.default("* * * * *"),
    LOW_AVAILABILITY_CRON: cron.default("0 13 * * *"),
    SMTP_URL: z.string().regex(/^smtps?:\/\/.+/, "must be an smtp:// or smtps:// URL").optional(),
    MAIL_FROM: z.string().min(3).default("Sessionly <no-reply@sessionly.test>"),
    RATE_LIMIT_AUTH_PER_MINUTE: wholeNumber(1, 1_000_000).default(20),
    RATE_LIMIT_WEBHOOK_PER_MINUTE: wholeNumber(1, 1_000_000).default(30_000),
    RATE_LIMIT_IP_PER_MINUTE: wholeNumber(1, 1_000_000).default(1200),
    RATE_LIMIT_USER_PER_MINUTE: wholeNumber(1, 1_000_000).default(600),
    /** Unset: postgres with a real DATABASE_URL, memory with the embedded database (src/lib/security/rate-limit.ts). */
    RATE_LIMIT_STORE: z.enum(["memory", "postgres"]).optional(),
    RETENTION_MONTHS: wholeNumber(1, 240, "must be a whole number of months between 1 and 240").default(24),
    RETENTION_CRON: cron.default("30 3 * * *"),
    API_USAGE_FLUSH_MS: wholeNumber(100, 600_000).default(5000),
  });

/** Rules that span variables; checked on the raw values so they are reported together with per-variable errors. */
function crossFieldProblems(raw: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  const production = raw.NODE_ENV === "production";
  if (production && raw.DATABASE_URL && !raw.BETTER_AUTH_SECRET) problems.push("BETTER_AUTH_SECRET: is required in production");
  if (Boolean(raw.CALENDLY_CLIENT_ID) !== Boolean(raw.CALENDLY_CLIENT_SECRET)) {
    problems.push("CALENDLY_CLIENT_SECRET: CALENDLY_CLIENT_ID and CALENDLY_CLIENT_SECRET must be set together");
  }
  if (raw.AUTH_PROVIDER === "clerk" && !raw.CLERK_JWT_KEY) problems.push("CLERK_JWT_KEY: is required when AUTH_PROVIDER=clerk");
  return problems;
}

export type Env = z.infer<typeof envSchema> & {
  APP_URL: string;
  EMULATOR_PUBLIC_URL: string;
  CALENDLY_API_BASE: string;
  CALENDLY_AUTH_BASE: string;
  /** True when Calendly is the embedded emulator rather than a real Calendly. */
  usesEmulator: boolean;
};

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "EnvError";
  }
}

/** Parses an environment; throws one EnvError naming every bad variable. */
export function parseEnv(source: NodeJS.ProcessEnv | Record<string, string | undefined>): Env {
  const cleaned = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ""),
  );
  const result = envSchema.safeParse(cleaned);
  const problems = [
    ...(result.success ? [] : result.error.issues.map((issue) => `${issue.path.join(".") || "env"}: ${issue.message}`)),
    ...crossFieldProblems(cleaned),
  ];
  if (!result.success || problems.length > 0) throw new EnvError(problems);
  const env = result.data;
  const emulatorUrl = env.EMULATOR_PUBLIC_URL ?? `http://127.0.0.1:${env.EMULATOR_PORT}`;
  const usesEmulator = !env.CALENDLY_API_BASE;
  return {
    ...env,
    APP_URL: (env.APP_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, ""),
    EMULATOR_PUBLIC_URL: emulatorUrl.replace(/\/$/, ""),
    CALENDLY_API_BASE: (env.CALENDLY_API_BASE ?? emulatorUrl).replace(/\/$/, ""),
    CALENDLY_AUTH_BASE: (env.CALENDLY_AUTH_BASE ?? env.CALENDLY_API_BASE ?? emulatorUrl).replace(/\/$/, ""),
    usesEmulator,
  };
}

let cached: Env | undefined;

/** The validated environment of this process (parsed on first use). */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For tests that change process.env between cases. */
export function resetEnvCache() {
  cached = undefined;
}
