import type { Scope } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getRealtorAttendance, type AttendanceDto } from "../get-realtor-attendance";

/**
 * A realtor's attendance in numbers (server component). On the dashboard a realtor sees their own; on a realtor's
 * profile a coach sees the sessions booked with them. Canceled and rescheduled bookings are shown but never counted
 * in the attendance rate.
 */
export async function AttendanceSummary({
  viewer,
  scope,
  realtorUserId,
  attendance,
  headingLevel = "h2",
}: {
  viewer: CurrentUser;
  scope: Scope;
  realtorUserId: string;
  /** Already loaded (the profile page); otherwise loaded here. */
  attendance?: AttendanceDto;
  headingLevel?: "h2" | "h3";
}) {
  const data = attendance ?? (await getRealtorAttendance(viewer, scope, realtorUserId));
  const { counts } = data;
  const percent = (value: number | null) => (value === null ? "–" : `${Math.round(value * 100)}%`);
  const own = viewer.id === realtorUserId;
  const tiles: Array<{ label: string; value: string; hint?: string }> = [
    { label: "Attendance rate", value: percent(data.attendanceRate), hint: "attended ÷ (attended + no-shows)" },
    { label: "Attended", value: String(counts.attended) },
    { label: "No-shows", value: String(counts.noShow) },
    { label: "Canceled", value: String(counts.canceled) },
    { label: "Rescheduled", value: String(counts.rescheduled) },
    { label: "Upcoming", value: String(counts.upcoming + counts.inProgress) },
  ];
  return (
    <Card>
      <CardHeader>
        <CardTitle as={headingLevel}>{own ? "Your attendance" : "Attendance"}</CardTitle>
        <CardDescription>
          {counts.total === 0
            ? "No sessions booked yet."
            : `${counts.total} booking${counts.total === 1 ? "" : "s"}${viewer.role === "coach" ? " with you" : ""}. Canceled and rescheduled sessions never count as no-shows.`}
        </CardDescription>
      </CardHeader>
      <CardContent>
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          {tiles.map((tile) => (
            <div key={tile.label} className="rounded-lg border bg-muted/20 p-3">
              <dt className="text-xs text-muted-foreground">{tile.label}</dt>
              <dd className="mt-1 text-xl font-semibold tabular-nums">{tile.value}</dd>
              {tile.hint ? <dd className="mt-0.5 text-[0.6875rem] text-muted-foreground">{tile.hint}</dd> : null}
            </div>
          ))}
        </dl>
      </CardContent>
    </Card>
  );
}
