import type { Permission } from "@/lib/auth/permissions";

/** What a route needs: a permission, or `public` (no session), `webhook` (signature instead), `authenticated`. */
export type RouteAccess = Permission | "public" | "webhook" | "authenticated";
