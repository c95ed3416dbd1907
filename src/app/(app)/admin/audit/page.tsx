import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { scopeOf } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { ApiUsagePanel } from "@/features/audit/components/api-usage-panel";
import { AuditLogViewer } from "@/features/audit/components/audit-log-viewer";

export const metadata: Metadata = { title: "Audit log" };
export const dynamic = "force-dynamic";

export default async function AdminAuditPage() {
  const user = await requireUser();
  if (scopeOf(user.role, "audit.read") !== "any") notFound();
  return (
    <>
      <PageHeader title="Audit log" description="Who changed what, when and from where; and how the API has been used over the last 24 hours." />
      <div className="space-y-8">
        <AuditLogViewer timeZone={user.timeZone} />
        <ApiUsagePanel timeZone={user.timeZone} />
      </div>
    </>
  );
}
