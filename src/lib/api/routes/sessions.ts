import type { RouteAccess } from "./access";

// Session lists, details, cancel, reschedule, calendar export, series.
export const SESSIONS_ROUTES = {} as const satisfies Record<string, RouteAccess>;
