// OAuth 2 flow end to end: consent page, state, PKCE S256, token exchange, rotation, expiry, revoke, introspect.
import { createHash, randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createClock } from "../core/clock";
import { EMULATOR_OAUTH_CLIENT_ID, EMULATOR_OAUTH_CLIENT_SECRET } from "../defaults";
import { MORGAN, startTestEmulator, type TestEmulator } from "./support";

type Json = Record<string, unknown>;
let emu: TestEmulator;
const redirectUri = "http://127.0.0.1:45678/api/calendly/oauth/callback";

beforeAll(async () => {
  emu = await startTestEmulator({ fixture: "empty", clock: createClock({ at: "2027-03-10T12:00:00Z", frozen: true }) });
});
afterAll(async () => {
  await emu.stop();
});

function hiddenFields(html: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const match of html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) out[match[1]] = match[2].replace(/&#(\d+);/g, (_, c: string) => String.fromCharCode(Number(c)));
  return out;
}

async function authorize(params: Record<string, string>, userEmail = MORGAN, decision = "approve") {
  const page = await emu.call("GET", `/oauth/authorize?${new URLSearchParams(params)}`);
  expect(page.status).toBe(200);
  const html = String(page.body);
  expect(html).toContain("Sessionly (dev)");
  expect(html).toContain(MORGAN);
  const user = emu.users().find((u) => u.email === userEmail);
  const res = await emu.call("POST", "/oauth/authorize", { form: { ...hiddenFields(html), user: user?.uuid ?? "", decision } });
  expect(res.status).toBe(302);
  return new URL(res.headers.get("location") ?? "");
}

const tokenForm = (form: Record<string, string>) => emu.call("POST", "/oauth/token", { form });

describe("authorization code flow with PKCE", () => {
  it("runs the full flow, rotates refresh tokens and rejects reuse", async () => {
    const verifier = randomBytes(32).toString("base64url");
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    const location = await authorize({ client_id: EMULATOR_OAUTH_CLIENT_ID, redirect_uri: redirectUri, response_type: "code", state: "xyz-42", code_challenge: challenge, code_challenge_method: "S256" });
    expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
    expect(location.searchParams.get("state")).toBe("xyz-42");
    const code = location.searchParams.get("code") ?? "";

    const wrong = await tokenForm({ grant_type: "authorization_code", code, redirect_uri: redirectUri, client_id: EMULATOR_OAUTH_CLIENT_ID, code_verifier: "not-the-verifier" });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error).toBe("invalid_grant");

    const token = await tokenForm({ grant_type: "authorization_code", code, redirect_uri: redirectUri, client_id: EMULATOR_OAUTH_CLIENT_ID, code_verifier: verifier });
    expect(token.status).toBe(200);
    const morgan = emu.store.userByEmail(MORGAN);
    expect(token.body).toMatchObject({
      token_type: "Bearer",
      expires_in: 7200,
      scope: "default",
      created_at: Math.floor(Date.parse("2027-03-10T12:00:00Z") / 1000),
      owner: `${emu.publicUrl}/users/${morgan?.uuid}`,
      organization: `${emu.publicUrl}/organizations/${morgan?.organizationUuid}`,
    });
    const reuseCode = await tokenForm({ grant_type: "authorization_code", code, redirect_uri: redirectUri, client_id: EMULATOR_OAUTH_CLIENT_ID, code_verifier: verifier });
    expect(reuseCode.body.error).toBe("invalid_grant");

    const access = String(token.body.access_token);
    const me = await emu.call("GET", "/users/me", { token: access });
    expect((me.body.resource as Json).email).toBe(MORGAN);

    const basic = `Basic ${Buffer.from(`${EMULATOR_OAUTH_CLIENT_ID}:${EMULATOR_OAUTH_CLIENT_SECRET}`).toString("base64")}`;
    const refreshed = await fetch(`${emu.url}/oauth/token`, {
      method: "POST",
      headers: { authorization: basic, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "refresh_token", refresh_token: String(token.body.refresh_token) }),
    });
    expect(refreshed.status).toBe(200);
    const rotated = (await refreshed.json()) as Json;
    expect(rotated.refresh_token).not.toBe(token.body.refresh_token);
    const reused = await tokenForm({ grant_type: "refresh_token", refresh_token: String(token.body.refresh_token), client_id: EMULATOR_OAUTH_CLIENT_ID, client_secret: EMULATOR_OAUTH_CLIENT_SECRET });
    expect(reused.status).toBe(400);
    expect(reused.body).toEqual({
      error: "invalid_grant",
      error_description: "The provided authorization grant is invalid, expired, revoked, does not match the redirection URI used in the authorization request, or was issued to another client.",
    });
  });

  it("expires access tokens after two hours of emulator time; introspects and revokes", async () => {
    const location = await authorize({ client_id: EMULATOR_OAUTH_CLIENT_ID, redirect_uri: redirectUri, response_type: "code", state: "s" });
    const token = await emu.call("POST", "/oauth/token", {
      body: { grant_type: "authorization_code", code: location.searchParams.get("code"), redirect_uri: redirectUri, client_id: EMULATOR_OAUTH_CLIENT_ID, client_secret: EMULATOR_OAUTH_CLIENT_SECRET },
    });
    const access = String(token.body.access_token);
    const creds = { client_id: EMULATOR_OAUTH_CLIENT_ID, client_secret: EMULATOR_OAUTH_CLIENT_SECRET };
    const active = await emu.call("POST", "/oauth/introspect", { form: { ...creds, token: access } });
    expect(active.body).toMatchObject({ active: true, client_id: EMULATOR_OAUTH_CLIENT_ID, token_type: "Bearer", scope: "default" });
    emu.clock.advance(2 * 3600 * 1000 + 1000);
    expect((await emu.call("GET", "/users/me", { token: access })).status).toBe(401);
    expect((await emu.call("POST", "/oauth/introspect", { form: { ...creds, token: access } })).body).toEqual({ active: false });
    const refreshed = await tokenForm({ grant_type: "refresh_token", refresh_token: String(token.body.refresh_token), ...creds });
    const fresh = String(refreshed.body.access_token);
    expect((await emu.call("GET", "/users/me", { token: fresh })).status).toBe(200);
    expect((await emu.call("POST", "/oauth/revoke", { form: { ...creds, token: fresh } })).status).toBe(200);
    expect((await emu.call("GET", "/users/me", { token: fresh })).status).toBe(401);
    expect((await emu.call("POST", "/oauth/revoke", { form: { client_id: EMULATOR_OAUTH_CLIENT_ID, client_secret: "nope", token: fresh } })).status).toBe(403);
  });

  it("grants limited scopes and enforces them", async () => {
    const location = await authorize({ client_id: EMULATOR_OAUTH_CLIENT_ID, redirect_uri: redirectUri, scope: "users:read event_types:read" });
    const token = await tokenForm({ grant_type: "authorization_code", code: location.searchParams.get("code") ?? "", redirect_uri: redirectUri, client_id: EMULATOR_OAUTH_CLIENT_ID, client_secret: EMULATOR_OAUTH_CLIENT_SECRET });
    expect(token.body.scope).toBe("users:read event_types:read");
    const denied = await emu.call("GET", `/user_availability_schedules`, { token: String(token.body.access_token) });
    expect(denied.body).toEqual({ title: "Permission Denied", message: "Insufficient scope", required_scopes: ["availability:read"] });
  });

  it("creates a new Calendly account from the consent page, with default hours and event types", async () => {
    const params = { client_id: EMULATOR_OAUTH_CLIENT_ID, redirect_uri: redirectUri, state: "new" };
    const html = String((await emu.call("GET", `/oauth/authorize?${new URLSearchParams(params)}`)).body);
    expect(html).toContain("Create an account");
    const form = { ...hiddenFields(html), decision: "create", new_name: "Nova Newcoach", new_email: "Nova@New.test", new_timezone: "Europe/Berlin" };
    const res = await emu.call("POST", "/oauth/authorize", { form });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get("location") ?? "");
    expect(location.searchParams.get("state")).toBe("new");
    const token = await tokenForm({ grant_type: "authorization_code", code: location.searchParams.get("code") ?? "", redirect_uri: redirectUri, client_id: EMULATOR_OAUTH_CLIENT_ID, client_secret: EMULATOR_OAUTH_CLIENT_SECRET });
    const me = await emu.call("GET", "/users/me", { token: String(token.body.access_token) });
    expect(me.body.resource).toMatchObject({ email: "nova@new.test", name: "Nova Newcoach", slug: "nova-newcoach", timezone: "Europe/Berlin" });
    const user = emu.store.userByEmail("nova@new.test");
    const types = await emu.call("GET", `/event_types?user=${encodeURIComponent(`${emu.publicUrl}/users/${user?.uuid}`)}`, { token: String(token.body.access_token) });
    expect((types.body.collection as Json[]).map((t) => t.name)).toEqual(["15 Minute Meeting", "30 Minute Meeting", "60 Minute Meeting"]);

    const again = await emu.call("POST", "/oauth/authorize", { form });
    expect(again.status).toBe(422);
    expect(String(again.body)).toContain("already exists");
  });

  it("rejects unknown clients and unregistered redirect URIs, and reports denial", async () => {
    expect((await emu.call("GET", `/oauth/authorize?client_id=nope&redirect_uri=${encodeURIComponent(redirectUri)}`)).status).toBe(400);
    expect((await emu.call("GET", `/oauth/authorize?client_id=${EMULATOR_OAUTH_CLIENT_ID}&redirect_uri=${encodeURIComponent("https://evil.test/cb")}`)).status).toBe(400);
    const denied = await authorize({ client_id: EMULATOR_OAUTH_CLIENT_ID, redirect_uri: redirectUri, state: "st" }, MORGAN, "deny");
    expect(denied.searchParams.get("error")).toBe("access_denied");
    expect(denied.searchParams.get("state")).toBe("st");
    const badClient = await tokenForm({ grant_type: "refresh_token", refresh_token: "x", client_id: "nope", client_secret: "x" });
    expect(badClient.status).toBe(401);
    expect(badClient.body.error).toBe("invalid_client");
    expect((await tokenForm({ grant_type: "password", client_id: EMULATOR_OAUTH_CLIENT_ID })).body.error).toBe("unsupported_grant_type");
  });
});
