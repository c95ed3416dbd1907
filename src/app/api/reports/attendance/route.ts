// GET /api/reports/attendance - the attendance report as JSON or a CSV download (coach: own sessions; admin: all)
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { analyticsQuerySchema, scopeFilters } from "@/features/analytics/analytics-filters";
import { attendanceCsv } from "@/features/analytics/attendance-csv";
import { getAttendanceReport, MAX_EXPORT_ROWS } from "@/features/analytics/get-attendance-report";

export const dynamic = "force-dynamic";

const querySchema = analyticsQuerySchema.and(
  z.object({
    by: z.enum(["realtor", "coach"]).default("realtor"),
    format: z.enum(["json", "csv"]).default("json"),
    limit: z.coerce.number().int().min(1).max(MAX_EXPORT_ROWS).default(500),
    offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  }),
);

export const GET = apiRoute("GET /api/reports/attendance", { query: querySchema }, async ({ user, scope, query }) => {
  const filters = scopeFilters(user, scope, query);
  if (query.format === "json") return getAttendanceReport(filters, query);
  const report = await getAttendanceReport(filters, { by: query.by, limit: MAX_EXPORT_ROWS, offset: 0 });
  return new Response(attendanceCsv(report), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="attendance-by-${query.by}-${report.period.from}-to-${report.period.to}.csv"`,
      "cache-control": "no-store",
    },
  });
});
