// Shared types for route modules: the emulator runtime and the request objects handlers receive.
import type { AuthInfo } from "../auth/authenticate";
import type { RateLimiter } from "../auth/rate-limit";
import type { Clock } from "../core/clock";
import type { CoreContext } from "../core/context";
import type { FaultInjector } from "../faults";
import type { Fixture } from "../fixtures";
import type { HttpResult, RawRequest } from "../http/router";
import type { Store } from "../store/store";
import type { Uris } from "../views/uris";
import type { ViewContext } from "../views/serialize";
import type { WebhookDispatcher } from "../webhooks/dispatcher";

export interface EmulatorConfig {
  publicUrl: string;
  adminToken: string;
  rateLimitPerMinute: number;
  freeRateLimitPerMinute: number;
  availabilityWindowDays: number;
  snapshotPath: string | null;
}

export interface Runtime {
  store: Store;
  clock: Clock;
  config: EmulatorConfig;
  uris: Uris;
  core: CoreContext;
  view: ViewContext;
  dispatcher: WebhookDispatcher;
  faults: FaultInjector;
  rateLimiter: RateLimiter;
  /** Empties the state and loads a fixture (or a snapshot), then re-seeds the OAuth client and seed PAT. */
  reset(fixture?: Fixture | { snapshot: string }): void;
  saveSnapshot(): Promise<string | null>;
}

export interface PublicRequest extends RawRequest {
  params: Record<string, string>;
  rt: Runtime;
}

export interface ApiRequest extends PublicRequest {
  auth: AuthInfo;
}

export type RouteDef =
  | { kind: "api"; method: string; pattern: string; scopes: string[]; handler: (req: ApiRequest) => HttpResult | Promise<HttpResult> }
  | { kind: "public" | "control"; method: string; pattern: string; handler: (req: PublicRequest) => HttpResult | Promise<HttpResult> };

export function api(method: string, pattern: string, scopes: string[], handler: (req: ApiRequest) => HttpResult | Promise<HttpResult>): RouteDef {
  return { kind: "api", method, pattern, scopes, handler };
}

export function publicRoute(method: string, pattern: string, handler: (req: PublicRequest) => HttpResult | Promise<HttpResult>): RouteDef {
  return { kind: "public", method, pattern, handler };
}

export function control(method: string, pattern: string, handler: (req: PublicRequest) => HttpResult | Promise<HttpResult>): RouteDef {
  return { kind: "control", method, pattern, handler };
}
