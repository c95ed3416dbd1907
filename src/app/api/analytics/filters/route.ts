// GET /api/analytics/filters - the coaches and event types the viewer may filter analytics by
import { apiRoute } from "@/lib/api/handler";
import { listAnalyticsFilterOptions } from "@/features/analytics/list-analytics-filter-options";

export const dynamic = "force-dynamic";

export const GET = apiRoute("GET /api/analytics/filters", {}, async ({ user, scope }) => listAnalyticsFilterOptions(user, scope));
