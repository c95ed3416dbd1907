import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { can, scopeOf } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { AttendanceSummary } from "@/features/invitees/components/attendance-summary";
import { OutcomeBadge } from "@/features/invitees/components/outcome-badge";
import { formatSessionRange } from "@/features/invitees/format-invitee-time";
import { getRealtorAttendance } from "@/features/invitees/get-realtor-attendance";

export const metadata: Metadata = { title: "Realtor" };

// A realtor's profile for coaches (realtors who booked with them) and admins: attendance and booking history.
export default async function RealtorPage({ params }: { params: Promise<{ userId: string }> }) {
  const user = await requireUser();
  if (!can(user.role, "invitees.read")) notFound();
  const { userId } = await params;
  const scope = scopeOf(user.role, "invitees.read")!;
  const attendance = await getRealtorAttendance(user, scope, userId).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  const { realtor, history } = attendance;

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href="/invitees" className="hover:text-foreground">
            Invitees
          </Link>
        }
        title={realtor.name}
        description={`${realtor.email} · ${realtor.timeZone}`}
        actions={
          user.role !== "realtor" ? (
            <Link href={`/invitees?realtor=${encodeURIComponent(realtor.id)}`} className="text-sm text-primary underline-offset-4 hover:underline">
              Their bookings in the invitee list
            </Link>
          ) : null
        }
      />
      <div className="grid gap-6">
        <AttendanceSummary viewer={user} scope={scope} realtorUserId={realtor.id} attendance={attendance} />
        <section aria-labelledby="history-heading" className="grid gap-3">
          <h2 id="history-heading" className="text-base font-semibold">
            Booking history
          </h2>
          {history.length === 0 ? (
            <p className="text-sm text-muted-foreground">No bookings yet.</p>
          ) : (
            <Table>
              <TableCaption>
                {history.length < attendance.counts.total
                  ? `The ${history.length} most recent of ${attendance.counts.total} bookings. `
                  : null}
                Times in {user.timeZone}.
              </TableCaption>
              <TableHeader>
                <TableRow>
                  <TableHead>Session</TableHead>
                  <TableHead>When</TableHead>
                  {user.role === "admin" ? <TableHead>Coach</TableHead> : null}
                  <TableHead>Outcome</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {history.map((entry) => (
                  <TableRow key={entry.inviteeUri}>
                    <TableCell>
                      <Link href={`/sessions/${entry.session.uuid}/invitees`} className="font-medium text-primary underline-offset-4 hover:underline">
                        {entry.session.name}
                      </Link>
                    </TableCell>
                    <TableCell className="text-xs">{formatSessionRange(entry.session.startTime, entry.session.endTime, user.timeZone)}</TableCell>
                    {user.role === "admin" ? <TableCell>{entry.session.coachName ?? "–"}</TableCell> : null}
                    <TableCell>
                      <OutcomeBadge outcome={entry.outcome} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </section>
      </div>
    </>
  );
}
