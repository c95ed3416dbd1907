/** The legal pages an operator can edit; shared by the server and the editor in the browser. */
export const LEGAL_SLUGS = ["privacy", "terms"] as const;
export type LegalSlug = (typeof LEGAL_SLUGS)[number];

export const LEGAL_TITLES: Record<LegalSlug, string> = {
  privacy: "Privacy policy",
  terms: "Terms of use",
};

/** Longest accepted Markdown, in characters (a long policy is about 20 000). */
export const MAX_LEGAL_MARKDOWN_LENGTH = 50_000;

export function isLegalSlug(value: unknown): value is LegalSlug {
  return typeof value === "string" && (LEGAL_SLUGS as readonly string[]).includes(value);
}
