// startEmulator(): the in-process Calendly emulator (node:http). Wires store, clock, fixtures, auth, rate limits,
// faults, routes and the webhook dispatcher; usable from tests (port 0) and from the CLI.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { authenticate, bearerToken, type AuthInfo } from "./auth/authenticate";
import { RateLimiter, type RateLimitState } from "./auth/rate-limit";
import { hasScope } from "./auth/scopes";
import { createClock, type Clock } from "./core/clock";
import type { CoreContext } from "./core/context";
import * as defaults from "./defaults";
import { FaultInjector } from "./faults";
import { loadFixture, type Fixture } from "./fixtures";
import { missingScope, notFoundError, unauthenticated } from "./http/api-error";
import { errorResult, rateLimitHeaders, statusResult, writeResult } from "./http/respond";
import { Router, type HttpResult, type RawRequest } from "./http/router";
import { ALL_ROUTES } from "./routes";
import { PAGE_ROUTES } from "./pages";
import type { ApiRequest, EmulatorConfig, PublicRequest, RouteDef, Runtime } from "./routes/types";
import { createEmptyState, Store } from "./store/store";
import { deserializeState, loadSnapshot, saveSnapshot } from "./store/snapshot";
import type { UserRecord } from "./store/types";
import { createUris } from "./views/uris";
import { WebhookDispatcher } from "./webhooks/dispatcher";

export interface StartEmulatorOptions {
  /** TCP port; 0 (tests) picks a free one. Default 4010. */
  port?: number;
  host?: string;
  /** "demo" (default), "empty", or a fixture function. Ignored when a snapshot file exists. */
  fixture?: Fixture;
  clock?: Clock;
  /** Base of every URI; default `http://<host>:<actual port>`. */
  publicUrl?: string;
  adminToken?: string;
  /** Extra PAT for the seeded organization owner (EMULATOR_SEED_PAT). */
  seedPat?: string;
  rateLimitPerMinute?: number;
  freeRateLimitPerMinute?: number;
  /** 7 (default, 2023 spec) or up to 31 (July 2026 release). */
  availabilityWindowDays?: number;
  /** Multiplies webhook back-off delays and the retry budget (e.g. 0.0001 in tests). Default 1. */
  webhookRetryScale?: number;
  webhookRetryBaseDelayMs?: number;
  webhookRetryBudgetMs?: number;
  webhookTimeoutMs?: number;
  webhookSignatureTime?: "clock" | "wall";
  /** JSON snapshot file: loaded at start when present, saved after changes and on stop. */
  snapshotPath?: string;
  /** Routes added by other modules (e.g. booking pages under emulator/pages/); matched after the API routes. */
  extraRoutes?: RouteDef[];
  log?: (line: string) => void;
}

export interface SeededUserInfo {
  name: string;
  email: string;
  uuid: string;
  uri: string;
  role: string | null;
  personalAccessTokens: string[];
}

export interface RunningEmulator {
  url: string;
  port: number;
  publicUrl: string;
  adminToken: string;
  store: Store;
  clock: Clock;
  core: CoreContext;
  runtime: Runtime;
  oauthClient: { clientId: string; clientSecret: string; redirectUris: string[]; webhookSigningKey: string };
  /** Seeded users with their PATs, as loaded from the fixture. */
  users(): SeededUserInfo[];
  /** The PAT of a user (by email), for tests. */
  tokenFor(email: string): string;
  reset(fixture?: Fixture): void;
  /** Waits until every queued webhook delivery has settled (retries included). */
  waitForDeliveries(): Promise<void>;
  stop(): Promise<void>;
}

function seedOAuthClient(store: Store): void {
  store.state.oauthClients.set(defaults.EMULATOR_OAUTH_CLIENT_ID, {
    clientId: defaults.EMULATOR_OAUTH_CLIENT_ID,
    clientSecret: defaults.EMULATOR_OAUTH_CLIENT_SECRET,
    name: "Sessionly (dev)",
    redirectUris: [...defaults.EMULATOR_OAUTH_REDIRECT_URIS],
    loopbackCallbackPath: defaults.EMULATOR_OAUTH_LOOPBACK_CALLBACK_PATH,
    webhookSigningKey: defaults.EMULATOR_WEBHOOK_SIGNING_KEY,
  });
}

function firstOwner(store: Store): UserRecord | undefined {
  const owner = [...store.state.memberships.values()].find((m) => m.role === "owner");
  return owner ? store.state.users.get(owner.userUuid) : undefined;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > 1_000_000) reject(new Error("Request body too large"));
      else chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

class EmulatorHttp {
  private readonly router = new Router<RouteDef>();
  private saveTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly rt: Runtime,
    routes: RouteDef[],
    private readonly log: (line: string) => void,
  ) {
    for (const route of routes) this.router.add(route.method, route.pattern, () => route);
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://emulator.local");
    let idle = RateLimiter.idle(this.rt.config.rateLimitPerMinute);
    let result: HttpResult;
    try {
      const raw: RawRequest = { method: (req.method ?? "GET").toUpperCase(), path: url.pathname, query: url.searchParams, headers: req.headers, rawBody: await readBody(req) };
      const match = this.router.match(raw.method, raw.path);
      if (!("handler" in match)) throw notFoundError();
      const route = await match.handler(raw, match.params);
      const request: PublicRequest = { ...raw, params: match.params, rt: this.rt };
      if (route.kind === "api") {
        const outcome = await this.runApi(route, request);
        idle = outcome.rate;
        result = outcome.result;
        if (raw.method !== "GET") this.scheduleSave();
      } else if (route.kind === "control") {
        result = bearerToken(req.headers) === this.rt.config.adminToken ? await route.handler(request) : { status: 401, json: { title: "Unauthenticated", message: "Invalid emulator admin token" } };
        if (raw.method !== "GET") this.scheduleSave();
      } else {
        result = await route.handler(request);
        if (raw.method !== "GET") this.scheduleSave();
      }
    } catch (error) {
      result = errorResult(error, this.log);
    }
    writeResult(res, result, rateLimitHeaders(idle));
  }

  private async runApi(route: Extract<RouteDef, { kind: "api" }>, request: PublicRequest): Promise<{ result: HttpResult; rate: RateLimitState }> {
    const { rt } = this;
    const token = bearerToken(request.headers);
    const fault = rt.faults.decide(request.method, request.path, token);
    if (fault.latencyMs > 0) await sleep(fault.latencyMs);
    const auth: AuthInfo | null = fault.force401 ? null : authenticate(rt.store, token, rt.clock.now());
    if (!auth) return { result: errorResult(unauthenticated(), this.log), rate: RateLimiter.idle(rt.config.rateLimitPerMinute) };
    const limit = auth.user.plan === "free" ? rt.config.freeRateLimitPerMinute : rt.config.rateLimitPerMinute;
    const rate = rt.rateLimiter.hit(auth.user.uuid, limit, rt.clock.now());
    if (rate.limited || fault.force429) {
      const limited = { ...rate, remaining: 0 };
      const result = statusResult(429);
      return { result: { ...result, headers: { "retry-after": String(limited.resetSeconds) } }, rate: limited };
    }
    if (fault.errorStatus !== null) return { result: statusResult(fault.errorStatus), rate };
    if (!route.scopes.some((scope) => hasScope(auth.scopes, scope))) {
      return { result: errorResult(missingScope(route.scopes.slice(0, 1)), this.log), rate };
    }
    try {
      const apiRequest: ApiRequest = { ...request, auth };
      return { result: await route.handler(apiRequest), rate };
    } catch (error) {
      return { result: errorResult(error, this.log), rate };
    }
  }

  private scheduleSave(): void {
    if (!this.rt.config.snapshotPath || this.saveTimer) return;
    this.saveTimer = setTimeout(() => {
      this.saveTimer = null;
      this.rt.saveSnapshot().catch((error: unknown) => this.log(`emulator: snapshot failed: ${String(error)}`));
    }, 500);
  }

  dispose(): void {
    if (this.saveTimer) clearTimeout(this.saveTimer);
  }
}

function buildRuntime(options: StartEmulatorOptions, publicUrl: string): Runtime {
  const store = new Store(createEmptyState());
  const clock = options.clock ?? createClock();
  const uris = createUris(publicUrl);
  const faults = new FaultInjector();
  const config: EmulatorConfig = {
    publicUrl: uris.base,
    adminToken: options.adminToken ?? defaults.EMULATOR_ADMIN_TOKEN,
    rateLimitPerMinute: options.rateLimitPerMinute ?? defaults.DEFAULT_RATE_LIMIT_PER_MINUTE,
    freeRateLimitPerMinute: options.freeRateLimitPerMinute ?? defaults.DEFAULT_FREE_RATE_LIMIT_PER_MINUTE,
    availabilityWindowDays: Math.min(options.availabilityWindowDays ?? defaults.DEFAULT_AVAILABILITY_WINDOW_DAYS, defaults.MAX_AVAILABILITY_WINDOW_DAYS),
    snapshotPath: options.snapshotPath ?? null,
  };
  const view = { store, uris };
  const dispatcher = new WebhookDispatcher(() => view, clock, {
    retryScale: options.webhookRetryScale ?? 1,
    retryBaseDelayMs: options.webhookRetryBaseDelayMs ?? defaults.WEBHOOK_RETRY_BASE_DELAY_MS,
    retryBudgetMs: options.webhookRetryBudgetMs ?? defaults.WEBHOOK_RETRY_BUDGET_MS,
    timeoutMs: options.webhookTimeoutMs ?? defaults.WEBHOOK_REQUEST_TIMEOUT_MS,
    signatureTime: options.webhookSignatureTime ?? "wall",
  }, faults);
  const core: CoreContext = { store, clock, publicUrl: uris.base, emit: (emission) => dispatcher.emit(emission) };
  const rateLimiter = new RateLimiter();
  const runtime: Runtime = {
    store, clock, config, uris, core, view, dispatcher, faults, rateLimiter,
    reset(fixture = options.fixture ?? "demo") {
      dispatcher.clear();
      rateLimiter.clear();
      faults.clear();
      if (typeof fixture === "object") {
        store.replace(deserializeState(fixture.snapshot));
      } else {
        store.replace(createEmptyState());
        loadFixture(store, clock, uris.base, fixture);
      }
      seedOAuthClient(store);
      const owner = firstOwner(store);
      if (options.seedPat && owner) {
        store.state.personalAccessTokens.set(options.seedPat, { token: options.seedPat, userUuid: owner.uuid, scopes: null, label: "EMULATOR_SEED_PAT" });
      }
    },
    async saveSnapshot() {
      if (!config.snapshotPath) return null;
      await saveSnapshot(config.snapshotPath, store.state, clock.now());
      return config.snapshotPath;
    },
  };
  return runtime;
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}

/** Starts an emulator and resolves once it listens. */
export async function startEmulator(options: StartEmulatorOptions = {}): Promise<RunningEmulator> {
  const host = options.host ?? "127.0.0.1";
  const log = options.log ?? ((line: string) => console.error(line));
  let handler: EmulatorHttp | null = null;
  const server = createServer((req, res) => {
    if (!handler) return void res.writeHead(503).end();
    handler.handle(req, res).catch((error: unknown) => {
      log(`emulator: ${String(error)}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  const port = await listen(server, options.port ?? defaults.EMULATOR_DEFAULT_PORT, host);
  const publicUrl = options.publicUrl ?? `http://${host}:${port}`;
  const rt = buildRuntime(options, publicUrl);
  const snapshot = options.snapshotPath ? await loadSnapshot(options.snapshotPath) : null;
  if (snapshot) {
    rt.store.replace(snapshot);
    seedOAuthClient(rt.store);
  } else {
    rt.reset();
  }
  handler = new EmulatorHttp(rt, [...ALL_ROUTES, ...(options.extraRoutes ?? []), ...PAGE_ROUTES], log);
  const running: RunningEmulator = {
    url: `http://${host}:${port}`,
    port,
    publicUrl: rt.uris.base,
    adminToken: rt.config.adminToken,
    store: rt.store,
    clock: rt.clock,
    core: rt.core,
    runtime: rt,
    oauthClient: {
      clientId: defaults.EMULATOR_OAUTH_CLIENT_ID,
      clientSecret: defaults.EMULATOR_OAUTH_CLIENT_SECRET,
      redirectUris: [...defaults.EMULATOR_OAUTH_REDIRECT_URIS],
      webhookSigningKey: defaults.EMULATOR_WEBHOOK_SIGNING_KEY,
    },
    users: () => seededUsers(rt),
    tokenFor(email) {
      const info = seededUsers(rt).find((u) => u.email === email);
      if (!info || info.personalAccessTokens.length === 0) throw new Error(`No seeded PAT for ${email}`);
      return info.personalAccessTokens[0];
    },
    reset: (fixture) => rt.reset(fixture),
    waitForDeliveries: () => rt.dispatcher.idle(),
    async stop() {
      handler?.dispose();
      rt.dispatcher.stop();
      if (rt.config.snapshotPath) await rt.saveSnapshot();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
  return running;
}

function seededUsers(rt: Runtime): SeededUserInfo[] {
  const pats = [...rt.store.state.personalAccessTokens.values()];
  return [...rt.store.state.users.values()].map((user) => ({
    name: user.name,
    email: user.email,
    uuid: user.uuid,
    uri: rt.uris.user(user.uuid),
    role: [...rt.store.state.memberships.values()].find((m) => m.userUuid === user.uuid)?.role ?? null,
    personalAccessTokens: pats.filter((p) => p.userUuid === user.uuid && p.label !== "control-plane").map((p) => p.token),
  }));
}
