import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { YourDataCard } from "@/features/privacy/components/your-data-card";

export const metadata: Metadata = { title: "Your data" };
export const dynamic = "force-dynamic";

export default async function PrivacySettingsPage() {
  const user = await requireUser();
  if (!can(user.role, "privacy.export")) notFound();
  return (
    <>
      <PageHeader title="Your data" description="What Sessionly holds about you, and how to take it with you or have it deleted." />
      <YourDataCard />
    </>
  );
}
