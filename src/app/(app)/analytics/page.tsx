import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { scopeOf } from "@/lib/auth/permissions";
import { PageHeader } from "@/components/ui/page-header";
import { viewerTimeZone } from "@/features/analytics/analytics-filters";
import { AnalyticsDashboard } from "@/features/analytics/components/analytics-dashboard";
import { RealtorAttendance } from "@/features/analytics/components/realtor-attendance";
import { defaultFilterValues } from "@/features/analytics/components/default-filters";

export const metadata: Metadata = { title: "Analytics" };

export default async function AnalyticsPage() {
  const user = await requireUser();
  const scope = scopeOf(user.role, "analytics.read");
  if (!scope) notFound();
  const timeZone = viewerTimeZone(user.timeZone);
  const initial = defaultFilterValues(timeZone);

  if (user.role === "realtor") {
    return (
      <>
        <PageHeader title="Your attendance" description={`How your sessions went: attended, missed, canceled and rescheduled. Dates in ${timeZone}.`} />
        <RealtorAttendance initial={initial} />
      </>
    );
  }
  const isAdmin = scope === "any";
  return (
    <>
      <PageHeader
        title="Analytics"
        description={
          isAdmin
            ? `Program-wide attendance, no-shows, cancellations, reschedules and coach utilization. Dates and hours in ${timeZone}.`
            : `Your sessions: attendance, no-shows, cancellations, reschedules and utilization. Dates and hours in ${timeZone}.`
        }
      />
      <AnalyticsDashboard isAdmin={isAdmin} viewerId={user.id} timeZone={timeZone} initial={initial} />
    </>
  );
}
