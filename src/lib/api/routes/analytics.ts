import type { RouteAccess } from "./access";

// Analytics and reports.
export const ANALYTICS_ROUTES = {} as const satisfies Record<string, RouteAccess>;
