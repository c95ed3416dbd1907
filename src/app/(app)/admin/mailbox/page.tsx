import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { scopeOf } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { PageHeader } from "@/components/ui/page-header";
import { MailboxViewer } from "@/features/notifications/components/mailbox-viewer";

export const metadata: Metadata = { title: "Mailbox" };
export const dynamic = "force-dynamic";

export default async function MailboxPage() {
  const user = await requireUser();
  if (scopeOf(user.role, "mailbox.read") !== "any") notFound();
  const smtp = Boolean(env().SMTP_URL);
  return (
    <>
      <PageHeader
        title="Mailbox"
        description={
          smtp
            ? "Every email Sessionly queued, as its recipient sees it. Mail is delivered through SMTP."
            : "Every email Sessionly queued, as its recipient sees it. No SMTP server is configured, so mail stays here instead of being delivered."
        }
      />
      <MailboxViewer timeZone={user.timeZone} />
    </>
  );
}
