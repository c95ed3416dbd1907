import type { RouteAccess } from "./access";

// Health, auth and the signed-in user.
export const CORE_ROUTES = {
  "GET /api/health": "public",
  "GET /api/auth/[...all]": "public",
  "POST /api/auth/[...all]": "public",
  "GET /api/me": "authenticated",
  "GET /api/openapi.json": "public",
} as const satisfies Record<string, RouteAccess>;
