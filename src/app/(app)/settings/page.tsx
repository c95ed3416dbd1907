import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import Link from "next/link";
import { ShieldCheck } from "lucide-react";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { NotificationSettingsForm } from "@/features/notifications/components/notification-settings-form";

export const metadata: Metadata = { title: "Settings" };
export const dynamic = "force-dynamic";

export default async function SettingsPage() {
  const user = await requireUser();
  if (!can(user.role, "notifications.read")) notFound();
  const timeZones = Intl.supportedValuesOf("timeZone");
  return (
    <>
      <PageHeader title="Settings" description="Which emails you get, when reminders arrive, and the time zone we show times in." />
      <NotificationSettingsForm timeZones={timeZones} />
      {can(user.role, "privacy.export") ? (
        <section aria-labelledby="your-data-heading" className="mt-6 flex flex-wrap items-center justify-between gap-3 rounded-xl border bg-card p-4 sm:p-5">
          <div>
            <h2 id="your-data-heading" className="font-semibold">
              Your data
            </h2>
            <p className="mt-1 text-sm text-muted-foreground">Download everything Sessionly holds about you, or delete your account.</p>
          </div>
          <Button variant="outline" asChild>
            <Link href="/settings/privacy">
              <ShieldCheck aria-hidden="true" /> Manage your data
            </Link>
          </Button>
        </section>
      ) : null}
    </>
  );
}
