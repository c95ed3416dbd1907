// Test support: start an in-process emulator on port 0, call it over real HTTP, compare JSON shapes.
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { startEmulator, type RunningEmulator, type StartEmulatorOptions } from "../server";

export const CAPTURED_DIR = "/work/shared/calendly/captured";
export const ADMIN = "admin@sessionly.test";
export const MORGAN = "coach.morgan@sessionly.test";
export const PRIYA = "coach.priya@sessionly.test";
export const TOM = "coach.tom@sessionly.test";
export const LENA = "coach.lena@sessionly.test";
export const OPS = "ops@sessionly.test";
export const FIONA = "fiona@free-coaching.test";

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
}

export interface TestEmulator extends RunningEmulator {
  call<T = Record<string, unknown>>(method: string, path: string, options?: { token?: string | null; body?: unknown; form?: Record<string, string> }): Promise<ApiResponse<T>>;
  /** GET with the given user's PAT (by email). */
  get<T = Record<string, unknown>>(path: string, asEmail?: string): Promise<ApiResponse<T>>;
  admin<T = Record<string, unknown>>(method: string, path: string, body?: unknown): Promise<ApiResponse<T>>;
  userUri(email: string): string;
  orgUri(): string;
}

export async function startTestEmulator(options: StartEmulatorOptions = {}): Promise<TestEmulator> {
  const emulator = await startEmulator({ port: 0, log: () => undefined, ...options });
  const call: TestEmulator["call"] = async (method, path, opts = {}) => {
    const headers: Record<string, string> = {};
    if (opts.token) headers.authorization = `Bearer ${opts.token}`;
    let body: string | undefined;
    if (opts.form) {
      headers["content-type"] = "application/x-www-form-urlencoded";
      body = new URLSearchParams(opts.form).toString();
    } else if (opts.body !== undefined) {
      headers["content-type"] = "application/json";
      body = JSON.stringify(opts.body);
    }
    const url = path.startsWith("http") ? path : `${emulator.url}${path}`;
    const response = await fetch(url, { method, headers, body, redirect: "manual" });
    const text = await response.text();
    const type = response.headers.get("content-type") ?? "";
    const parsed = type.includes("json") && text ? JSON.parse(text) : text;
    return { status: response.status, headers: response.headers, body: parsed };
  };
  const userUri = (email: string) => {
    const user = emulator.users().find((u) => u.email === email);
    if (!user) throw new Error(`unknown user ${email}`);
    return user.uri;
  };
  return Object.assign(emulator, {
    call,
    get: <T,>(path: string, asEmail = ADMIN) => call<T>("GET", path, { token: emulator.tokenFor(asEmail) }),
    admin: <T,>(method: string, path: string, body?: unknown) => call<T>(method, path, { token: emulator.adminToken, body }),
    userUri,
    orgUri: () => {
      const owner = emulator.store.userByEmail(ADMIN);
      if (!owner) throw new Error("no owner");
      return `${emulator.publicUrl}/organizations/${owner.organizationUuid}`;
    },
  });
}

export function readCaptured(name: string): unknown {
  return JSON.parse(readFileSync(`${CAPTURED_DIR}/${name}`, "utf8"));
}

export interface ShapeOptions {
  /** Keys whose values are unions (compare only that both are objects or null). */
  looseKeys?: string[];
  /** Keys present only in some records (e.g. `cancellation`). */
  optionalKeys?: string[];
}

function kind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  return typeof value;
}

/**
 * Recursive shape comparison: every key of `expected` must exist in `actual` with a compatible type.
 * null is compatible with anything (nullable fields); arrays compare their first expected element with every actual one.
 */
export function compareShape(expected: unknown, actual: unknown, options: ShapeOptions = {}, path = "$"): string[] {
  if (expected === null || actual === null) return [];
  const e = kind(expected);
  const a = kind(actual);
  if (e !== a) return [`${path}: expected ${e}, got ${a}`];
  if (e === "array") {
    const exp = expected as unknown[];
    const act = actual as unknown[];
    if (exp.length === 0 || act.length === 0) return [];
    return act.flatMap((item, i) => compareShape(exp[0], item, options, `${path}[${i}]`));
  }
  if (e !== "object") return [];
  const exp = expected as Record<string, unknown>;
  const act = actual as Record<string, unknown>;
  return Object.keys(exp).flatMap((key) => {
    if (!(key in act)) return options.optionalKeys?.includes(key) ? [] : [`${path}.${key}: missing`];
    if (options.looseKeys?.includes(key)) {
      const ek = kind(exp[key]);
      const ak = kind(act[key]);
      return ek === "null" || ak === "null" || ek === ak ? [] : [`${path}.${key}: expected ${ek}, got ${ak}`];
    }
    return compareShape(exp[key], act[key], options, `${path}.${key}`);
  });
}

export interface ReceivedRequest {
  headers: IncomingMessage["headers"];
  body: string;
  at: number;
}

/** A real node:http webhook receiver answering `status()` for each request. */
export async function startReceiver(status: () => number = () => 200): Promise<{ url: string; received: ReceivedRequest[]; close(): Promise<void>; server: Server }> {
  const received: ReceivedRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() });
      res.writeHead(status()).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hooks/calendly`,
    received,
    server,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

export async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error("waitFor timed out");
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** Runs the authorization-code flow through the consent form (no browser) and returns the token response. */
export async function oauthTokens(
  emu: TestEmulator,
  email: string,
  extra: { scope?: string; redirectUri?: string } = {},
): Promise<Record<string, unknown>> {
  const user = emu.users().find((u) => u.email === email);
  const redirectUri = extra.redirectUri ?? "http://localhost:3000/api/calendly/oauth/callback";
  const approve = await emu.call("POST", "/oauth/authorize", {
    form: { client_id: emu.oauthClient.clientId, redirect_uri: redirectUri, response_type: "code", state: "s1", scope: extra.scope ?? "", user: user?.uuid ?? "", decision: "approve" },
  });
  const code = new URL(approve.headers.get("location") ?? "").searchParams.get("code") ?? "";
  const token = await emu.call("POST", "/oauth/token", {
    form: { grant_type: "authorization_code", code, redirect_uri: redirectUri, client_id: emu.oauthClient.clientId, client_secret: emu.oauthClient.clientSecret },
  });
  return token.body;
}
