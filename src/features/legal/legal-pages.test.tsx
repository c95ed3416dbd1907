import fs from "node:fs";
import path from "node:path";
import { eq, sql } from "drizzle-orm";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeEach, describe, expect, it } from "vitest";
import * as authRoute from "@/app/api/auth/[...all]/route";
import * as legalRoute from "@/app/api/admin/legal/[slug]/route";
import PrivacyPolicyPage from "@/app/(legal)/privacy/page";
import TermsPage from "@/app/(legal)/terms/page";
import { getDb } from "@/lib/db";
import { auditLog } from "@/lib/db/schema";
import { TestClient } from "../../../tests/helpers/http";
import { createUser } from "../../../tests/helpers/users";
import { MAX_LEGAL_MARKDOWN_LENGTH } from "./legal-slugs";
import { renderLegalMarkdown, safeHref } from "./render-legal-markdown";

async function signedIn(email: string) {
  const client = new TestClient();
  const response = await client.call(authRoute.POST, { path: "/api/auth/sign-in/email", params: { all: ["sign-in", "email"] }, body: { email, password: "sessionly-demo" } });
  expect(response.status).toBe(200);
  return client;
}

const put = (client: TestClient, slug: string, body: unknown, headers?: Record<string, string>) =>
  client.call(legalRoute.PUT, { method: "PUT", path: `/api/admin/legal/${slug}`, params: { slug }, body, headers });
const get = (client: TestClient, slug: string) => client.call(legalRoute.GET, { path: `/api/admin/legal/${slug}`, params: { slug } });

/** The public page as a visitor gets it: the page component rendered to HTML. */
async function publicPage(slug: "privacy" | "terms"): Promise<string> {
  return renderToStaticMarkup(slug === "privacy" ? await PrivacyPolicyPage() : await TermsPage());
}

const shipped = (slug: string) => fs.readFileSync(path.resolve(process.cwd(), "content/legal", `${slug}.md`), "utf8");

describe("legal pages", () => {
  let admin: Awaited<ReturnType<typeof createUser>>;

  beforeEach(async () => {
    await getDb().execute(sql`truncate "user", audit_log, legal_pages cascade`);
    admin = await createUser({ email: "ada@legal.test", name: "Ada Admin", role: "admin" });
    await createUser({ email: "cory@legal.test", name: "Cory Coach", role: "coach" });
    await createUser({ email: "rita@legal.test", name: "Rita Realtor", role: "realtor" });
  });

  it("shows the shipped default text until an operator saves one", async () => {
    const response = await get(await signedIn(admin.email), "privacy");
    expect(response.status).toBe(200);
    expect(response.json.page).toMatchObject({ slug: "privacy", title: "Privacy policy", isDefault: true, updatedAt: null, updatedBy: null });
    expect(response.json.page.markdown).toBe(shipped("privacy"));
    expect(response.json.defaultMarkdown).toBe(shipped("privacy"));

    const privacy = await publicPage("privacy");
    expect(privacy).toContain("<h1");
    expect(privacy).toContain("Privacy policy");
    expect(privacy).toContain("<h2>Who is responsible</h2>");
    expect(privacy).not.toContain("Last updated");
    expect(await publicPage("terms")).toContain("<h2>About these terms</h2>");
  });

  it("lets an admin save a page, which the public page then shows, with an audit entry", async () => {
    const client = await signedIn(admin.email);
    const markdown = "# Our privacy policy\n\nWe keep **little**.\r\n\r\n## Contact\n\nWrite to [privacy@example.com](mailto:privacy@example.com).";
    const saved = await put(client, "privacy", { markdown });
    expect(saved.status).toBe(200);
    expect(saved.json.page).toMatchObject({ slug: "privacy", isDefault: false, updatedBy: { id: admin.id, name: "Ada Admin" } });
    expect(saved.json.page.markdown).toBe(markdown.replace(/\r\n/g, "\n"));

    expect((await get(client, "privacy")).json.page.markdown).toBe(saved.json.page.markdown);
    const html = await publicPage("privacy");
    expect(html).toContain("Last updated");
    expect(html).toContain("<h2>Our privacy policy</h2>");
    expect(html).toContain("<strong>little</strong>");
    expect(html).toContain('<a href="mailto:privacy@example.com">privacy@example.com</a>');
    expect(html).not.toContain("Who is responsible");
    // The other page is untouched.
    expect(await publicPage("terms")).toContain("About these terms");

    const entries = await getDb().select().from(auditLog).where(eq(auditLog.action, "legal.updated"));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ actorUserId: admin.id, actorType: "admin", source: "web", targetType: "legal_page", targetId: "privacy", metadata: { replacedDefault: true } });
    expect(entries[0].changes).toMatchObject({ length: { old: shipped("privacy").length, new: saved.json.page.markdown.length } });

    // Saving the same text again changes nothing and is not audited again; a new text is.
    expect((await put(client, "privacy", { markdown: saved.json.page.markdown })).status).toBe(200);
    expect(await getDb().select().from(auditLog).where(eq(auditLog.action, "legal.updated"))).toHaveLength(1);
    expect((await put(client, "privacy", { markdown: "## Changed" })).status).toBe(200);
    const [, second] = await getDb().select().from(auditLog).where(eq(auditLog.action, "legal.updated")).orderBy(auditLog.occurredAt);
    expect(second.metadata).toEqual({ replacedDefault: false });
  });

  it("refuses coaches, realtors and signed-out visitors", async () => {
    for (const email of ["cory@legal.test", "rita@legal.test"]) {
      const client = await signedIn(email);
      expect((await get(client, "privacy")).status).toBe(403);
      expect((await put(client, "privacy", { markdown: "Mine now." })).status).toBe(403);
    }
    expect((await get(new TestClient(), "terms")).status).toBe(401);
    expect((await put(new TestClient(), "terms", { markdown: "Mine now." })).status).toBe(401);
    expect(await publicPage("terms")).toContain("About these terms");
    expect(await getDb().select().from(auditLog).where(eq(auditLog.action, "legal.updated"))).toHaveLength(0);
  });

  it("answers 400 with field messages for invalid or oversized input, and 413 for a huge body", async () => {
    const client = await signedIn(admin.email);
    const unknown = await put(client, "cookies", { markdown: "Hello" });
    expect(unknown.status).toBe(400);
    expect(unknown.json.error.fields.slug).toBeDefined();
    expect((await get(client, "cookies")).status).toBe(400);

    for (const body of [{}, { markdown: 42 }, { markdown: "   \n " }, { markdown: "x".repeat(MAX_LEGAL_MARKDOWN_LENGTH + 1) }]) {
      const response = await put(client, "terms", body);
      expect(response.status, JSON.stringify(body).slice(0, 40)).toBe(400);
      expect(response.json.error).toMatchObject({ code: "validation_failed", fields: { markdown: [expect.any(String)] } });
      expect(response.json.error.requestId).toEqual(expect.any(String));
    }
    expect((await put(client, "terms", "{not json")).status).toBe(400);
    expect((await put(client, "terms", { markdown: "x".repeat(500_000) })).status).toBe(413);
    expect((await put(client, "terms", { markdown: "From elsewhere" }, { origin: "https://evil.example" })).status).toBe(403);

    expect((await put(client, "terms", { markdown: "x".repeat(MAX_LEGAL_MARKDOWN_LENGTH) })).status).toBe(200);
    expect(await getDb().select().from(auditLog).where(eq(auditLog.action, "legal.updated"))).toHaveLength(1);
  });

  it("never renders raw HTML or script links from the Markdown", async () => {
    const client = await signedIn(admin.email);
    const markdown = [
      "## Terms",
      "<script>alert('block')</script>",
      "Inline <b onmouseover=\"alert(1)\">bold</b> and <iframe src=\"https://evil.example\"></iframe>.",
      "<img src=x onerror=alert(1)>",
      "[click](javascript:alert(1)) [data](data:text/html;base64,PHNjcmlwdD4=) [ok](https://example.com) [here](/privacy)",
      "![tracker](https://evil.example/pixel.png)",
    ].join("\n\n");
    expect((await put(client, "terms", { markdown })).status).toBe(200);
    const html = await publicPage("terms");
    expect(html).not.toMatch(/<script|<iframe|<img|<b\s/i);
    expect(html).not.toMatch(/href="(javascript|data):/i);
    expect(html).toContain("&lt;script&gt;");
    expect(html).toContain('<a href="https://example.com" rel="noopener noreferrer">ok</a>');
    expect(html).toContain('<a href="/privacy">here</a>');
  });
});

describe("renderLegalMarkdown", () => {
  it("makes the biggest heading the level asked for, keeping the outline", () => {
    expect(renderLegalMarkdown("# A\n\n## B\n\n### C")).toBe("<h2>A</h2>\n<h3>B</h3>\n<h4>C</h4>\n");
    expect(renderLegalMarkdown("## A\n\n### B")).toBe("<h2>A</h2>\n<h3>B</h3>\n");
    expect(renderLegalMarkdown("# A\n\n###### F", { topHeadingLevel: 4 })).toBe("<h4>A</h4>\n<h6>F</h6>\n");
  });

  it("keeps only web, mail and in-app links", () => {
    expect(safeHref("https://example.com/a?b=c")).toBe("https://example.com/a?b=c");
    expect(safeHref("mailto:someone@example.com")).toBe("mailto:someone@example.com");
    expect(safeHref("/terms")).toBe("/terms");
    expect(safeHref("#contact")).toBe("#contact");
    for (const href of ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "vbscript:x", "//evil.example", "/\\evil.example", "ftp://x"]) {
      expect(safeHref(href), href).toBeNull();
    }
  });
});
