import type { Metadata } from "next";
import { LegalPageView } from "@/features/legal/components/legal-page-view";
import { getLegalPage } from "@/features/legal/get-legal-page";

export const metadata: Metadata = { title: "Terms of use" };
// The operator edits it in /admin/legal: read it on every request.
export const dynamic = "force-dynamic";

export default async function TermsPage() {
  return <LegalPageView page={await getLegalPage("terms")} />;
}
