import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { requireUser } from "@/lib/auth/session";
import { scopeOf } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { Alert } from "@/components/ui/alert";
import { analyticsQuerySchema, scopeFilters } from "@/features/analytics/analytics-filters";
import { getAttendanceReport, MAX_EXPORT_ROWS } from "@/features/analytics/get-attendance-report";
import { AttendanceTable } from "@/features/analytics/components/attendance-table";
import { PrintButton } from "@/features/analytics/components/print-button";

export const metadata: Metadata = { title: "Attendance report (print)" };

const printQuerySchema = analyticsQuerySchema.and(z.object({ by: z.enum(["realtor", "coach"]).default("realtor") }));

/** A print-friendly attendance report: every row, no controls but Print (hidden when printing). */
export default async function PrintReportPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireUser();
  const scope = scopeOf(user.role, "reports.read");
  if (!scope) notFound();
  const parsed = printQuerySchema.safeParse(Object.fromEntries(Object.entries(await searchParams).map(([key, value]) => [key, Array.isArray(value) ? value[0] : value])));
  if (!parsed.success) return <Alert variant="danger" title="This report link is not valid">Go back to Reports and choose the period again.</Alert>;
  let report;
  try {
    report = await getAttendanceReport(scopeFilters(user, scope, parsed.data), { by: parsed.data.by, limit: MAX_EXPORT_ROWS, offset: 0 });
  } catch (error) {
    if (error instanceof AppError && error.status < 500) return <Alert variant="danger" title="This report is not available">{error.message}</Alert>;
    throw error;
  }
  return (
    <article className="space-y-4 print:text-black">
      {/* The app shell's sidebar and top bar stay off paper. */}
      <style>{"@media print { aside, body header:not(article header) { display: none !important; } main { max-width: none !important; padding: 0 !important; } }"}</style>
      <header className="flex items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Attendance per {report.by}</h1>
          <p className="text-sm text-muted-foreground">
            Sessions starting {report.period.from} to {report.period.to} ({report.period.timeZone}). {report.total} {report.by === "realtor" ? "people" : "coaches"}. Printed by {user.name}.
          </p>
        </div>
        <PrintButton />
      </header>
      {report.rows.length ? <AttendanceTable report={report} /> : <p>No sessions in this period.</p>}
    </article>
  );
}
