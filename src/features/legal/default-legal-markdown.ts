import fs from "node:fs/promises";
import path from "node:path";
import type { LegalSlug } from "./legal-slugs";

/** The text shipped with Sessionly (`content/legal/<slug>.md`), shown until an operator saves their own. */
export async function defaultLegalMarkdown(slug: LegalSlug): Promise<string> {
  return fs.readFile(path.join(process.cwd(), "content", "legal", `${slug}.md`), "utf8");
}
