import type { RouteAccess } from "./routes/access";
import { ADMIN_ROUTES } from "./routes/admin";
import { ANALYTICS_ROUTES } from "./routes/analytics";
import { BOOKING_ROUTES } from "./routes/booking";
import { CALENDLY_ROUTES } from "./routes/calendly";
import { CORE_ROUTES } from "./routes/core";
import { INVITEES_ROUTES } from "./routes/invitees";
import { LEGAL_ROUTES } from "./routes/legal";
import { NOTIFICATIONS_ROUTES } from "./routes/notifications";
import { PRIVACY_ROUTES } from "./routes/privacy";
import { SESSIONS_ROUTES } from "./routes/sessions";

/**
 * Every API route and the permission it needs: the one place to audit who may call what. `public` routes need no
 * session; `webhook` routes authenticate by signature instead of a session and skip the same-origin check. A test
 * walks `src/app/api` and fails when a route file exports a method that is not listed here. Each domain keeps its
 * rows in `./routes/<domain>.ts`.
 */

export const API_ROUTES = {
  ...CORE_ROUTES,
  ...CALENDLY_ROUTES,
  ...BOOKING_ROUTES,
  ...SESSIONS_ROUTES,
  ...INVITEES_ROUTES,
  ...NOTIFICATIONS_ROUTES,
  ...ANALYTICS_ROUTES,
  ...ADMIN_ROUTES,
  ...PRIVACY_ROUTES,
  ...LEGAL_ROUTES,
} as const satisfies Record<string, RouteAccess>;

export type RouteKey = keyof typeof API_ROUTES;
export type { RouteAccess };
