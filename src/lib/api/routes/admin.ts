import type { RouteAccess } from "./access";

// Admin: connections, users, jobs, audit.
export const ADMIN_ROUTES = {
  "GET /api/admin/connections": "calendly.connections.read",
} as const satisfies Record<string, RouteAccess>;
