import type { Metadata } from "next";
import { Suspense } from "react";
import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";
import { can, scopeOf } from "@/lib/auth/permissions";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { InviteeList } from "@/features/invitees/components/invitee-list";
import { listCoachOptions } from "@/features/invitees/list-coach-options";

export const metadata: Metadata = { title: "Invitees" };

const DESCRIPTION = {
  admin: "Every invitee across all coaches' sessions: answers, time zones and no-shows.",
  coach: "Everyone who booked your sessions: their answers, their local time, and no-show marking once a session has started.",
  realtor: "Your own bookings as an invitee.",
} as const;

export default async function InviteesPage() {
  const user = await requireUser();
  if (!can(user.role, "invitees.read")) notFound();
  const isAdmin = scopeOf(user.role, "invitees.read") === "any";
  const coaches = isAdmin ? await listCoachOptions() : undefined;

  return (
    <>
      <PageHeader title="Invitees" description={DESCRIPTION[user.role]} />
      <Suspense fallback={<Skeleton className="h-96 w-full" />}>
        <InviteeList
          endpoint="/api/invitees"
          showSession
          coaches={coaches}
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
