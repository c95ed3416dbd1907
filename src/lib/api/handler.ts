import { NextResponse, type NextRequest } from "next/server";
import { z } from "zod";
import { trustedOrigins } from "@/lib/auth/auth";
import { PERMISSIONS, scopeOf, type Permission, type Scope } from "@/lib/auth/permissions";
import { getUserFromHeaders, type CurrentUser } from "@/lib/auth/session";
import { AppError, parseOrThrow, toErrorResponse } from "@/lib/errors";
import { logger, type Logger } from "@/lib/logger";
import { consumeRateLimit } from "@/lib/security/rate-limit";
import { recordApiRequest } from "@/features/audit/api-usage";
import { API_ROUTES, type RouteAccess, type RouteKey } from "./route-table";
import { clientIp, newRequestId } from "./request-context";
import { unknownKeys } from "./schema-keys";

/**
 * The wrapper every API route handler goes through: request id, authentication, the permission from the route
 * table, same-origin check for mutations, zod parsing of params / query / body, and one error mapper.
 */
type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

export interface RouteContext<P, Q, B, U> {
  request: NextRequest;
  requestId: string;
  user: U;
  /** The scope the user's role holds for the route's permission (`any` for public routes). */
  scope: Scope;
  params: P;
  query: Q;
  body: B;
  ip: string;
  userAgent: string | null;
  log: Logger;
}

type UserFor<A extends RouteAccess> = A extends "public" | "webhook" ? null : CurrentUser;

export interface RouteOptions<PS, QS, BS> {
  params?: PS;
  query?: QS;
  body?: BS;
  /** Largest accepted body in bytes (default 1 MB). */
  maxBodyBytes?: number;
}

export type RouteHandler = ((request: NextRequest, segment: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>) & {
  routeKey: RouteKey;
  /** The input schemas, for the generated OpenAPI document. */
  schemas: { params?: z.ZodType; query?: z.ZodType; body?: z.ZodType };
};

const MUTATING = new Set(["POST", "PUT", "PATCH", "DELETE"]);
const DEFAULT_MAX_BODY = 1_000_000;

function queryObject(url: URL): Record<string, string | string[]> {
  const result: Record<string, string | string[]> = {};
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key);
    result[key] = values.length > 1 ? values : values[0];
  }
  return result;
}

/** Refuses names the schema does not read: a misspelt filter or field must fail, not be silently ignored. */
function refuseUnknownKeys(schema: z.ZodType, given: Iterable<string>, what: "query" | "body") {
  const unknown = unknownKeys(schema, given);
  if (unknown.length === 0) return;
  const noun = what === "query" ? "parameter" : "field";
  const fields = Object.fromEntries(unknown.map((key) => [key, [`is not a known ${what === "query" ? "query parameter" : "field"}`]]));
  throw new AppError("validation_failed", `Invalid ${what}: unknown ${noun}${unknown.length > 1 ? "s" : ""} ${unknown.map((key) => `"${key}"`).join(", ")}`, { fields });
}

function parseQuery<T extends z.ZodType>(schema: T, url: URL): z.output<T> {
  refuseUnknownKeys(schema, url.searchParams.keys(), "query");
  return parseOrThrow(schema, queryObject(url), "query");
}

/** A JSON object body's top-level fields are checked like query parameters; anything else is left to the schema. */
function parseBody<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  if (value !== null && typeof value === "object" && !Array.isArray(value)) refuseUnknownKeys(schema, Object.keys(value), "body");
  return parseOrThrow(schema, value, "body");
}

async function readJsonBody(request: NextRequest, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new AppError("payload_too_large", `The request body is larger than ${maxBytes} bytes.`);
  const text = await request.text();
  if (Buffer.byteLength(text) > maxBytes) throw new AppError("payload_too_large", `The request body is larger than ${maxBytes} bytes.`);
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new AppError("bad_request", "The request body is not valid JSON.");
  }
}

/** Sign-in, sign-up and password endpoints get the strict bucket. */
function isAuthAttempt(routeKey: string, request: NextRequest): boolean {
  return routeKey === "POST /api/auth/[...all]" && /\/(sign-in|sign-up|forget-password|reset-password)/.test(request.nextUrl.pathname);
}

/** Mutations must come from the app's own origin (in addition to SameSite cookies). */
function assertSameOrigin(request: NextRequest) {
  const site = request.headers.get("sec-fetch-site");
  if (site === "cross-site") throw new AppError("forbidden", "Cross-site requests are not allowed.");
  const origin = request.headers.get("origin");
  if (origin && origin !== request.nextUrl.origin && !trustedOrigins().includes(origin)) {
    throw new AppError("forbidden", "This request did not come from Sessionly.");
  }
}

export function apiRoute<K extends RouteKey, PS extends Schema | undefined = undefined, QS extends Schema | undefined = undefined, BS extends Schema | undefined = undefined>(
  routeKey: K,
  options: RouteOptions<PS, QS, BS>,
  handler: (context: RouteContext<Out<PS>, Out<QS>, Out<BS>, UserFor<(typeof API_ROUTES)[K]>>) => Promise<unknown>,
): RouteHandler {
  const access = API_ROUTES[routeKey] as RouteAccess;
  if (!access) throw new Error(`Route ${routeKey} is not declared in API_ROUTES`);
  const permission = (PERMISSIONS as readonly string[]).includes(access) ? (access as Permission) : null;

  const wrapped = async (request: NextRequest, segment: { params: Promise<Record<string, string | string[]>> }) => {
    const requestId = request.headers.get("x-request-id")?.slice(0, 64) || newRequestId();
    // The child logger is made on first use: most requests never log (pino's child costs ~0.3 ms, bench/webhook-ingest).
    let childLog: Logger | undefined;
    const requestLog = () => (childLog ??= logger.child({ requestId, route: routeKey }));
    const started = performance.now();
    let status = 500;
    try {
      if (MUTATING.has(request.method) && access !== "webhook") assertSameOrigin(request);
      const ip = clientIp(request.headers);
      await consumeRateLimit(access === "webhook" ? "webhook" : isAuthAttempt(routeKey, request) ? "auth" : "ip", ip);

      let user: CurrentUser | null = null;
      let scope: Scope = "any";
      if (access !== "public" && access !== "webhook") {
        user = await getUserFromHeaders(request.headers);
        if (user) await consumeRateLimit("user", user.id);
        if (!user) throw new AppError("unauthenticated", "Sign in to continue.");
        if (permission) {
          const granted = scopeOf(user.role, permission);
          if (!granted) throw new AppError("forbidden", "You do not have permission to do this.");
          scope = granted;
        } else {
          scope = "own";
        }
      }

      const params = options.params ? parseOrThrow(options.params, await segment.params, "path") : undefined;
      const query = options.query ? parseQuery(options.query, request.nextUrl) : undefined;
      const body = options.body ? parseBody(options.body, await readJsonBody(request, options.maxBodyBytes ?? DEFAULT_MAX_BODY)) : undefined;

      const result = await handler({
        request,
        requestId,
        user: user as UserFor<(typeof API_ROUTES)[K]>,
        scope,
        params: params as Out<PS>,
        query: query as Out<QS>,
        body: body as Out<BS>,
        ip,
        userAgent: request.headers.get("user-agent"),
        get log() {
          return requestLog();
        },
      });
      const response = result instanceof Response ? result : NextResponse.json(result ?? { ok: true });
      response.headers.set("x-request-id", requestId);
      status = response.status;
      return response;
    } catch (error) {
      const mapped = toErrorResponse(error, requestId);
      status = mapped.status;
      if (mapped.status >= 500) requestLog().error({ err: error }, "request failed");
      else requestLog().info({ status: mapped.status, code: mapped.body.error.code }, "request refused");
      return NextResponse.json(mapped.body, { status: mapped.status, headers: { ...mapped.headers, "x-request-id": requestId } });
    } finally {
      const ms = Math.round(performance.now() - started);
      if (logger.isLevelEnabled("debug")) requestLog().debug({ method: request.method, status, ms }, "request");
      // API usage and error patterns for the audit page: buffered in memory, flushed in the background.
      recordApiRequest(routeKey, status, ms);
    }
  };
  return Object.assign(wrapped, { routeKey, schemas: { params: options.params, query: options.query, body: options.body } });
}
