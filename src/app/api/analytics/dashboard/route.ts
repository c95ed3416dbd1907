// GET /api/analytics/dashboard - every analytics section for a period (coach: own sessions; admin: any coach)
import { apiRoute } from "@/lib/api/handler";
import { analyticsQuerySchema, scopeFilters } from "@/features/analytics/analytics-filters";
import { getAnalyticsDashboard } from "@/features/analytics/get-analytics-dashboard";

export const dynamic = "force-dynamic";

export const GET = apiRoute("GET /api/analytics/dashboard", { query: analyticsQuerySchema }, async ({ user, scope, query }) =>
  getAnalyticsDashboard(scopeFilters(user, scope, query)),
);
