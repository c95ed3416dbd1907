// Typed failures of the Calendly client. Messages name the method and path (never the query, which can hold emails,
// and never the bearer token) so they are safe to log; `toAppError` turns them into Sessionly's AppError.
import type { z } from "zod";
import { AppError } from "@/lib/errors";
import type { CalendlyErrorBody } from "./schema-primitives";

export interface CalendlyRequestTarget {
  method: string;
  /** URL path without the query string, e.g. `/scheduled_events/3f1c…`. */
  path: string;
}

/** Base of every Calendly client error. */
export abstract class CalendlyError extends Error {
  readonly method: string;
  readonly path: string;
  /** True when the same request may succeed later (5xx, 429, network). */
  abstract readonly retryable: boolean;

  protected constructor(target: CalendlyRequestTarget, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.method = target.method;
    this.path = target.path;
  }
}

/** Calendly answered with a non-2xx status; carries Calendly's `{title, message, details}`. */
export class CalendlyApiError extends CalendlyError {
  readonly name: string = "CalendlyApiError";
  readonly status: number;
  readonly title: string;
  /** Calendly's `message` (Error.message is the full, loggable sentence). */
  readonly calendlyMessage: string;
  readonly details: NonNullable<CalendlyErrorBody["details"]>;
  readonly requiredScopes: string[];
  readonly retryable: boolean;

  constructor(target: CalendlyRequestTarget, status: number, body: CalendlyErrorBody) {
    super(target, `Calendly ${target.method} ${target.path} failed: ${status} ${body.title}: ${body.message}`);
    this.status = status;
    this.title = body.title;
    this.calendlyMessage = body.message;
    this.details = body.details ?? [];
    this.requiredScopes = body.required_scopes ?? [];
    this.retryable = status === 429 || status >= 500;
  }
}

/** 429 still answered after the allowed number of waits. */
export class CalendlyRateLimitError extends CalendlyApiError {
  readonly name: string = "CalendlyRateLimitError";
  /** Seconds Calendly asked us to wait (X-RateLimit-Reset / Retry-After), when it said. */
  readonly retryAfterSeconds: number | null;

  constructor(target: CalendlyRequestTarget, body: CalendlyErrorBody, retryAfterSeconds: number | null) {
    super(target, 429, body);
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** No HTTP answer: connection failure or timeout, after the allowed retries. */
export class CalendlyNetworkError extends CalendlyError {
  readonly name: string = "CalendlyNetworkError";
  readonly retryable = true;
  readonly timedOut: boolean;
  readonly attempts: number;

  constructor(target: CalendlyRequestTarget, options: { timedOut: boolean; attempts: number; cause?: unknown; reason: string }) {
    super(
      target,
      `Calendly ${target.method} ${target.path} ${options.timedOut ? "timed out" : "failed"} after ${options.attempts} attempt(s): ${options.reason}`,
      { cause: options.cause },
    );
    this.timedOut = options.timedOut;
    this.attempts = options.attempts;
  }
}

/** A 2xx body that is not JSON or does not match the schema: Calendly changed, or the emulator is wrong. */
export class CalendlyResponseError extends CalendlyError {
  readonly name: string = "CalendlyResponseError";
  readonly retryable = false;
  readonly status: number;
  /** Where the body differs from the schema (paths and messages only, never values). */
  readonly issues: { path: string; message: string }[];

  constructor(target: CalendlyRequestTarget, status: number, problem: string | z.ZodError) {
    const issues =
      typeof problem === "string"
        ? [{ path: "", message: problem }]
        : problem.issues.map((issue) => ({ path: issue.path.map(String).join("."), message: issue.message }));
    const summary = issues
      .slice(0, 3)
      .map((issue) => (issue.path ? `${issue.path}: ${issue.message}` : issue.message))
      .join("; ");
    super(target, `Calendly ${target.method} ${target.path} returned an unexpected body (${status}): ${summary}`);
    this.status = status;
    this.issues = issues;
  }
}

/** The OAuth server refused (`{error, error_description}`); `invalid_grant` means the refresh token is spent or revoked. */
export class CalendlyOAuthError extends CalendlyError {
  readonly name: string = "CalendlyOAuthError";
  readonly status: number;
  readonly error: string;
  readonly errorDescription: string | null;
  readonly retryable: boolean;

  constructor(target: CalendlyRequestTarget, status: number, error: string, errorDescription: string | null) {
    super(target, `Calendly OAuth ${target.path} failed: ${status} ${error}${errorDescription ? `: ${errorDescription}` : ""}`);
    this.status = status;
    this.error = error;
    this.errorDescription = errorDescription;
    this.retryable = status === 429 || status >= 500;
  }

  get isInvalidGrant(): boolean {
    return this.error === "invalid_grant";
  }
}

/** Maps a Calendly failure to an AppError with a message fit for users; other values are returned unchanged. */
export function toAppError(error: unknown): unknown {
  if (error instanceof CalendlyRateLimitError) {
    return new AppError("rate_limited", "Calendly is rate limiting requests; try again shortly.", {
      retryAfterSeconds: error.retryAfterSeconds ?? 60,
      cause: error,
    });
  }
  if (error instanceof CalendlyNetworkError) {
    return new AppError("upstream_unavailable", "Calendly could not be reached; try again shortly.", { cause: error });
  }
  if (error instanceof CalendlyApiError && error.status === 404) {
    return new AppError("not_found", "Calendly could not find this resource.", { cause: error });
  }
  if (error instanceof CalendlyApiError && error.status === 403) {
    return new AppError("forbidden", `Calendly refused: ${error.calendlyMessage}`, { cause: error });
  }
  if (error instanceof CalendlyOAuthError && error.isInvalidGrant) {
    return new AppError("unauthenticated", "The Calendly connection must be renewed.", { cause: error });
  }
  if (error instanceof CalendlyError) {
    return new AppError("upstream_failed", "Calendly returned an error; try again later.", { cause: error });
  }
  return error;
}
