import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { legalPages, user } from "@/lib/db/schema";
import { defaultLegalMarkdown } from "./default-legal-markdown";
import { LEGAL_TITLES, type LegalSlug } from "./legal-slugs";

export interface LegalPageDto {
  slug: LegalSlug;
  title: string;
  markdown: string;
  /** True while no operator text was saved: the shipped default is shown. */
  isDefault: boolean;
  updatedAt: string | null;
  updatedBy: { id: string; name: string } | null;
}

/** A legal page as the public sees it: the operator's saved text, or the shipped default. */
export async function getLegalPage(slug: LegalSlug): Promise<LegalPageDto> {
  const [row] = await getDb()
    .select({ markdown: legalPages.markdown, updatedAt: legalPages.updatedAt, updatedById: legalPages.updatedBy, updatedByName: user.name })
    .from(legalPages)
    .leftJoin(user, eq(user.id, legalPages.updatedBy))
    .where(eq(legalPages.slug, slug));
  if (!row) {
    return { slug, title: LEGAL_TITLES[slug], markdown: await defaultLegalMarkdown(slug), isDefault: true, updatedAt: null, updatedBy: null };
  }
  return {
    slug,
    title: LEGAL_TITLES[slug],
    markdown: row.markdown,
    isDefault: false,
    updatedAt: row.updatedAt.toISOString(),
    updatedBy: row.updatedById ? { id: row.updatedById, name: row.updatedByName ?? "Unknown" } : null,
  };
}
