import { cn } from "@/lib/utils";
import { renderLegalMarkdown } from "../render-legal-markdown";

const DOCUMENT_STYLES = cn(
  "max-w-prose space-y-4 text-sm leading-relaxed text-foreground",
  "[&_h2]:pt-4 [&_h2]:text-lg [&_h2]:font-semibold [&_h3]:pt-2 [&_h3]:font-semibold [&_h4]:font-medium [&_h5]:font-medium [&_h6]:font-medium",
  "[&_ul]:list-disc [&_ul]:space-y-1 [&_ul]:pl-5 [&_ol]:list-decimal [&_ol]:space-y-1 [&_ol]:pl-5",
  "[&_a]:font-medium [&_a]:text-primary [&_a]:underline [&_a]:underline-offset-4",
  "[&_code]:rounded [&_code]:bg-muted [&_code]:px-1 [&_code]:font-mono [&_code]:text-[0.8125rem] [&_pre]:overflow-x-auto [&_pre]:rounded-md [&_pre]:bg-muted [&_pre]:p-3",
  "[&_blockquote]:border-l-2 [&_blockquote]:pl-4 [&_blockquote]:text-muted-foreground [&_hr]:border-border",
  "[&_table]:w-full [&_table]:text-left [&_td]:border-b [&_td]:py-1.5 [&_td]:pr-3 [&_th]:border-b [&_th]:py-1.5 [&_th]:pr-3 [&_th]:font-medium",
);

/**
 * A legal page's Markdown, rendered safely (raw HTML shows as text; see render-legal-markdown.ts). The HTML comes only
 * from our renderer, never from the Markdown itself, which is why inserting it is safe.
 */
export function LegalDocument({ markdown, topHeadingLevel = 2, className }: { markdown: string; topHeadingLevel?: number; className?: string }) {
  return <div className={cn(DOCUMENT_STYLES, className)} dangerouslySetInnerHTML={{ __html: renderLegalMarkdown(markdown, { topHeadingLevel }) }} />;
}
