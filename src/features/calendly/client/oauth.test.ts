// OAuth helpers against a small local node:http server playing auth.calendly.com.
import { createHash } from "node:crypto";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { CalendlyNetworkError, CalendlyResponseError } from "./errors";
import {
  buildAuthorizeUrl,
  CalendlyOAuthError,
  createPkcePair,
  exchangeCode,
  introspectToken,
  refreshAccessToken,
  revokeToken,
} from "./oauth";
import { startScriptedServer, type ScriptedServer } from "./testing/scripted-http-server";

const TOKEN_RESPONSE = {
  token_type: "Bearer",
  expires_in: 7200,
  created_at: 1596207600,
  refresh_token: "NEW_REFRESH_TOKEN",
  access_token: "NEW_TOKEN",
  scope: "default",
  owner: "https://api.calendly.com/users/U001",
  organization: "https://api.calendly.com/organizations/ORG001",
};
const INVALID_GRANT = {
  error: "invalid_grant",
  error_description: "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.",
};

let server: ScriptedServer;
beforeAll(async () => {
  server = await startScriptedServer();
});
afterAll(() => server.close());
beforeEach(() => {
  server.requests.length = 0;
});

const credentials = () => ({ authBase: server.url, clientId: "client-id", clientSecret: "client secret/+" });
const form = (index = 0) => Object.fromEntries(new URLSearchParams(server.requests[index].body));

describe("PKCE and the authorize URL", () => {
  it("creates an S256 pair", () => {
    const pair = createPkcePair();
    expect(pair.codeVerifier).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(pair.codeChallenge).toBe(createHash("sha256").update(pair.codeVerifier).digest("base64url"));
    expect(createPkcePair().codeVerifier).not.toBe(pair.codeVerifier);
  });

  it("builds the authorize URL with state and the challenge", () => {
    const url = new URL(
      buildAuthorizeUrl({
        authBase: "https://auth.calendly.com/",
        clientId: "client-id",
        redirectUri: "http://localhost:3000/api/calendly/oauth/callback",
        state: "state-1",
        codeChallenge: "challenge",
      }),
    );
    expect(`${url.origin}${url.pathname}`).toBe("https://auth.calendly.com/oauth/authorize");
    expect(Object.fromEntries(url.searchParams)).toEqual({
      client_id: "client-id",
      response_type: "code",
      redirect_uri: "http://localhost:3000/api/calendly/oauth/callback",
      state: "state-1",
      code_challenge: "challenge",
      code_challenge_method: "S256",
    });
  });
});

describe("token endpoint", () => {
  it("exchanges a code with the verifier and Basic client authentication", async () => {
    server.setHandler(() => ({ status: 200, body: TOKEN_RESPONSE }));
    const tokens = await exchangeCode({ ...credentials(), code: "CODE", redirectUri: "http://localhost/cb", codeVerifier: "VERIFIER" });
    expect(tokens).toMatchObject({ access_token: "NEW_TOKEN", refresh_token: "NEW_REFRESH_TOKEN", expires_in: 7200, created_at: 1596207600 });
    const request = server.requests[0];
    expect(request).toMatchObject({ method: "POST", url: "/oauth/token" });
    expect(request.headers["content-type"]).toBe("application/x-www-form-urlencoded");
    const basic = Buffer.from(String(request.headers.authorization).replace("Basic ", ""), "base64").toString();
    expect(basic.split(":").map(decodeURIComponent)).toEqual(["client-id", "client secret/+"]);
    expect(form()).toEqual({
      grant_type: "authorization_code",
      code: "CODE",
      redirect_uri: "http://localhost/cb",
      code_verifier: "VERIFIER",
      client_id: "client-id",
    });
  });

  it("refreshes, and reads the 2022 response without organization", async () => {
    const { organization: _organization, ...withoutOrganization } = TOKEN_RESPONSE;
    server.setHandler(() => ({ status: 200, body: withoutOrganization }));
    const tokens = await refreshAccessToken({ ...credentials(), refreshToken: "OLD_REFRESH" });
    expect(tokens.organization).toBeUndefined();
    expect(form()).toMatchObject({ grant_type: "refresh_token", refresh_token: "OLD_REFRESH" });
  });

  it("makes invalid_grant distinguishable", async () => {
    server.setHandler(() => ({ status: 400, body: INVALID_GRANT }));
    const error = await refreshAccessToken({ ...credentials(), refreshToken: "SPENT" }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(CalendlyOAuthError);
    expect(error).toMatchObject({ status: 400, error: "invalid_grant", isInvalidGrant: true, retryable: false });
    expect((error as Error).message).not.toContain("SPENT");
    expect(server.requests).toHaveLength(1); // a spent refresh token is never retried
  });

  it("reports other OAuth errors with their code", async () => {
    server.setHandler(() => ({ status: 401, body: { error: "invalid_client", error_description: "Client authentication failed" } }));
    const error = await exchangeCode({ ...credentials(), code: "C", redirectUri: "http://x/cb", codeVerifier: "V" }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ error: "invalid_client", isInvalidGrant: false, errorDescription: "Client authentication failed" });
  });

  it("a malformed token response is a CalendlyResponseError; a slow server a CalendlyNetworkError", async () => {
    server.setHandler(() => ({ status: 200, body: { access_token: "only" } }));
    await expect(refreshAccessToken({ ...credentials(), refreshToken: "R" })).rejects.toBeInstanceOf(CalendlyResponseError);
    server.setHandler(() => ({ status: 200, body: TOKEN_RESPONSE, delayMs: 300 }));
    await expect(refreshAccessToken({ ...credentials(), refreshToken: "R", timeoutMs: 30 })).rejects.toBeInstanceOf(CalendlyNetworkError);
    await vi.waitFor(() => expect(server.requests).toHaveLength(2));
  });
});

describe("revoke and introspect", () => {
  it("revokes with the credentials in the form", async () => {
    server.setHandler(() => ({ status: 200 }));
    await revokeToken({ ...credentials(), token: "ACCESS" });
    expect(server.requests[0].url).toBe("/oauth/revoke");
    expect(form()).toEqual({ client_id: "client-id", client_secret: "client secret/+", token: "ACCESS" });
  });

  it("surfaces a revoke refusal", async () => {
    server.setHandler(() => ({ status: 400, body: { error: "invalid_request", error_description: "token is missing" } }));
    await expect(revokeToken({ ...credentials(), token: "" })).rejects.toMatchObject({ error: "invalid_request" });
  });

  it("introspects", async () => {
    server.setHandler(() => ({ status: 200, body: { active: true, scope: "default", client_id: "client-id" } }));
    await expect(introspectToken({ ...credentials(), token: "ACCESS" })).resolves.toMatchObject({ active: true, scope: "default" });
  });
});
