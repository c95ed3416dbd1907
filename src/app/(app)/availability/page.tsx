import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { CoachAvailabilityOverview } from "@/features/booking/components/coach-availability-overview";

export const metadata: Metadata = { title: "Availability" };

export default async function AvailabilityPage() {
  const user = await requireUser();
  if (!can(user.role, "availability.manage") || user.role === "realtor") notFound();
  return (
    <>
      <PageHeader title="Availability" description="Your open and booked hours across the event types you offer, read from Calendly." />
      <CoachAvailabilityOverview timeZone={user.timeZone} />
    </>
  );
}
