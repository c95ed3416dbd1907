import type { RouteAccess } from "./access";

// Admin: connections, users, jobs, audit.
export const ADMIN_ROUTES = {
  "GET /api/admin/connections": "calendly.connections.read",
  "GET /api/admin/users": "users.read",
  "GET /api/admin/users/[id]": "users.read",
  "PATCH /api/admin/users/[id]": "users.manage",
  "POST /api/admin/users/[id]/deactivate": "users.manage",
  "POST /api/admin/users/[id]/reactivate": "users.manage",
  "GET /api/admin/audit": "audit.read",
  "GET /api/admin/audit/usage": "audit.read",
} as const satisfies Record<string, RouteAccess>;
