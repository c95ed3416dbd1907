import type { RouteAccess } from "./access";

// Data export, erasure, retention.
export const PRIVACY_ROUTES = {
  "GET /api/me/export": "privacy.export",
  "POST /api/me/erase": "privacy.erase",
  "GET /api/admin/privacy": "privacy.retention",
  "GET /api/admin/privacy/export": "privacy.export",
  "POST /api/admin/privacy/erase": "privacy.erase",
  "POST /api/admin/privacy/retention": "privacy.retention",
} as const satisfies Record<string, RouteAccess>;
