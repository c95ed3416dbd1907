import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { FindAnyCoach } from "@/features/booking/components/find-any-coach";

export const metadata: Metadata = { title: "Find any coach" };

export default async function FindAnyCoachPage() {
  const user = await requireUser();
  if (!can(user.role, "coaches.read")) notFound();
  return (
    <>
      <PageHeader title="Find any coach" description="Say when you are free; see every coach who is open then." />
      <FindAnyCoach timeZone={user.timeZone} />
    </>
  );
}
