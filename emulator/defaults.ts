// Default constants of the Calendly emulator: seeded OAuth client, signing key, admin token, limits.
export const EMULATOR_DEFAULT_PORT = 4010;
export const EMULATOR_DEFAULT_PUBLIC_URL = "http://127.0.0.1:4010";

export const EMULATOR_OAUTH_CLIENT_ID = "sessionly-dev-client";
export const EMULATOR_OAUTH_CLIENT_SECRET = "sessionly-dev-secret";
export const EMULATOR_OAUTH_REDIRECT_URIS: readonly string[] = [
  "http://localhost:3000/api/calendly/oauth/callback",
  "http://127.0.0.1:3000/api/calendly/oauth/callback",
];
/** Any loopback host and port is accepted for this callback path, so tests on random ports work. */
export const EMULATOR_OAUTH_LOOPBACK_CALLBACK_PATH = "/api/calendly/oauth/callback";
/** App-level webhook signing key: subscriptions created with the seeded client's OAuth tokens are signed with it. */
export const EMULATOR_WEBHOOK_SIGNING_KEY = "sessionly-dev-webhook-signing-key";
export const EMULATOR_ADMIN_TOKEN = "emulator-admin-token";

export const ACCESS_TOKEN_TTL_SECONDS = 7200;
export const AUTHORIZATION_CODE_TTL_MS = 10 * 60 * 1000;
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 500;
export const DEFAULT_FREE_RATE_LIMIT_PER_MINUTE = 50;
export const DEFAULT_AVAILABILITY_WINDOW_DAYS = 7;
export const MAX_AVAILABILITY_WINDOW_DAYS = 31;
export const USER_BUSY_TIMES_WINDOW_DAYS = 7;

/** Webhook retry policy in real (unscaled) milliseconds; `webhookRetryScale` multiplies every duration. */
export const WEBHOOK_RETRY_BASE_DELAY_MS = 60_000;
export const WEBHOOK_RETRY_BUDGET_MS = 24 * 60 * 60 * 1000;
export const WEBHOOK_REQUEST_TIMEOUT_MS = 15_000;
