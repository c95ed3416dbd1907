import pino from "pino";

/**
 * One pino logger: JSON in production, pretty in development. Secrets, tokens, passwords, answers and emails are
 * redacted wherever they appear in a logged object, so a careless `log.info({ body })` cannot leak them.
 */
export const REDACTED_KEYS = [
  "password",
  "newPassword",
  "currentPassword",
  "token",
  "accessToken",
  "access_token",
  "refreshToken",
  "refresh_token",
  "idToken",
  "id_token",
  "authorization",
  "cookie",
  "set-cookie",
  "secret",
  "client_secret",
  "clientSecret",
  "signing_key",
  "signingKey",
  "code_verifier",
  "email",
  "answer",
  "answers",
  "questions_and_answers",
  "text_reminder_number",
];

const redactPaths = REDACTED_KEYS.flatMap((key) => {
  const quoted = /^[A-Za-z_$][\w$]*$/.test(key) ? key : `["${key}"]`;
  const join = (prefix: string) => (quoted.startsWith("[") ? `${prefix}${quoted}` : `${prefix}.${quoted}`);
  return [quoted, join("*"), join("*.*"), join("*.*.*")];
});

/** Creates a logger with Sessionly's level, fields and redaction; `destination` is for tests. */
export function createLogger(destination?: pino.DestinationStream, level?: string): pino.Logger {
  const resolvedLevel = level ?? process.env.LOG_LEVEL ?? (process.env.NODE_ENV === "test" ? "silent" : "info");
  const pretty = !destination && process.env.NODE_ENV === "development" && process.env.LOG_FORMAT !== "json";
  const options: pino.LoggerOptions = {
    level: resolvedLevel,
    base: { service: process.env.SESSIONLY_SERVICE ?? "web" },
    redact: { paths: redactPaths, censor: "[redacted]" },
    ...(pretty ? { transport: { target: "pino-pretty", options: { colorize: true, singleLine: true } } } : {}),
  };
  return destination ? pino(options, destination) : pino(options);
}

const globalForLogger = globalThis as unknown as { sessionlyLogger?: pino.Logger };
export const logger: pino.Logger = (globalForLogger.sessionlyLogger ??= createLogger());

export type Logger = pino.Logger;
