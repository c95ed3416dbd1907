// Writes an HttpResult to a node:http response (sorted JSON, HTML, text), with the rate-limit headers.
import type { ServerResponse } from "node:http";
import type { RateLimitState } from "../auth/rate-limit";
import { ApiError, CALENDLY_TEXTS, fromCoreError } from "./api-error";
import { CoreError } from "../core/errors";
import { stringifySorted } from "./json";
import type { HttpResult } from "./router";

export function rateLimitHeaders(state: RateLimitState): Record<string, string> {
  return {
    "x-ratelimit-limit": String(state.limit),
    "x-ratelimit-remaining": String(state.remaining),
    "x-ratelimit-reset": String(state.resetSeconds),
  };
}

/** Turns anything thrown by a handler into Calendly's error answer. */
export function errorResult(error: unknown, log: (line: string) => void): HttpResult {
  if (error instanceof ApiError) return { status: error.status, json: error.body() };
  if (error instanceof CoreError) {
    const api = fromCoreError(error);
    return { status: api.status, json: api.body() };
  }
  log(`emulator: unhandled error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return { status: 500, json: { ...CALENDLY_TEXTS.internal } };
}

/** Calendly-shaped body for an injected or generic status. */
export function statusResult(status: number): HttpResult {
  const texts: Record<number, { title: string; message: string }> = {
    400: CALENDLY_TEXTS.invalidArgument,
    401: CALENDLY_TEXTS.unauthenticated,
    403: CALENDLY_TEXTS.permissionDenied,
    404: CALENDLY_TEXTS.notFound,
    409: CALENDLY_TEXTS.alreadyExists,
    424: { title: "External Calendar Error", message: "There is a problem accessing your calendar." },
    429: CALENDLY_TEXTS.tooManyRequests,
  };
  return { status, json: { ...(texts[status] ?? CALENDLY_TEXTS.internal) } };
}

export function writeResult(res: ServerResponse, result: HttpResult, extraHeaders: Record<string, string>): void {
  const headers: Record<string, string> = { ...extraHeaders, ...result.headers };
  let body = "";
  if (result.json !== undefined && result.status !== 204) {
    headers["content-type"] = "application/json; charset=utf-8";
    body = stringifySorted(result.json);
  } else if (result.html !== undefined) {
    headers["content-type"] = "text/html; charset=utf-8";
    body = result.html;
  } else if (result.text !== undefined) {
    headers["content-type"] ??= "text/plain; charset=utf-8";
    body = result.text;
  }
  headers["content-length"] = String(Buffer.byteLength(body));
  res.writeHead(result.status, headers);
  res.end(body);
}
