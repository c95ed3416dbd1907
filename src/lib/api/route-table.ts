import type { Permission } from "@/lib/auth/permissions";

/**
 * Every API route and the permission it needs: the one place to audit who may call what. `public` routes need no
 * session; `webhook` routes authenticate by signature instead of a session and skip the same-origin check. A test
 * walks `src/app/api` and fails when a route file exports a method that is not listed here.
 */
export type RouteAccess = Permission | "public" | "webhook" | "authenticated";

export const API_ROUTES = {
  "GET /api/health": "public",
  "GET /api/auth/[...all]": "public",
  "POST /api/auth/[...all]": "public",
  "GET /api/me": "authenticated",
  "POST /api/webhooks/calendly": "webhook",
  "GET /api/calendly/oauth/start": "calendly.connect",
  "GET /api/calendly/oauth/callback": "calendly.connect",
  "GET /api/calendly/connection": "calendly.connections.read",
  "POST /api/calendly/disconnect": "calendly.connect",
  "POST /api/calendly/sync": "calendly.sync",
  "GET /api/calendly/event-types": "event_types.read",
  "PATCH /api/calendly/event-types/[uuid]": "event_types.manage",
  "GET /api/admin/connections": "calendly.connections.read",
} as const satisfies Record<string, RouteAccess>;

export type RouteKey = keyof typeof API_ROUTES;
