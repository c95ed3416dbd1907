// OAuth 2 (REFERENCE §7): consent page at /oauth/authorize (state + PKCE S256), /oauth/token (authorization_code,
// refresh_token with rotation), /oauth/revoke, /oauth/introspect. Error bodies are RFC 6749 style like Calendly's.
import { createHash, randomBytes } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { parseScopeString, scopeString, unknownScopes } from "../auth/scopes";
import { createAccount } from "../core/accounts";
import { CoreError } from "../core/errors";
import { ACCESS_TOKEN_TTL_SECONDS, AUTHORIZATION_CODE_TTL_MS } from "../defaults";
import type { HttpResult } from "../http/router";
import type { OAuthClientRecord, UserRecord } from "../store/types";
import { parseBody } from "./helpers";
import { publicRoute, type PublicRequest, type RouteDef, type Runtime } from "./types";

export const OAUTH_ERRORS = {
  invalid_grant:
    "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.",
  invalid_client:
    "Client authentication failed due to unknown client, no client authentication included, or unsupported authentication method.",
  invalid_request:
    "The request is missing a required parameter, includes an unsupported parameter value, or is otherwise malformed.",
  unsupported_grant_type: "The authorization grant type is not supported by the authorization server.",
  invalid_scope: "The requested scope is invalid, unknown, or malformed.",
  access_denied: "The resource owner or authorization server denied the request.",
  unsupported_response_type: "The authorization server does not support this response type.",
} as const;

type OAuthErrorCode = keyof typeof OAUTH_ERRORS;

const oauthError = (status: number, error: OAuthErrorCode): HttpResult => ({
  status,
  json: { error, error_description: OAUTH_ERRORS[error] },
  headers: { "cache-control": "no-store" },
});

export function isAllowedRedirect(client: OAuthClientRecord, redirectUri: string): boolean {
  if (client.redirectUris.includes(redirectUri)) return true;
  if (!client.loopbackCallbackPath) return false;
  try {
    const url = new URL(redirectUri);
    const loopback = url.hostname === "localhost" || url.hostname === "127.0.0.1";
    return url.protocol === "http:" && loopback && url.pathname === client.loopbackCallbackPath;
  } catch {
    return false;
  }
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function redirectWith(redirectUri: string, params: Record<string, string | undefined>): HttpResult {
  const url = new URL(redirectUri);
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== "") url.searchParams.set(key, value);
  return { status: 302, headers: { location: url.toString() }, text: "" };
}

function errorPage(message: string): HttpResult {
  return { status: 400, html: `<!doctype html><title>Authorization error</title><h1>Authorization error</h1><p>${escapeHtml(message)}</p>` };
}

interface AuthorizeParams {
  client: OAuthClientRecord;
  redirectUri: string;
  state: string;
  scope: string;
  codeChallenge: string;
  codeChallengeMethod: string;
}

/** Validates authorize parameters: page errors for client/redirect problems, redirects for the rest. */
function validateAuthorize(rt: Runtime, p: Record<string, string>): AuthorizeParams | HttpResult {
  const client = rt.store.state.oauthClients.get(p.client_id ?? "");
  if (!client) return errorPage("Unknown client_id.");
  const redirectUri = p.redirect_uri ?? client.redirectUris[0];
  if (!redirectUri || !isAllowedRedirect(client, redirectUri)) return errorPage("The redirect_uri is not registered for this client.");
  const state = p.state ?? "";
  if ((p.response_type ?? "code") !== "code") return redirectWith(redirectUri, { error: "unsupported_response_type", error_description: OAUTH_ERRORS.unsupported_response_type, state });
  const method = p.code_challenge ? (p.code_challenge_method ?? "plain") : "";
  if (p.code_challenge && method !== "S256") return redirectWith(redirectUri, { error: "invalid_request", error_description: "Only the S256 code_challenge_method is supported.", state });
  const scopes = parseScopeString(p.scope);
  if (scopes && unknownScopes(scopes).length > 0) return redirectWith(redirectUri, { error: "invalid_scope", error_description: OAUTH_ERRORS.invalid_scope, state });
  return { client, redirectUri, state, scope: p.scope ?? "", codeChallenge: p.code_challenge ?? "", codeChallengeMethod: method };
}

function consentPage(rt: Runtime, params: AuthorizeParams, signUp: { error?: string; name?: string; email?: string; timezone?: string } = {}): string {
  const hidden = (name: string, value: string) => `<input type="hidden" name="${name}" value="${escapeHtml(value)}">`;
  const users = [...rt.store.state.users.values()]
    .map((u: UserRecord, i) => `<label class="user"><input type="radio" name="user" value="${u.uuid}"${i === 0 ? " checked" : ""}> <strong>${escapeHtml(u.name)}</strong> <span>${escapeHtml(u.email)}</span></label>`)
    .join("\n");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Authorize ${escapeHtml(params.client.name)} – Calendly emulator</title>
<style>body{font-family:system-ui,sans-serif;max-width:560px;margin:40px auto;color:#1a1a1a}.user{display:block;padding:8px;border:1px solid #ddd;border-radius:6px;margin:6px 0}.user span{color:#666}button{padding:10px 18px;margin-right:8px;border-radius:6px;border:0;background:#006bff;color:#fff;font-size:15px}button[value=deny]{background:#888}</style></head>
<body><h1>Calendly emulator</h1><p><strong>${escapeHtml(params.client.name)}</strong> would like to access your Calendly account${params.scope ? ` (scopes: <code>${escapeHtml(params.scope)}</code>)` : ""}.</p>
<form method="post" action="/oauth/authorize"><fieldset><legend>Sign in as</legend>${users}</fieldset>
${hidden("client_id", params.client.clientId)}${hidden("redirect_uri", params.redirectUri)}${hidden("state", params.state)}${hidden("scope", params.scope)}${hidden("code_challenge", params.codeChallenge)}${hidden("code_challenge_method", params.codeChallengeMethod)}${hidden("response_type", "code")}
<p><button type="submit" name="decision" value="approve">Approve</button><button type="submit" name="decision" value="deny">Deny</button></p></form>
<form method="post" action="/oauth/authorize"><fieldset><legend>New to Calendly? Create an account</legend>
${signUp.error ? `<p role="alert" style="color:#b00020">${escapeHtml(signUp.error)}</p>` : ""}
<p><label>Name <input name="new_name" autocomplete="name" value="${escapeHtml(signUp.name ?? "")}"></label></p>
<p><label>Email <input name="new_email" type="email" autocomplete="email" value="${escapeHtml(signUp.email ?? "")}"></label></p>
<p><label>Time zone <input name="new_timezone" value="${escapeHtml(signUp.timezone ?? "America/New_York")}"></label></p>
${hidden("client_id", params.client.clientId)}${hidden("redirect_uri", params.redirectUri)}${hidden("state", params.state)}${hidden("scope", params.scope)}${hidden("code_challenge", params.codeChallenge)}${hidden("code_challenge_method", params.codeChallengeMethod)}${hidden("response_type", "code")}
<p><button type="submit" name="decision" value="create">Create account and approve</button></p></fieldset></form></body></html>`;
}

function approve(req: PublicRequest, params: AuthorizeParams, form: Record<string, string>): HttpResult {
  const { rt } = req;
  if (form.decision === "deny") return redirectWith(params.redirectUri, { error: "access_denied", error_description: OAUTH_ERRORS.access_denied, state: params.state });
  if (form.decision === "create") {
    const signUp = { name: form.new_name ?? "", email: form.new_email ?? "", timezone: form.new_timezone ?? "" };
    try {
      const created = createAccount(rt.store, rt.clock, signUp);
      return issueCode(rt, params, created.uuid);
    } catch (error) {
      if (!(error instanceof CoreError)) throw error;
      const detail = error.details?.map((d) => `${d.parameter ?? ""} ${d.message}`.trim()).join("; ");
      return { status: 422, html: consentPage(rt, params, { ...signUp, error: detail ? `${error.message} (${detail})` : error.message }) };
    }
  }
  const user = rt.store.state.users.get(form.user ?? "") ?? rt.store.userByEmail(form.user ?? "");
  if (!user) return errorPage("Choose a Calendly user to sign in as.");
  return issueCode(rt, params, user.uuid);
}

function issueCode(rt: Runtime, params: AuthorizeParams, userUuid: string): HttpResult {
  const code = randomBytes(24).toString("base64url");
  rt.store.state.authorizationCodes.set(code, {
    code,
    clientId: params.client.clientId,
    userUuid,
    redirectUri: params.redirectUri,
    codeChallenge: params.codeChallenge || null,
    codeChallengeMethod: params.codeChallenge ? "S256" : null,
    scopes: parseScopeString(params.scope),
    expiresAt: rt.clock.now() + AUTHORIZATION_CODE_TTL_MS,
    used: false,
  });
  return redirectWith(params.redirectUri, { code, state: params.state });
}

interface ClientCredentials {
  clientId: string | null;
  clientSecret: string | null;
}

function clientCredentials(headers: IncomingHttpHeaders, body: Record<string, string>): ClientCredentials {
  const basic = /^Basic\s+(.+)$/i.exec(headers.authorization ?? "");
  if (basic) {
    const [id, secret] = Buffer.from(basic[1], "base64").toString("utf8").split(":");
    return { clientId: decodeURIComponent(id ?? ""), clientSecret: decodeURIComponent(secret ?? "") };
  }
  return { clientId: body.client_id ?? null, clientSecret: body.client_secret ?? null };
}

/** Finds the client; a given secret must match, a missing one is allowed only when `publicAllowed` (PKCE). */
function authenticateClient(rt: Runtime, creds: ClientCredentials, publicAllowed: boolean): OAuthClientRecord | null {
  const client = creds.clientId ? rt.store.state.oauthClients.get(creds.clientId) : undefined;
  if (!client) return null;
  if (creds.clientSecret) return creds.clientSecret === client.clientSecret ? client : null;
  return publicAllowed ? client : null;
}

function issueTokens(rt: Runtime, client: OAuthClientRecord, userUuid: string, scopes: string[] | null): HttpResult {
  const now = rt.clock.now();
  const accessToken = `emu_at_${randomBytes(32).toString("base64url")}`;
  const refreshToken = `emu_rt_${randomBytes(32).toString("base64url")}`;
  rt.store.state.accessTokens.set(accessToken, { token: accessToken, userUuid, clientId: client.clientId, scopes, createdAt: now, expiresAt: now + ACCESS_TOKEN_TTL_SECONDS * 1000, revoked: false });
  rt.store.state.refreshTokens.set(refreshToken, { token: refreshToken, userUuid, clientId: client.clientId, scopes, createdAt: now, used: false, revoked: false });
  const user = rt.store.state.users.get(userUuid);
  return {
    status: 200,
    headers: { "cache-control": "no-store" },
    json: {
      token_type: "Bearer",
      expires_in: ACCESS_TOKEN_TTL_SECONDS,
      created_at: Math.floor(now / 1000),
      refresh_token: refreshToken,
      access_token: accessToken,
      scope: scopeString(scopes),
      owner: rt.uris.user(userUuid),
      organization: user ? rt.uris.organization(user.organizationUuid) : null,
    },
  };
}

const s256 = (verifier: string) => createHash("sha256").update(verifier).digest("base64url");

function authorizationCodeGrant(rt: Runtime, body: Record<string, string>, creds: ClientCredentials): HttpResult {
  const record = rt.store.state.authorizationCodes.get(body.code ?? "");
  const client = authenticateClient(rt, creds, Boolean(record?.codeChallenge));
  if (!client) return oauthError(401, "invalid_client");
  if (!body.code) return oauthError(400, "invalid_request");
  const valid =
    record && !record.used && record.expiresAt > rt.clock.now() && record.clientId === client.clientId &&
    (!body.redirect_uri || body.redirect_uri === record.redirectUri) &&
    (!record.codeChallenge || (body.code_verifier !== undefined && s256(body.code_verifier) === record.codeChallenge));
  if (!record || !valid) return oauthError(400, "invalid_grant");
  record.used = true;
  return issueTokens(rt, client, record.userUuid, record.scopes);
}

function refreshTokenGrant(rt: Runtime, body: Record<string, string>, creds: ClientCredentials): HttpResult {
  const client = authenticateClient(rt, creds, true);
  if (!client) return oauthError(401, "invalid_client");
  if (!body.refresh_token) return oauthError(400, "invalid_request");
  const record = rt.store.state.refreshTokens.get(body.refresh_token);
  if (!record || record.used || record.revoked || record.clientId !== client.clientId) return oauthError(400, "invalid_grant");
  record.used = true;
  return issueTokens(rt, client, record.userUuid, record.scopes);
}

const formBody = (req: PublicRequest): Record<string, string> =>
  Object.fromEntries(Object.entries(parseBody(req)).map(([k, v]) => [k, typeof v === "string" ? v : String(v)]));

function introspect(rt: Runtime, token: string): Record<string, unknown> {
  const now = rt.clock.now();
  const access = rt.store.state.accessTokens.get(token);
  const refresh = rt.store.state.refreshTokens.get(token);
  const record = access ?? refresh;
  const active = access ? !access.revoked && access.expiresAt > now : Boolean(refresh && !refresh.used && !refresh.revoked);
  if (!record || !active) return { active: false };
  const user = rt.store.state.users.get(record.userUuid);
  return {
    active: true,
    scope: scopeString(record.scopes),
    client_id: record.clientId,
    token_type: access ? "Bearer" : "refresh_token",
    exp: access ? Math.floor(access.expiresAt / 1000) : null,
    iat: Math.floor(record.createdAt / 1000),
    owner: rt.uris.user(record.userUuid),
    organization: user ? rt.uris.organization(user.organizationUuid) : null,
  };
}

export const oauthRoutes: RouteDef[] = [
  publicRoute("GET", "/oauth/authorize", (req) => {
    const params = validateAuthorize(req.rt, Object.fromEntries(req.query));
    return "status" in params ? params : { status: 200, html: consentPage(req.rt, params) };
  }),
  publicRoute("POST", "/oauth/authorize", (req) => {
    const form = formBody(req);
    const params = validateAuthorize(req.rt, form);
    return "status" in params ? params : approve(req, params, form);
  }),
  publicRoute("POST", "/oauth/token", (req) => {
    const body = formBody(req);
    const creds = clientCredentials(req.headers, body);
    if (body.grant_type === "authorization_code") return authorizationCodeGrant(req.rt, body, creds);
    if (body.grant_type === "refresh_token") return refreshTokenGrant(req.rt, body, creds);
    return body.grant_type ? oauthError(400, "unsupported_grant_type") : oauthError(400, "invalid_request");
  }),
  publicRoute("POST", "/oauth/revoke", (req) => {
    const body = formBody(req);
    if (!authenticateClient(req.rt, clientCredentials(req.headers, body), false)) return oauthError(403, "invalid_client");
    if (!body.token) return oauthError(400, "invalid_request");
    const access = req.rt.store.state.accessTokens.get(body.token);
    const refresh = req.rt.store.state.refreshTokens.get(body.token);
    if (access) access.revoked = true;
    if (refresh) refresh.revoked = true;
    return { status: 200, json: {} };
  }),
  publicRoute("POST", "/oauth/introspect", (req) => {
    const body = formBody(req);
    if (!authenticateClient(req.rt, clientCredentials(req.headers, body), false)) return oauthError(401, "invalid_client");
    if (!body.token) return oauthError(400, "invalid_request");
    return { status: 200, json: introspect(req.rt, body.token) };
  }),
  publicRoute("GET", "/.well-known/oauth-authorization-server", (req) => ({
    status: 200,
    json: {
      issuer: req.rt.uris.base,
      authorization_endpoint: `${req.rt.uris.base}/oauth/authorize`,
      token_endpoint: `${req.rt.uris.base}/oauth/token`,
      revocation_endpoint: `${req.rt.uris.base}/oauth/revoke`,
      introspection_endpoint: `${req.rt.uris.base}/oauth/introspect`,
      response_types_supported: ["code"],
      grant_types_supported: ["authorization_code", "refresh_token"],
      code_challenge_methods_supported: ["S256"],
      token_endpoint_auth_methods_supported: ["client_secret_basic", "client_secret_post", "none"],
    },
  })),
];
