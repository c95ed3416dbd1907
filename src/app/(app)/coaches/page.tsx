import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Search } from "lucide-react";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { CoachDirectory } from "@/features/booking/components/coach-directory";
import { MySeries } from "@/features/booking/components/my-series";

export const metadata: Metadata = { title: "Find a coach" };

export default async function CoachesPage() {
  const user = await requireUser();
  if (!can(user.role, "coaches.read")) notFound();
  return (
    <>
      <PageHeader
        title="Find a coach"
        description="Coaches and the sessions you can book with them. Pick one to see their open times."
        actions={
          <Button asChild variant="outline">
            <Link href="/coaches/find">
              <Search /> Find any coach by time
            </Link>
          </Button>
        }
      />
      <div className="space-y-6">
        <CoachDirectory />
        {can(user.role, "bookings.create") ? <MySeries timeZone={user.timeZone} /> : null}
      </div>
    </>
  );
}
