// Sends one Calendly API request: bearer auth, per-attempt timeout, retries with back-off on network errors and 5xx,
// waits on 429, one token refresh on 401, and zod parsing of the body. Every failure leaves as a typed CalendlyError.
import type { z } from "zod";
import {
  CalendlyApiError,
  CalendlyNetworkError,
  CalendlyRateLimitError,
  CalendlyResponseError,
  type CalendlyRequestTarget,
} from "./errors";
import { backoffDelayMs, rateLimitWaitMs, readRateLimitHeaders, type RateLimitHeaders } from "./retry-policy";
import { errorBodySchema, type CalendlyErrorBody } from "./schema-primitives";

export type HttpMethod = "GET" | "POST" | "DELETE";
export type QueryValue = string | number | boolean | Date | null | undefined;
export type QueryParams = Record<string, QueryValue>;

export interface CalendlyRequest {
  method: HttpMethod;
  /** Path below the API base, starting with `/`. */
  path: string;
  query?: QueryParams;
  body?: unknown;
  /**
   * Whether the request may be repeated when its outcome is unknown (timeout, 5xx). GET and DELETE are; POSTs are
   * not by default, because Calendly has no idempotency keys and a repeated `POST /invitees` can double-book.
   */
  idempotent?: boolean;
}

/** One HTTP attempt, for metrics. `status` is null when no response arrived. */
export interface CalendlyRequestInfo {
  method: HttpMethod;
  path: string;
  status: number | null;
  durationMs: number;
  attempt: number;
  rateLimit: RateLimitHeaders | null;
}

export interface CalendlyRateLimitInfo {
  method: HttpMethod;
  path: string;
  waitMs: number;
  /** 1 for the first wait of this request. */
  wait: number;
  rateLimit: RateLimitHeaders;
}

/** The part of a pino logger the client uses. */
export interface CalendlyClientLogger {
  warn(details: object, message: string): void;
  debug(details: object, message: string): void;
}

export interface TransportSettings {
  apiBase: string;
  getAccessToken: () => Promise<string>;
  onUnauthorized?: () => Promise<string | null>;
  fetch: typeof fetch;
  timeoutMs: number;
  maxRetries: number;
  maxRateLimitRetries: number;
  maxRateLimitWaitMs: number;
  baseDelayMs: number;
  maxDelayMs: number;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  now: () => number;
  onRateLimit?: (info: CalendlyRateLimitInfo) => void;
  onRequest?: (info: CalendlyRequestInfo) => void;
  logger: CalendlyClientLogger;
}

// Failures that happen before anything reached Calendly: safe to retry even for a POST.
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT"]);

function errorCode(error: unknown): string | undefined {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  return typeof cause?.code === "string" ? cause.code : undefined;
}

export function buildQuery(query: QueryParams | undefined): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null) continue;
    params.set(key, value instanceof Date ? value.toISOString() : String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : "";
}

/** Replaces every occurrence of the token, in case a server or proxy echoes it back. */
function scrub(text: string, token: string): string {
  return token.length >= 4 ? text.split(token).join("[redacted]") : text;
}

function errorBodyFrom(status: number, statusText: string, text: string, token: string): CalendlyErrorBody {
  let parsed: unknown;
  try {
    parsed = JSON.parse(scrub(text, token));
  } catch {
    parsed = undefined;
  }
  const result = errorBodySchema.safeParse(parsed);
  if (result.success) return result.data;
  return { title: `HTTP ${status}`, message: statusText || "Calendly returned no error details." };
}

type Attempt =
  | { kind: "response"; status: number; statusText: string; headers: Headers; text: string }
  | { kind: "failure"; timedOut: boolean; error: unknown };

export interface Transport {
  /** Sends the request and parses a JSON body with `schema`. */
  send<S extends z.ZodType>(request: CalendlyRequest, schema: S): Promise<z.output<S>>;
  /** Sends a request whose success has no body (204). */
  sendWithoutBody(request: CalendlyRequest): Promise<void>;
}

export function createTransport(settings: TransportSettings): Transport {
  const apiBase = settings.apiBase.replace(/\/+$/, "");

  function notify<T>(hook: ((info: T) => void) | undefined, info: T) {
    try {
      hook?.(info);
    } catch (error) {
      settings.logger.warn({ err: error }, "Calendly client hook threw");
    }
  }

  async function attemptOnce(request: CalendlyRequest, url: string, token: string): Promise<Attempt> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, settings.timeoutMs);
    try {
      const headers: Record<string, string> = { Authorization: `Bearer ${token}`, Accept: "application/json" };
      if (request.body !== undefined) headers["Content-Type"] = "application/json";
      const response = await settings.fetch(url, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: controller.signal,
        redirect: "error", // never follow a redirect with the bearer token
      });
      const text = await response.text();
      return { kind: "response", status: response.status, statusText: response.statusText, headers: response.headers, text };
    } catch (error) {
      return { kind: "failure", timedOut, error };
    } finally {
      clearTimeout(timer);
    }
  }

  async function execute(request: CalendlyRequest): Promise<{ status: number; text: string }> {
    const target: CalendlyRequestTarget = { method: request.method, path: request.path };
    const url = `${apiBase}${request.path}${buildQuery(request.query)}`;
    const idempotent = request.idempotent ?? request.method !== "POST";
    let token = await settings.getAccessToken();
    let refreshed = false;
    let failures = 0; // network errors, timeouts and 5xx so far
    let rateLimitWaits = 0;

    for (let attempt = 1; ; attempt += 1) {
      const started = settings.now();
      const result = await attemptOnce(request, url, token);
      const durationMs = settings.now() - started;
      const rateLimit = result.kind === "response" ? readRateLimitHeaders(result.headers, settings.now()) : null;
      const status = result.kind === "response" ? result.status : null;
      notify(settings.onRequest, { method: request.method, path: request.path, status, durationMs, attempt, rateLimit });

      if (result.kind === "failure") {
        const reason = result.timedOut ? `no answer within ${settings.timeoutMs} ms` : errorCode(result.error) ?? "connection failed";
        const retrySafe = idempotent || NOT_SENT_CODES.has(errorCode(result.error) ?? "");
        if (retrySafe && failures < settings.maxRetries) {
          const waitMs = backoffDelayMs(failures, settings);
          failures += 1;
          settings.logger.warn({ ...target, attempt, waitMs, reason }, "Calendly request failed; retrying");
          await settings.sleep(waitMs);
          continue;
        }
        throw new CalendlyNetworkError(target, { timedOut: result.timedOut, attempts: attempt, reason: scrub(reason, token) });
      }

      if (result.status >= 200 && result.status < 300) return { status: result.status, text: result.text };

      if (result.status === 401 && settings.onUnauthorized && !refreshed) {
        refreshed = true;
        const newToken = await settings.onUnauthorized();
        if (newToken) {
          settings.logger.debug({ ...target }, "Calendly answered 401; retrying once with a refreshed token");
          token = newToken;
          continue;
        }
      }

      const body = errorBodyFrom(result.status, result.statusText, result.text, token);

      if (result.status === 429 && rateLimit) {
        const announced = rateLimit.resetSeconds ?? rateLimit.retryAfterSeconds;
        if (rateLimitWaits < settings.maxRateLimitRetries) {
          const waitMs = rateLimitWaitMs(rateLimit, rateLimitWaits, { ...settings, maxWaitMs: settings.maxRateLimitWaitMs });
          rateLimitWaits += 1;
          notify(settings.onRateLimit, { method: request.method, path: request.path, waitMs, wait: rateLimitWaits, rateLimit });
          settings.logger.warn({ ...target, waitMs, wait: rateLimitWaits }, "Calendly rate limit hit; waiting for the reset");
          await settings.sleep(waitMs);
          continue;
        }
        throw new CalendlyRateLimitError(target, body, announced);
      }

      if (result.status >= 500 && idempotent && failures < settings.maxRetries) {
        const waitMs = backoffDelayMs(failures, settings);
        failures += 1;
        settings.logger.warn({ ...target, status: result.status, attempt, waitMs }, "Calendly server error; retrying");
        await settings.sleep(waitMs);
        continue;
      }

      throw new CalendlyApiError(target, result.status, body);
    }
  }

  return {
    async send(request, schema) {
      const { status, text } = await execute(request);
      const target = { method: request.method, path: request.path };
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        throw new CalendlyResponseError(target, status, "body is not JSON");
      }
      const result = schema.safeParse(json);
      if (!result.success) throw new CalendlyResponseError(target, status, result.error);
      return result.data;
    },
    async sendWithoutBody(request) {
      await execute(request);
    },
  };
}
