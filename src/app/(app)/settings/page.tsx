import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
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
    </>
  );
}
