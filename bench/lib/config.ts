/**
 * Where benchmarks run: PostgreSQL (BENCH_DATABASE_URL, default the local `test` database) in schema `bench`, so the
 * app's tables, indexes and job queue live apart from `public`, which test runs drop and rebuild.
 */
export const BENCH_SCHEMA = "bench";

export function benchBaseUrl(): string {
  return process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test";
}

/** The bench database URL with `search_path=bench` set at connection start-up (pg passes `options` through). */
export function benchUrl(): string {
  const base = benchBaseUrl();
  const separator = base.includes("?") ? "&" : "?";
  return `${base}${separator}options=${encodeURIComponent(`-c search_path=${BENCH_SCHEMA}`)}`;
}

/**
 * Points the app's own modules (getDb, pg-boss, rate limits, token cipher) at the bench schema. Call before the first
 * use of any app module; the app reads these lazily.
 */
export function configureAppEnvironment(overrides: Record<string, string> = {}) {
  const defaults: Record<string, string> = {
    DATABASE_URL: benchUrl(),
    TOKEN_ENCRYPTION_KEY: Buffer.alloc(32, 11).toString("base64"),
    BETTER_AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123456789",
    APP_URL: "http://127.0.0.1:3999",
    LOG_LEVEL: "warn",
    NODE_ENV: "production",
    RATE_LIMIT_STORE: "postgres",
  };
  for (const [key, value] of Object.entries({ ...defaults, ...overrides })) {
    if (overrides[key] !== undefined || process.env[key] === undefined) process.env[key] = value;
  }
  // The bench always owns DATABASE_URL: never let an inherited one point the app at another schema.
  process.env.DATABASE_URL = overrides.DATABASE_URL ?? benchUrl();
}
