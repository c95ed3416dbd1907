// HTTP errors with Calendly's titles and messages (REFERENCE §2.5 and the spec's error enums).
import { CoreError, type ErrorDetail } from "../core/errors";

export const CALENDLY_TEXTS = {
  invalidArgument: { title: "Invalid Argument", message: "The supplied parameters are invalid." },
  unauthenticated: { title: "Unauthenticated", message: "The access token is invalid" },
  permissionDenied: { title: "Permission Denied", message: "You do not have permission to access this resource." },
  notFound: { title: "Resource Not Found", message: "The server could not find the requested resource." },
  alreadyExists: { title: "Already Exists", message: "The resource already exists" },
  internal: {
    title: "Internal Server Error",
    message: "The server encountered an unexpected condition that prevented it from fulfilling the request.",
  },
  tooManyRequests: { title: "Too Many Requests", message: "You have exceeded the rate limit. Please try again later." },
} as const;

export class ApiError extends Error {
  readonly status: number;
  readonly title: string;
  readonly details: ErrorDetail[] | undefined;
  readonly extra: Record<string, string | string[]> | undefined;

  constructor(
    status: number,
    title: string,
    message: string,
    details?: ErrorDetail[],
    extra?: Record<string, string | string[]>,
  ) {
    super(message);
    this.status = status;
    this.title = title;
    this.details = details;
    this.extra = extra;
  }

  body(): Record<string, unknown> {
    return {
      title: this.title,
      message: this.message,
      ...(this.details ? { details: this.details } : {}),
      ...(this.extra ?? {}),
    };
  }
}

export const badRequest = (details?: ErrorDetail[]): ApiError =>
  new ApiError(400, CALENDLY_TEXTS.invalidArgument.title, CALENDLY_TEXTS.invalidArgument.message, details);
export const invalidParam = (parameter: string, message: string): ApiError => badRequest([{ parameter, message }]);
export const unauthenticated = (): ApiError =>
  new ApiError(401, CALENDLY_TEXTS.unauthenticated.title, CALENDLY_TEXTS.unauthenticated.message);
export const permissionDenied = (message: string = CALENDLY_TEXTS.permissionDenied.message): ApiError =>
  new ApiError(403, CALENDLY_TEXTS.permissionDenied.title, message);
export const notFoundError = (): ApiError =>
  new ApiError(404, CALENDLY_TEXTS.notFound.title, CALENDLY_TEXTS.notFound.message);
export const alreadyExists = (message: string = CALENDLY_TEXTS.alreadyExists.message): ApiError =>
  new ApiError(409, CALENDLY_TEXTS.alreadyExists.title, message);
export const missingScope = (scopes: string[]): ApiError =>
  new ApiError(403, CALENDLY_TEXTS.permissionDenied.title, "Insufficient scope", undefined, { required_scopes: scopes });

/** Maps a core domain error to Calendly's HTTP answer. */
export function fromCoreError(error: CoreError): ApiError {
  switch (error.kind) {
    case "invalid":
      return badRequest(error.details);
    case "forbidden":
      return permissionDenied(error.message);
    case "conflict":
      return alreadyExists(error.message);
    default:
      return new ApiError(404, CALENDLY_TEXTS.notFound.title, CALENDLY_TEXTS.notFound.message, error.details);
  }
}
