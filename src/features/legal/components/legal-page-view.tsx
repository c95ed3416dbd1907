import type { LegalPageDto } from "../get-legal-page";
import { LegalDocument } from "./legal-document";

/** The public page: its title, when it last changed, and the text. */
export function LegalPageView({ page }: { page: LegalPageDto }) {
  return (
    <article className="space-y-6">
      <header className="space-y-1">
        <h1 className="text-3xl font-semibold tracking-tight text-balance">{page.title}</h1>
        {page.updatedAt ? (
          <p className="text-sm text-muted-foreground">
            Last updated <time dateTime={page.updatedAt}>{new Intl.DateTimeFormat("en-GB", { timeZone: "UTC", day: "numeric", month: "long", year: "numeric" }).format(new Date(page.updatedAt))}</time>
          </p>
        ) : null}
      </header>
      <LegalDocument markdown={page.markdown} />
    </article>
  );
}
