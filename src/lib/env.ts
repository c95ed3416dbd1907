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

export const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number({ error: "must be a port number" }).int().min(1).max(65535).default(3000),
    APP_URL: url.optional(),
    DATABASE_URL: z
      .string()
      .regex(/^postgres(ql)?:\/\/.+/, "must be a postgres:// or postgresql:// URL")
      .optional(),
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
    RECONCILE_NO_SHOW_CHECKS: z.coerce.number({ error: "must be a whole number" }).int().min(0).max(1000).default(10),
    TOKEN_ENCRYPTION_KEYS: z.string().optional(),
    TOKEN_ENCRYPTION_KEY: z.string().optional(),
    EMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
    EMULATOR_PUBLIC_URL: url.optional(),
    EMULATOR_ADMIN_TOKEN: z.string().min(1).default("emulator-admin-token"),
    NOTIFICATION_CLOCK: z.enum(["real", "emulator"]).default("real"),
    SMTP_URL: z.string().regex(/^smtps?:\/\/.+/, "must be an smtp:// or smtps:// URL").optional(),
    MAIL_FROM: z.string().min(3).default("Sessionly <no-reply@sessionly.test>"),
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
