import type { AttendanceReportDto } from "./get-attendance-report";
import { percent, toCsv } from "./csv";

/** The attendance report as CSV (one row per realtor or coach). */
export function attendanceCsv(report: AttendanceReportDto): string {
  const who = report.by === "realtor" ? "Realtor" : "Coach";
  return toCsv(
    [who, "Email", "Booked", "Attended", "No-shows", "Canceled", "Rescheduled", "Upcoming", "Attendance rate (%)", "Period", "Time zone"],
    report.rows.map((row) => [
      row.name,
      row.email,
      row.booked,
      row.attended,
      row.noShows,
      row.canceled,
      row.rescheduled,
      row.upcoming,
      percent(row.attendanceRate),
      `${report.period.from} to ${report.period.to}`,
      report.period.timeZone,
    ]),
  );
}
