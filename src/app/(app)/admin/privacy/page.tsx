import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { scopeOf } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { AdminPrivacyPanel } from "@/features/privacy/components/admin-privacy-panel";

export const metadata: Metadata = { title: "Privacy" };
export const dynamic = "force-dynamic";

export default async function AdminPrivacyPage() {
  const user = await requireUser();
  if (scopeOf(user.role, "privacy.retention") !== "any" || scopeOf(user.role, "privacy.erase") !== "any") notFound();
  return (
    <>
      <PageHeader
        title="Privacy"
        description="Answer data requests (export or erase a person's data by email) and purge invitees' personal data once it is past retention."
      />
      <AdminPrivacyPanel timeZone={user.timeZone} />
    </>
  );
}
