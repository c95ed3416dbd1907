"use client";

import { useState } from "react";
import useSWR from "swr";
import { ClipboardList, Download } from "lucide-react";
import { ApiRequestError, swrFetcher } from "@/lib/api/fetcher";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Pagination } from "@/components/ui/pagination";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AuditEntryDto } from "../list-audit-entries";

type Filters = { actor: string; action: string; targetType: string; targetId: string; operationId: string; from: string; to: string };
const EMPTY: Filters = { actor: "", action: "", targetType: "", targetId: "", operationId: "", from: "", to: "" };
const PAGE_SIZE = 50;

function filterParams(filters: Filters): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value.trim()) params.set(key, value.trim());
  return params;
}

function formatTime(iso: string, timeZone: string) {
  return new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit" }).format(new Date(iso));
}

function describeChanges(changes: AuditEntryDto["changes"]): string {
  if (!changes) return "";
  return Object.entries(changes)
    .map(([field, change]) => `${field}: ${JSON.stringify(change.old)} → ${JSON.stringify(change.new)}`)
    .join("; ");
}

/** Filterable, keyset-paged audit log with a CSV export of the same filters. */
export function AuditLogViewer({ timeZone }: { timeZone: string }) {
  const [draft, setDraft] = useState<Filters>(EMPTY);
  const [applied, setApplied] = useState<Filters>(EMPTY);
  // Cursors of the pages seen so far: page n is fetched with cursors[n - 1] (undefined for the first).
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const page = cursors.length;

  const params = filterParams(applied);
  params.set("limit", String(PAGE_SIZE));
  const cursor = cursors[page - 1];
  if (cursor) params.set("cursor", cursor);
  const { data, error, isLoading, mutate } = useSWR<{ entries: AuditEntryDto[]; nextCursor: string | null }>(`/api/admin/audit?${params}`, swrFetcher, { keepPreviousData: true });

  const csvParams = filterParams(applied);
  csvParams.set("format", "csv");

  const field = (key: keyof Filters, label: string, props: React.ComponentProps<typeof Input> = {}) => (
    <div className="grid gap-1.5">
      <Label htmlFor={`audit-${key}`}>{label}</Label>
      <Input id={`audit-${key}`} value={draft[key]} onChange={(event) => setDraft({ ...draft, [key]: event.target.value })} {...props} />
    </div>
  );

  return (
    <section aria-labelledby="audit-entries-heading" className="space-y-4">
      <h2 id="audit-entries-heading" className="sr-only">Audit entries</h2>
      <form
        className="grid gap-3 rounded-xl border p-4 sm:grid-cols-2 lg:grid-cols-4"
        onSubmit={(event) => {
          event.preventDefault();
          setApplied(draft);
          setCursors([undefined]);
        }}
      >
        {field("actor", "Actor", { placeholder: "Name, email or user id" })}
        {field("action", "Action", { placeholder: "user.role_changed or session.*" })}
        {field("targetType", "Target type", { placeholder: "session, user…" })}
        {field("targetId", "Target id")}
        {field("operationId", "Operation id", { placeholder: "UUID of a bulk action" })}
        {field("from", "From", { type: "date" })}
        {field("to", "To (inclusive)", { type: "date" })}
        <div className="flex items-end gap-2">
          <Button type="submit">Apply filters</Button>
          <Button
            type="button"
            variant="ghost"
            onClick={() => {
              setDraft(EMPTY);
              setApplied(EMPTY);
              setCursors([undefined]);
            }}
          >
            Clear
          </Button>
        </div>
      </form>

      <div className="flex justify-end">
        <Button asChild variant="outline" size="sm">
          <a href={`/api/admin/audit?${csvParams}`} download>
            <Download aria-hidden="true" /> Export CSV
          </a>
        </Button>
      </div>

      {error ? (
        <Alert variant="danger" title="Could not load the audit log" action={<Button variant="outline" size="sm" onClick={() => mutate()}>Try again</Button>}>
          {error instanceof ApiRequestError ? error.message : "Please try again."}
        </Alert>
      ) : isLoading && !data ? (
        <Skeleton className="h-64 w-full" />
      ) : data && data.entries.length === 0 ? (
        <EmptyState icon={ClipboardList} title="No entries match" description="Widen the date range or clear a filter." />
      ) : data ? (
        <>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>When ({timeZone})</TableHead>
                <TableHead>Action</TableHead>
                <TableHead>Actor</TableHead>
                <TableHead>Target</TableHead>
                <TableHead>Changes and reason</TableHead>
                <TableHead>From</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.entries.map((entry) => (
                <TableRow key={entry.id}>
                  <TableCell className="whitespace-nowrap text-sm">{formatTime(entry.occurredAt, timeZone)}</TableCell>
                  <TableCell>
                    <code className="text-sm">{entry.action}</code>
                    {entry.operationId ? (
                      <button
                        type="button"
                        className="block text-xs text-muted-foreground underline underline-offset-2"
                        onClick={() => {
                          const next = { ...EMPTY, operationId: entry.operationId! };
                          setDraft(next);
                          setApplied(next);
                          setCursors([undefined]);
                        }}
                      >
                        Same operation
                      </button>
                    ) : null}
                  </TableCell>
                  <TableCell className="text-sm">
                    <div>{entry.actorLabel ?? (entry.actorUserId?.startsWith("erased:") ? "Erased person" : entry.actorUserId ?? "—")}</div>
                    <div className="flex gap-1 pt-0.5">
                      <Badge variant="neutral">{entry.actorType}</Badge>
                      <Badge variant="outline">{entry.source}</Badge>
                    </div>
                  </TableCell>
                  <TableCell className="max-w-48 break-all text-sm">
                    {entry.targetType ? `${entry.targetType}: ` : ""}
                    <span className="text-muted-foreground">{entry.targetId ?? "—"}</span>
                  </TableCell>
                  <TableCell className="max-w-xs text-sm">
                    {describeChanges(entry.changes) || null}
                    {entry.reason ? <div className="text-muted-foreground">“{entry.reason}”</div> : null}
                  </TableCell>
                  <TableCell className="max-w-40 truncate text-xs text-muted-foreground" title={entry.userAgent ?? undefined}>
                    {entry.ipAddress ?? "—"}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Pagination
            page={page}
            pageSize={PAGE_SIZE}
            hasNextPage={Boolean(data.nextCursor)}
            onPageChange={(next) => {
              if (next > page && data.nextCursor) setCursors([...cursors, data.nextCursor]);
              else if (next < page) setCursors(cursors.slice(0, next));
            }}
            itemLabel="entries"
          />
        </>
      ) : null}
    </section>
  );
}
