// GET /api/analytics/attendance - attendance per realtor or per coach (a realtor gets their own row only)
import { apiRoute } from "@/lib/api/handler";
import { analyticsQuerySchema, scopeFilters } from "@/features/analytics/analytics-filters";
import { attendanceQuerySchema, getAttendanceReport } from "@/features/analytics/get-attendance-report";

export const dynamic = "force-dynamic";

const querySchema = analyticsQuerySchema.and(attendanceQuerySchema);

export const GET = apiRoute("GET /api/analytics/attendance", { query: querySchema }, async ({ user, scope, query }) =>
  getAttendanceReport(scopeFilters(user, scope, query, { allowRealtor: true }), query),
);
