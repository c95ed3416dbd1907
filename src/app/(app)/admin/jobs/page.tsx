import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { scopeOf } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { FailedJobsPanel } from "@/features/notifications/components/failed-jobs-panel";

export const metadata: Metadata = { title: "Jobs" };
export const dynamic = "force-dynamic";

export default async function JobsPage() {
  const user = await requireUser();
  if (scopeOf(user.role, "jobs.read") !== "any") notFound();
  return (
    <>
      <PageHeader title="Jobs" description="What failed for good in the background, with the error, and a way to try again." />
      <FailedJobsPanel timeZone={user.timeZone} />
    </>
  );
}
