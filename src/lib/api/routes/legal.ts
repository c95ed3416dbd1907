import type { RouteAccess } from "./access";

// Privacy policy and terms: the operator's editor (the public pages read them server-side).
export const LEGAL_ROUTES = {
  "GET /api/admin/legal/[slug]": "legal.manage",
  "PUT /api/admin/legal/[slug]": "legal.manage",
} as const satisfies Record<string, RouteAccess>;
