"use client";

import * as React from "react";
import Link from "next/link";
import { toast } from "@/components/ui/toast";
import { ExternalLink, RotateCcw, Save } from "lucide-react";
import { apiFetch, ApiRequestError } from "@/lib/api/fetcher";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import type { LegalPageDto } from "../get-legal-page";
import { MAX_LEGAL_MARKDOWN_LENGTH } from "../legal-slugs";
import { LegalDocument } from "./legal-document";

export interface LegalPageEditorProps {
  page: LegalPageDto;
  /** The text shipped with Sessionly, for "Use the default text". */
  defaultMarkdown: string;
  timeZone: string;
}

/** "3 Mar 2026, 10:04 (Europe/London)": the zone is named, and server and browser format it the same way. */
function formatSaved(iso: string, timeZone: string): string {
  return `${new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" }).format(new Date(iso))} (${timeZone})`;
}

/** One legal page: its Markdown, a live preview rendered exactly as the public page renders it, and Save. */
export function LegalPageEditor({ page: initialPage, defaultMarkdown, timeZone }: LegalPageEditorProps) {
  const [page, setPage] = React.useState(initialPage);
  const [draft, setDraft] = React.useState(initialPage.markdown);
  const [error, setError] = React.useState<string | null>(null);
  const [saving, setSaving] = React.useState(false);
  const preview = React.useDeferredValue(draft);
  const dirty = draft !== page.markdown;
  const headingId = `legal-${page.slug}-heading`;

  async function save() {
    setSaving(true);
    setError(null);
    try {
      const result = await apiFetch<{ page: LegalPageDto }>(`/api/admin/legal/${page.slug}`, { method: "PUT", json: { markdown: draft } });
      setPage(result.page);
      setDraft(result.page.markdown);
      toast.success(`${page.title} saved. It is live at /${page.slug}.`);
    } catch (failure) {
      const message = failure instanceof ApiRequestError ? (failure.fields?.markdown?.[0] ? `The text ${failure.fields.markdown[0]}.` : failure.message) : "Could not reach Sessionly; try again.";
      setError(message);
      toast.error(message);
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-3">
        <div className="space-y-1">
          <CardTitle id={headingId}>{page.title}</CardTitle>
          <CardDescription>
            {page.isDefault
              ? "Showing the default text shipped with Sessionly. Adapt it to your organization and save."
              : `Last saved ${page.updatedAt ? formatSaved(page.updatedAt, timeZone) : ""}${page.updatedBy ? ` by ${page.updatedBy.name}` : ""}.`}
          </CardDescription>
        </div>
        <div className="flex items-center gap-2">
          {dirty ? <Badge variant="warning" dot>Unsaved changes</Badge> : null}
          <Button variant="outline" size="sm" asChild>
            <Link href={`/${page.slug}`} target="_blank">
              View public page <ExternalLink aria-hidden="true" />
            </Link>
          </Button>
        </div>
      </CardHeader>
      <CardContent className="grid gap-6 lg:grid-cols-2">
        <Field
          label="Text (Markdown)"
          hint={`${draft.length.toLocaleString("en-GB")} of ${MAX_LEGAL_MARKDOWN_LENGTH.toLocaleString("en-GB")} characters. Use ## for sections. HTML is shown as plain text; links may point to https://, mailto: or pages of this site.`}
          error={error ?? undefined}
        >
          <Textarea className="min-h-96 font-mono text-xs leading-relaxed" rows={24} value={draft} onChange={(event) => setDraft(event.target.value)} />
        </Field>
        <section aria-labelledby={`${headingId}-preview`} className="grid content-start gap-1.5">
          <h3 id={`${headingId}-preview`} className="text-sm font-medium">
            Preview
          </h3>
          {/* Scrollable, so it takes focus: keyboard users scroll it with the arrow keys. */}
          <div tabIndex={0} className="max-h-[36rem] overflow-y-auto rounded-lg border bg-background p-4 outline-none focus-visible:ring-2 focus-visible:ring-ring">
            <LegalDocument markdown={preview} topHeadingLevel={4} />
          </div>
        </section>
        <div className="flex flex-wrap gap-2 lg:col-span-2">
          <Button onClick={save} disabled={saving || !dirty}>
            <Save aria-hidden="true" /> {saving ? "Saving…" : "Save"}
          </Button>
          <Button variant="outline" onClick={() => setDraft(page.markdown)} disabled={saving || !dirty}>
            Discard changes
          </Button>
          <Button variant="ghost" onClick={() => setDraft(defaultMarkdown)} disabled={saving || draft === defaultMarkdown}>
            <RotateCcw aria-hidden="true" /> Use the default text
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}
