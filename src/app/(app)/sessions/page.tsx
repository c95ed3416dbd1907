import type { Metadata } from "next";
import { Suspense } from "react";
import { notFound } from "next/navigation";
import { can, scopeOf } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { CalendarFeedCard } from "@/features/sessions/components/calendar-feed-card";
import { SessionList } from "@/features/sessions/components/session-list";
import { sessionFilterOptions } from "@/features/sessions/session-filter-options";

export const metadata: Metadata = { title: "Sessions" };

const DESCRIPTIONS = {
  admin: "Every session across all coaches: filter, open one, or cancel several at once.",
  coach: "Every session booked with you: upcoming, past, canceled and rescheduled.",
  realtor: "Your sessions with coaches: open one to reschedule, cancel or add it to your calendar.",
} as const;

export default async function SessionsPage() {
  const user = await requireUser();
  const scope = scopeOf(user.role, "sessions.read");
  if (!scope) notFound();
  const options = await sessionFilterOptions({ user, scope });
  return (
    <>
      <PageHeader title={user.role === "realtor" ? "My sessions" : "Sessions"} description={DESCRIPTIONS[user.role]} />
      <div className="space-y-8">
        {/* useSearchParams needs a Suspense boundary; the fallback has the list's outline. */}
        <Suspense fallback={<Skeleton className="h-96 w-full" />}>
          <SessionList role={user.role} options={options} timeZone={user.timeZone} />
        </Suspense>
        {can(user.role, "sessions.export") ? <CalendarFeedCard /> : null}
      </div>
    </>
  );
}
