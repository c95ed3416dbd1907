import type { Metadata } from "next";
import { Suspense } from "react";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft } from "lucide-react";
import { requireUser } from "@/lib/auth/session";
import { can, scopeOf } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { Badge } from "@/components/ui/badge";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { InviteeList } from "@/features/invitees/components/invitee-list";
import { formatSessionRange } from "@/features/invitees/format-invitee-time";
import { getVisibleSessionOrThrow } from "@/features/invitees/invitee-visibility";

export const metadata: Metadata = { title: "Session invitees" };

export default async function SessionInviteesPage({ params }: { params: Promise<{ uuid: string }> }) {
  const user = await requireUser();
  if (!can(user.role, "invitees.read")) notFound();
  const { uuid } = await params;
  const session = await getVisibleSessionOrThrow(user, scopeOf(user.role, "invitees.read")!, uuid).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });

  return (
    <>
      <PageHeader
        eyebrow={
          <Link href={`/sessions/${session.uuid}`} className="inline-flex items-center gap-1 hover:text-foreground">
            <ArrowLeft aria-hidden="true" className="size-3.5" />
            Back to the session
          </Link>
        }
        title={`Invitees of ${session.name}`}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            {formatSessionRange(session.startTime.toISOString(), session.endTime.toISOString(), user.timeZone)}
            {session.status === "canceled" ? <Badge variant="neutral">Canceled</Badge> : null}
          </span>
        }
        actions={
          <Link href="/invitees" className="text-sm text-primary underline-offset-4 hover:underline">
            All invitees
          </Link>
        }
      />
      <Suspense fallback={<Skeleton className="h-96 w-full" />}>
        <InviteeList
          endpoint={`/api/events/${encodeURIComponent(session.uuid)}/invitees`}
          viewer={{
            timeZone: user.timeZone,
            canChangeNoShows: can(user.role, "invitees.mark_no_show"),
            canOpenRealtors: user.role !== "realtor",
          }}
        />
      </Suspense>
    </>
  );
}
