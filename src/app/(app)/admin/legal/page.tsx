import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { scopeOf } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { LegalPageEditor } from "@/features/legal/components/legal-page-editor";
import { defaultLegalMarkdown } from "@/features/legal/default-legal-markdown";
import { getLegalPage } from "@/features/legal/get-legal-page";
import { LEGAL_SLUGS } from "@/features/legal/legal-slugs";

export const metadata: Metadata = { title: "Legal pages" };
export const dynamic = "force-dynamic";

export default async function AdminLegalPage() {
  const user = await requireUser();
  if (scopeOf(user.role, "legal.manage") !== "any") notFound();
  const pages = await Promise.all(LEGAL_SLUGS.map(async (slug) => ({ page: await getLegalPage(slug), defaultMarkdown: await defaultLegalMarkdown(slug) })));
  return (
    <>
      <PageHeader
        title="Legal pages"
        description="The privacy policy and terms everyone can read at /privacy and /terms, linked from the sign-in page and the account menu. Saving publishes at once and is recorded in the audit log."
      />
      <div className="space-y-8">
        {pages.map(({ page, defaultMarkdown }) => (
          <LegalPageEditor key={page.slug} page={page} defaultMarkdown={defaultMarkdown} timeZone={user.timeZone} />
        ))}
      </div>
    </>
  );
}
