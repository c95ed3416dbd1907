import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { scopeOf } from "@/lib/auth/permissions";
import { PageHeader } from "@/components/ui/page-header";
import { viewerTimeZone } from "@/features/analytics/analytics-filters";
import { AttendanceReportView } from "@/features/analytics/components/attendance-report-view";
import { defaultFilterValues } from "@/features/analytics/components/default-filters";

export const metadata: Metadata = { title: "Reports" };

export default async function ReportsPage() {
  const user = await requireUser();
  const scope = scopeOf(user.role, "reports.read");
  if (!scope) notFound();
  const timeZone = viewerTimeZone(user.timeZone);
  return (
    <>
      <PageHeader
        title="Attendance reports"
        description={`Booked, attended, no-show, canceled and rescheduled sessions per ${scope === "any" ? "realtor or coach" : "realtor"}, for sessions starting in the period (dates in ${timeZone}). Export as CSV or print.`}
      />
      <AttendanceReportView isAdmin={scope === "any"} initial={defaultFilterValues(timeZone)} />
    </>
  );
}
