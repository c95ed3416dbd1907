import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { legalPages } from "@/lib/db/schema";
import { recordAudit, userActor } from "@/features/audit/record-audit";
import { defaultLegalMarkdown } from "./default-legal-markdown";
import { getLegalPage, type LegalPageDto } from "./get-legal-page";
import { MAX_LEGAL_MARKDOWN_LENGTH, type LegalSlug } from "./legal-slugs";

export const legalPageBodySchema = z.object({
  markdown: z
    .string({ error: "must be text" })
    .max(MAX_LEGAL_MARKDOWN_LENGTH, `must be at most ${MAX_LEGAL_MARKDOWN_LENGTH} characters`)
    .refine((value) => value.trim().length > 0, "must not be empty"),
});

const digest = (text: string) => crypto.createHash("sha256").update(text).digest("hex");

/**
 * An admin saves the text of a legal page; audited as `legal.updated` with the lengths and SHA-256 digests of the old
 * and new text (not the text itself, which the page keeps). Saving the same text again changes nothing.
 */
export async function updateLegalPage(
  actor: CurrentUser,
  slug: LegalSlug,
  input: z.output<typeof legalPageBodySchema>,
  request: { ip?: string; userAgent?: string | null } = {},
): Promise<LegalPageDto> {
  const markdown = input.markdown.replace(/\r\n?/g, "\n");
  const shipped = await defaultLegalMarkdown(slug);
  await getDb().transaction(async (tx) => {
    const [previous] = await tx.select({ markdown: legalPages.markdown }).from(legalPages).where(eq(legalPages.slug, slug)).for("update");
    if (previous?.markdown === markdown) return;
    const before = previous?.markdown ?? shipped;
    const now = new Date();
    await tx
      .insert(legalPages)
      .values({ slug, markdown, updatedAt: now, updatedBy: actor.id })
      .onConflictDoUpdate({ target: legalPages.slug, set: { markdown, updatedAt: now, updatedBy: actor.id } });
    await recordAudit(
      {
        ...userActor(actor, request),
        action: "legal.updated",
        targetType: "legal_page",
        targetId: slug,
        changes: { length: { old: before.length, new: markdown.length }, sha256: { old: digest(before), new: digest(markdown) } },
        metadata: { replacedDefault: !previous },
      },
      tx,
    );
  });
  return getLegalPage(slug);
}
