import { betterAuth } from "better-auth";
import { drizzleAdapter } from "better-auth/adapters/drizzle";
import { nextCookies } from "better-auth/next-js";
import { APIError } from "better-auth/api";
import { admin } from "better-auth/plugins";
import { getDb, schema } from "@/lib/db";
import { logger } from "@/lib/logger";
import { env } from "@/lib/env";
import { loadOrCreateLocalSecrets } from "@/lib/secrets";

/** Roles a person may choose at sign-up; only an admin makes admins. */
export const SELF_SERVICE_ROLES = ["coach", "realtor"] as const;
export const PASSWORD_RULE = "at least 10 characters";
export const MIN_PASSWORD_LENGTH = 10;

function authSecret(): string {
  const config = env();
  if (config.BETTER_AUTH_SECRET) return config.BETTER_AUTH_SECRET;
  return loadOrCreateLocalSecrets(config.DATA_DIR).authSecret;
}

/** Origins a browser may send mutating auth requests from: the app URL and its localhost/127.0.0.1 twin. */
export function trustedOrigins(): string[] {
  const appUrl = new URL(env().APP_URL);
  const origins = new Set([appUrl.origin]);
  if (appUrl.hostname === "localhost" || appUrl.hostname === "127.0.0.1") {
    for (const host of ["localhost", "127.0.0.1"]) origins.add(`${appUrl.protocol}//${host}:${appUrl.port || 80}`);
  }
  return [...origins];
}

function createAuth() {
  const config = env();
  return betterAuth({
    appName: "Sessionly",
    baseURL: config.APP_URL,
    secret: authSecret(),
    trustedOrigins: trustedOrigins(),
    database: drizzleAdapter(getDb(), { provider: "pg", schema }),
    telemetry: { enabled: false },
    logger: {
      level: "warn",
      // better-auth's own messages go through pino (which redacts) instead of stderr.
      log: (level, message) => logger[level]({ source: "better-auth" }, message),
    },
    emailAndPassword: {
      enabled: true,
      minPasswordLength: MIN_PASSWORD_LENGTH,
      maxPasswordLength: 128,
      autoSignIn: true,
    },
    session: { expiresIn: 60 * 60 * 24 * 7, updateAge: 60 * 60 * 24, cookieCache: { enabled: false } },
    user: {
      additionalFields: {
        timeZone: { type: "string", required: false, defaultValue: "UTC", input: true },
      },
    },
    advanced: { useSecureCookies: config.APP_URL.startsWith("https://"), cookiePrefix: "sessionly" },
    // Sessionly's own limiter (src/lib/security/rate-limit.ts) covers sign-in, sign-up and password resets per IP, with
    // counters shared by every instance; better-auth's in-memory one would count per instance and double-limit.
    rateLimit: { enabled: false },
    databaseHooks: {
      user: {
        create: {
          before: async (newUser, context) => {
            // The sign-up form sends `accountType`; anything else (or nothing) makes a realtor.
            const requested = (context?.body as { accountType?: unknown } | undefined)?.accountType;
            if (requested !== undefined && !(SELF_SERVICE_ROLES as readonly unknown[]).includes(requested)) {
              throw new APIError("BAD_REQUEST", { message: "Choose whether you are a coach or a realtor." });
            }
            const role = (requested as string | undefined) ?? "realtor";
            return { data: { ...newUser, email: newUser.email.trim().toLowerCase(), role } };
          },
        },
      },
    },
    plugins: [admin({ defaultRole: "realtor", adminRoles: ["admin"] }), nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { sessionlyAuth?: Auth };

/** The better-auth instance of this process, created on first use (so builds never need a database). */
export function getAuth(): Auth {
  globalForAuth.sessionlyAuth ??= createAuth();
  return globalForAuth.sessionlyAuth;
}

export function resetAuthForTests() {
  globalForAuth.sessionlyAuth = undefined;
}
