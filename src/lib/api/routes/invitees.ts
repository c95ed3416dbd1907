import type { RouteAccess } from "./access";

// Invitee lists, no-shows, attendance.
export const INVITEES_ROUTES = {} as const satisfies Record<string, RouteAccess>;
