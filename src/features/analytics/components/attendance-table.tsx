import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AttendanceReportDto } from "../get-attendance-report";
import { formatPercent } from "./format";

/** The attendance report rows as a table (used on screen and on the print page). */
export function AttendanceTable({ report }: { report: AttendanceReportDto }) {
  const who = report.by === "realtor" ? "Realtor" : "Coach";
  return (
    <Table>
      <TableCaption className="py-2 text-xs text-muted-foreground">
        Attendance per {report.by}, sessions starting {report.period.from} to {report.period.to} ({report.period.timeZone}). Attendance rate = attended ÷ (attended + no-shows).
      </TableCaption>
      <TableHeader>
        <TableRow>
          <TableHead>{who}</TableHead>
          <TableHead>Email</TableHead>
          <TableHead className="text-right">Booked</TableHead>
          <TableHead className="text-right">Attended</TableHead>
          <TableHead className="text-right">No-shows</TableHead>
          <TableHead className="text-right">Canceled</TableHead>
          <TableHead className="text-right">Rescheduled</TableHead>
          <TableHead className="text-right">Upcoming</TableHead>
          <TableHead className="text-right">Attendance</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {report.rows.map((row, index) => (
          <TableRow key={row.userId ?? `${row.email}-${index}`} className="break-inside-avoid">
            <TableHead scope="row" className="h-auto py-2 text-sm font-medium whitespace-normal normal-case tracking-normal text-foreground">
              {row.name}
            </TableHead>
            <TableCell className="max-w-56 break-all text-muted-foreground">{row.email ?? "—"}</TableCell>
            <TableCell className="text-right tabular-nums">{row.booked}</TableCell>
            <TableCell className="text-right tabular-nums">{row.attended}</TableCell>
            <TableCell className="text-right tabular-nums">{row.noShows}</TableCell>
            <TableCell className="text-right tabular-nums">{row.canceled}</TableCell>
            <TableCell className="text-right tabular-nums">{row.rescheduled}</TableCell>
            <TableCell className="text-right tabular-nums">{row.upcoming}</TableCell>
            <TableCell className="text-right tabular-nums">{formatPercent(row.attendanceRate)}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
