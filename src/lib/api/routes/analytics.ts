import type { RouteAccess } from "./access";

// Analytics and reports. `analytics.read` is `own` for coaches (their sessions) and realtors (their attendance only).
export const ANALYTICS_ROUTES = {
  "GET /api/analytics/dashboard": "reports.read",
  "GET /api/analytics/filters": "analytics.read",
  "GET /api/analytics/attendance": "analytics.read",
  "POST /api/analytics/availability-schedules/refresh": "calendly.sync",
  "GET /api/reports/attendance": "reports.read",
} as const satisfies Record<string, RouteAccess>;
