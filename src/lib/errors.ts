import { z } from "zod";

/**
 * The one application error. Feature code throws AppError with a code from this closed list; the API wrapper maps
 * it to a response. Anything else becomes a 500 with a request id and no internals.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  unprocessable: 422,
  rate_limited: 429,
  upstream_failed: 502,
  upstream_unavailable: 503,
  internal: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;
export type FieldErrors = Record<string, string[]>;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: FieldErrors;
  readonly retryAfterSeconds?: number;
  readonly details?: Record<string, unknown>;

  constructor(
    code: ErrorCode,
    message: string,
    options: { fields?: FieldErrors; retryAfterSeconds?: number; details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.fields = options.fields;
    this.retryAfterSeconds = options.retryAfterSeconds;
    this.details = options.details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string) => new AppError("not_found", `${what} was not found.`);
export const forbidden = (message = "You do not have permission to do this.") => new AppError("forbidden", message);
export const conflict = (message: string) => new AppError("conflict", message);

/** Field messages from a zod error, keyed by dotted path ("" for the root). */
export function fieldErrorsFrom(error: z.ZodError): FieldErrors {
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join(".");
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

export function validationError(error: z.ZodError, what = "input"): AppError {
  const fields = fieldErrorsFrom(error);
  const summary = Object.entries(fields)
    .slice(0, 3)
    .map(([field, messages]) => (field ? `${field}: ${messages[0]}` : messages[0]))
    .join("; ");
  return new AppError("validation_failed", `Invalid ${what}: ${summary}`, { fields });
}

/** Parses with a zod schema or throws a 400 AppError with field messages. */
export function parseOrThrow<T extends z.ZodType>(schema: T, value: unknown, what?: string): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error, what);
  return result.data;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; fields?: FieldErrors; requestId: string; details?: Record<string, unknown> };
}

/** Maps any thrown value to a status and a safe JSON body. */
export function toErrorResponse(error: unknown, requestId: string): { status: number; body: ErrorBody; headers: Record<string, string> } {
  if (error instanceof AppError) {
    const headers: Record<string, string> = {};
    if (error.retryAfterSeconds !== undefined) headers["Retry-After"] = String(Math.max(1, Math.ceil(error.retryAfterSeconds)));
    return {
      status: error.status,
      headers,
      body: {
        error: {
          code: error.code,
          message: error.message,
          ...(error.fields ? { fields: error.fields } : {}),
          ...(error.details ? { details: error.details } : {}),
          requestId,
        },
      },
    };
  }
  if (error instanceof z.ZodError) return toErrorResponse(validationError(error), requestId);
  return {
    status: 500,
    headers: {},
    body: { error: { code: "internal", message: `Something went wrong on our side. Reference: ${requestId}.`, requestId } },
  };
}
