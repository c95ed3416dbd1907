// OAuth 2 authorization-code flow with PKCE S256 against Calendly's auth host (REFERENCE §7): authorize URL, code
// exchange, refresh (refresh tokens are single-use), revoke, introspect. Token calls are never retried automatically:
// a repeated refresh would spend the same refresh token twice and end in invalid_grant.
import { createHash, randomBytes } from "node:crypto";
import type { z } from "zod";
import { CalendlyNetworkError, CalendlyOAuthError, CalendlyResponseError, type CalendlyRequestTarget } from "./errors";
import { errorBodySchema, oauthErrorBodySchema } from "./schema-primitives";
import {
  oauthIntrospectionSchema,
  oauthTokenResponseSchema,
  type CalendlyOAuthIntrospection,
  type CalendlyOAuthTokenResponse,
} from "./schemas";

export { CalendlyOAuthError } from "./errors";
export type { CalendlyOAuthTokenResponse } from "./schemas";

export interface OAuthHttpOptions {
  /** `https://auth.calendly.com`, or the emulator's base URL. */
  authBase: string;
  fetch?: typeof fetch;
  /** Default 15 000. */
  timeoutMs?: number;
}

export interface OAuthClientCredentials extends OAuthHttpOptions {
  clientId: string;
  clientSecret: string;
}

export interface PkcePair {
  codeVerifier: string;
  codeChallenge: string;
  codeChallengeMethod: "S256";
}

/** RFC 7636: a 43-character verifier from 32 random bytes and its SHA-256 challenge, both base64url. */
export function createPkcePair(): PkcePair {
  const codeVerifier = randomBytes(32).toString("base64url");
  const codeChallenge = createHash("sha256").update(codeVerifier).digest("base64url");
  return { codeVerifier, codeChallenge, codeChallengeMethod: "S256" };
}

/** An unguessable `state` value for the authorize redirect. */
export function createOAuthState(): string {
  return randomBytes(24).toString("base64url");
}

export interface AuthorizeUrlInput {
  authBase: string;
  clientId: string;
  redirectUri: string;
  state: string;
  codeChallenge: string;
  /** Space-separated scopes (2026 scoped apps); omit for legacy full-access apps. */
  scope?: string;
}

export function buildAuthorizeUrl(input: AuthorizeUrlInput): string {
  const url = new URL(`${input.authBase.replace(/\/+$/, "")}/oauth/authorize`);
  url.searchParams.set("client_id", input.clientId);
  url.searchParams.set("response_type", "code");
  url.searchParams.set("redirect_uri", input.redirectUri);
  url.searchParams.set("state", input.state);
  url.searchParams.set("code_challenge", input.codeChallenge);
  url.searchParams.set("code_challenge_method", "S256");
  if (input.scope) url.searchParams.set("scope", input.scope);
  return url.toString();
}

function basicAuthorization(clientId: string, clientSecret: string): string {
  // RFC 6749 §2.3.1: form-encode each part before base64.
  const pair = `${encodeURIComponent(clientId)}:${encodeURIComponent(clientSecret)}`;
  return `Basic ${Buffer.from(pair).toString("base64")}`;
}

async function postForm(
  options: OAuthHttpOptions,
  path: string,
  form: Record<string, string>,
  authorization?: string,
): Promise<{ status: number; text: string; target: CalendlyRequestTarget }> {
  const target: CalendlyRequestTarget = { method: "POST", path };
  const controller = new AbortController();
  let timedOut = false;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    const headers: Record<string, string> = {
      "Content-Type": "application/x-www-form-urlencoded",
      Accept: "application/json",
    };
    if (authorization) headers.Authorization = authorization;
    const response = await (options.fetch ?? globalThis.fetch)(`${options.authBase.replace(/\/+$/, "")}${path}`, {
      method: "POST",
      headers,
      body: new URLSearchParams(form).toString(),
      signal: controller.signal,
      redirect: "error",
    });
    const text = await response.text();
    if (response.status >= 200 && response.status < 300) return { status: response.status, text, target };
    throw oauthErrorFrom(target, response.status, text);
  } catch (error) {
    if (error instanceof CalendlyOAuthError) throw error;
    const code = (error instanceof Error ? (error.cause as { code?: string } | undefined)?.code : undefined) ?? "connection failed";
    throw new CalendlyNetworkError(target, { timedOut, attempts: 1, reason: timedOut ? `no answer within ${timeoutMs} ms` : code });
  } finally {
    clearTimeout(timer);
  }
}

function oauthErrorFrom(target: CalendlyRequestTarget, status: number, text: string): CalendlyOAuthError {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    json = undefined;
  }
  const oauth = oauthErrorBodySchema.safeParse(json);
  if (oauth.success) return new CalendlyOAuthError(target, status, oauth.data.error, oauth.data.error_description ?? null);
  const rest = errorBodySchema.safeParse(json); // some gateways answer in the REST error shape
  if (rest.success) return new CalendlyOAuthError(target, status, `http_${status}`, `${rest.data.title}: ${rest.data.message}`);
  return new CalendlyOAuthError(target, status, `http_${status}`, null);
}

function parseBody<S extends z.ZodType>(result: { status: number; text: string; target: CalendlyRequestTarget }, schema: S): z.output<S> {
  let json: unknown;
  try {
    json = JSON.parse(result.text);
  } catch {
    throw new CalendlyResponseError(result.target, result.status, "body is not JSON");
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw new CalendlyResponseError(result.target, result.status, parsed.error);
  return parsed.data;
}

export interface ExchangeCodeInput extends OAuthClientCredentials {
  code: string;
  redirectUri: string;
  codeVerifier: string;
}

/** `grant_type=authorization_code`, client authenticated with HTTP Basic as Calendly documents for web apps. */
export async function exchangeCode(input: ExchangeCodeInput): Promise<CalendlyOAuthTokenResponse> {
  const result = await postForm(
    input,
    "/oauth/token",
    {
      grant_type: "authorization_code",
      code: input.code,
      redirect_uri: input.redirectUri,
      code_verifier: input.codeVerifier,
      client_id: input.clientId,
    },
    basicAuthorization(input.clientId, input.clientSecret),
  );
  return parseBody(result, oauthTokenResponseSchema);
}

export interface RefreshAccessTokenInput extends OAuthClientCredentials {
  refreshToken: string;
}

/** Spends the refresh token: store the returned pair atomically. `invalid_grant` → the coach must reconnect. */
export async function refreshAccessToken(input: RefreshAccessTokenInput): Promise<CalendlyOAuthTokenResponse> {
  const result = await postForm(
    input,
    "/oauth/token",
    { grant_type: "refresh_token", refresh_token: input.refreshToken, client_id: input.clientId },
    basicAuthorization(input.clientId, input.clientSecret),
  );
  return parseBody(result, oauthTokenResponseSchema);
}

export interface RevokeTokenInput extends OAuthClientCredentials {
  /** An access or refresh token. */
  token: string;
}

/** `POST /oauth/revoke` with the credentials in the form, as documented; resolves on 200. */
export async function revokeToken(input: RevokeTokenInput): Promise<void> {
  await postForm(input, "/oauth/revoke", { client_id: input.clientId, client_secret: input.clientSecret, token: input.token });
}

/** `POST /oauth/introspect`: `{active, …}`. */
export async function introspectToken(input: RevokeTokenInput): Promise<CalendlyOAuthIntrospection> {
  const result = await postForm(input, "/oauth/introspect", {
    client_id: input.clientId,
    client_secret: input.clientSecret,
    token: input.token,
  });
  return parseBody(result, oauthIntrospectionSchema);
}
