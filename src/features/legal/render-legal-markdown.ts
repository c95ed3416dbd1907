import { Marked, type Tokens } from "marked";

/**
 * Markdown → HTML for the legal pages, safe to insert as-is: raw HTML in the Markdown is shown as text (never as
 * markup), links keep only http(s), mailto and in-app targets, and images become their alt text. Runs on the server
 * for the public pages and in the browser for the editor's preview, so both show exactly the same thing.
 */
const HTML_ESCAPES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

/** The link target when it is a web page, an email address or a place in the app; `null` otherwise (`javascript:`…). */
export function safeHref(href: string): string | null {
  const trimmed = href.trim();
  if (/^(https?:\/\/|mailto:)/i.test(trimmed)) return trimmed;
  if (/^(\/(?![/\\])|#)/.test(trimmed)) return trimmed;
  return null;
}

export interface RenderLegalOptions {
  /** The level the document's biggest heading gets (the page supplies the h1). Default 2. */
  topHeadingLevel?: number;
}

export function renderLegalMarkdown(markdown: string, options: RenderLegalOptions = {}): string {
  const top = Math.min(Math.max(options.topHeadingLevel ?? 2, 1), 6);
  const marked = new Marked({ gfm: true, async: false });
  const tokens = marked.lexer(markdown);
  let biggest = 6;
  marked.walkTokens(tokens, (token) => {
    if (token.type === "heading") biggest = Math.min(biggest, (token as Tokens.Heading).depth);
  });
  const shift = top - biggest;

  marked.use({
    renderer: {
      html({ text }) {
        return escapeHtml(text);
      },
      heading({ tokens: inline, depth }) {
        const level = Math.min(Math.max(depth + shift, top), 6);
        return `<h${level}>${this.parser.parseInline(inline)}</h${level}>\n`;
      },
      link({ href, title, tokens: inline }) {
        const text = this.parser.parseInline(inline);
        const target = safeHref(href);
        if (!target) return text;
        const titleAttribute = title ? ` title="${escapeHtml(title)}"` : "";
        const external = /^https?:/i.test(target) ? ' rel="noopener noreferrer"' : "";
        return `<a href="${escapeHtml(target)}"${titleAttribute}${external}>${text}</a>`;
      },
      image({ text }) {
        return escapeHtml(text);
      },
    },
  });
  return marked.parser(tokens) as string;
}
