// Domain errors thrown by core functions; routes map them to Calendly's status codes and texts.
export type CoreErrorKind = "invalid" | "forbidden" | "not_found" | "conflict";

export interface ErrorDetail {
  parameter?: string;
  message: string;
}

export class CoreError extends Error {
  readonly kind: CoreErrorKind;
  readonly details: ErrorDetail[] | undefined;

  constructor(kind: CoreErrorKind, message: string, details?: ErrorDetail[]) {
    super(message);
    this.name = "CoreError";
    this.kind = kind;
    this.details = details;
  }
}

export const invalid = (parameter: string, message: string): CoreError =>
  new CoreError("invalid", "The supplied parameters are invalid.", [{ parameter, message }]);
export const notFound = (): CoreError =>
  new CoreError("not_found", "The server could not find the requested resource.");
export const forbidden = (message: string): CoreError => new CoreError("forbidden", message);
