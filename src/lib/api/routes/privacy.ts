import type { RouteAccess } from "./access";

// Data export, erasure, retention.
export const PRIVACY_ROUTES = {} as const satisfies Record<string, RouteAccess>;
