"use client";

import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import useSWR from "swr";
import { toast } from "@/components/ui/toast";
import type { RowSelectionState } from "@tanstack/react-table";
import { UserRoundX, Users } from "lucide-react";
import { apiFetch, ApiRequestError, swrFetcher } from "@/lib/api/fetcher";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ControlledConfirmDialog } from "@/components/ui/confirm-dialog";
import { onDemandDialog } from "@/components/ui/on-demand";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Pagination } from "@/components/ui/pagination";
import { Skeleton } from "@/components/ui/skeleton";
import type { BulkNoShowResult } from "../bulk-change-no-shows";
import type { InviteeDto } from "../invitee-dto";
import { INVITEE_PAGE_SIZES, type InviteeSort } from "../invitee-list-options";
import type { BulkResultsDialogProps } from "./bulk-results-dialog";

// The rows (TanStack Table) arrive alongside the first data request; see the preload in InviteeList.
const loadResults = () => import("./invitee-results");
const InviteeResults = lazy(() => loadResults().then((module) => ({ default: module.InviteeResults })));

// The results dialog is loaded the first time it opens (Radix's dialog code is not part of the page's first load),
// like ControlledConfirmDialog.
const BulkResultsDialog = onDemandDialog<BulkResultsDialogProps>(
  () => import("./bulk-results-dialog").then((module) => module.BulkResultsDialog),
  (props) => props.result !== null,
);

/**
 * The invitee list (`InviteeList`): one session's invitees or every invitee the viewer may see. Filters, sort and the
 * keyset cursor live in the URL, so a view can be shared and survives reload; selection spans pages for bulk no-show
 * changes. A table from the `sm` breakpoint, cards on phones.
 */
export interface InviteeListProps {
  /** `/api/invitees` or `/api/events/{uuid}/invitees`. */
  endpoint: string;
  viewer: { timeZone: string; canChangeNoShows: boolean; canOpenRealtors: boolean };
  /** Admins: coaches for the coach filter. */
  coaches?: Array<{ id: string; name: string }>;
  /** Across sessions: show which session each invitee booked. */
  showSession?: boolean;
  /** Filters fixed by the page (e.g. one realtor's bookings), sent with every request. */
  fixedQuery?: Record<string, string>;
}

interface InviteePageResponse {
  invitees: InviteeDto[];
  nextCursor: string | null;
  prevCursor: string | null;
  timeZones?: string[];
}

const FILTER_KEYS = ["status", "when", "noShow", "rescheduled", "timeZone", "q", "coach"] as const;
const DEFAULT_LIMIT = 25;

function useListParams() {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const get = (key: string) => searchParams.get(key) ?? "";
  const sort = (["booked", "start", "name"].includes(get("sort")) ? get("sort") : "booked") as InviteeSort;
  const dir = get("dir") === "asc" ? "asc" : "desc";
  const limit = INVITEE_PAGE_SIZES.includes(Number(get("limit")) as (typeof INVITEE_PAGE_SIZES)[number]) ? Number(get("limit")) : DEFAULT_LIMIT;
  const page = Math.max(1, Number(get("page")) || 1);

  function update(changes: Record<string, string | null>, options: { keepPage?: boolean } = {}) {
    const next = new URLSearchParams(searchParams.toString());
    for (const [key, value] of Object.entries(changes)) {
      if (value) next.set(key, value);
      else next.delete(key);
    }
    if (!options.keepPage) ["after", "before", "page"].forEach((key) => next.delete(key));
    const query = next.toString();
    router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
  }

  return { searchParams, get, sort, dir, limit, page, update } as const;
}

export function InviteeList({ endpoint, viewer, coaches, showSession = false, fixedQuery = {} }: InviteeListProps) {
  const params = useListParams();
  const apiQuery = new URLSearchParams(fixedQuery);
  for (const key of [...FILTER_KEYS, "realtor", "after", "before"]) if (params.get(key)) apiQuery.set(key, params.get(key));
  apiQuery.set("sort", params.sort);
  apiQuery.set("dir", params.dir);
  apiQuery.set("limit", String(params.limit));
  const { data, error, isLoading, isValidating, mutate } = useSWR<InviteePageResponse>(`${endpoint}?${apiQuery}`, swrFetcher, { keepPreviousData: true });
  const facets = useSWR<InviteePageResponse>(`${endpoint}?${new URLSearchParams({ ...fixedQuery, facets: "1", limit: "1" })}`, swrFetcher);

  const [selected, setSelected] = useState<Map<string, InviteeDto>>(new Map());
  const [resultNames, setResultNames] = useState<Map<string, string>>(new Map());
  const [expanded, setExpanded] = useState<Set<string>>(new Set());
  const [confirm, setConfirm] = useState<"mark" | "unmark" | null>(null);
  const [busy, setBusy] = useState(false);
  const [results, setResults] = useState<BulkNoShowResult | null>(null);
  const [search, setSearch] = useState(params.get("q"));

  // Fetch the rows' code while the first page of invitees is on its way, not after it.
  useEffect(() => {
    void loadResults().catch(() => {});
  }, []);

  // The search box writes to the URL after a short pause, not on every key.
  useEffect(() => {
    const current = params.get("q");
    if (search.trim() === current) return;
    const timer = setTimeout(() => params.update({ q: search.trim() || null }), 350);
    return () => clearTimeout(timer);
  }, [search]); // eslint-disable-line react-hooks/exhaustive-deps

  const rows = useMemo(() => data?.invitees ?? [], [data]);
  const toMark = [...selected.values()].filter((invitee) => !invitee.noShow);
  const toUnmark = [...selected.values()].filter((invitee) => invitee.noShow);

  const rowSelection: RowSelectionState = Object.fromEntries(rows.filter((row) => selected.has(row.uri)).map((row) => [row.uri, true]));

  function setRowSelection(updater: RowSelectionState | ((old: RowSelectionState) => RowSelectionState)) {
    const next = typeof updater === "function" ? updater(rowSelection) : updater;
    setSelected((previous) => {
      const copy = new Map(previous);
      for (const row of rows) {
        if (next[row.uri]) copy.set(row.uri, row);
        else copy.delete(row.uri);
      }
      return copy;
    });
  }

  function toggleExpanded(uri: string) {
    setExpanded((previous) => {
      const copy = new Set(previous);
      if (copy.has(uri)) copy.delete(uri);
      else copy.add(uri);
      return copy;
    });
  }

  async function changeOne(invitee: InviteeDto) {
    setBusy(true);
    try {
      if (invitee.noShow) {
        await apiFetch(`/api/no_shows/${encodeURIComponent(invitee.noShow.uuid)}`, { method: "DELETE" });
        toast.success(`${invitee.name} is no longer marked as a no-show.`);
      } else {
        await apiFetch("/api/no_shows", { method: "POST", json: { invitee: invitee.uri } });
        toast.success(`${invitee.name} is marked as a no-show.`);
      }
      setSelected((previous) => {
        const copy = new Map(previous);
        copy.delete(invitee.uri);
        return copy;
      });
      await mutate();
    } catch (failure) {
      toast.error(failure instanceof ApiRequestError ? failure.message : "The no-show could not be changed.");
    } finally {
      setBusy(false);
    }
  }

  async function runBulk(action: "mark" | "unmark") {
    setBusy(true);
    const items = action === "mark" ? toMark : toUnmark;
    try {
      const result = await apiFetch<BulkNoShowResult>("/api/no_shows/bulk", {
        method: "POST",
        json: { mark: action === "mark" ? items.map((invitee) => invitee.uri) : [], unmark: action === "unmark" ? items.map((invitee) => invitee.uri) : [] },
      });
      // Names as they were when the action ran: marked invitees may leave the filtered list right after.
      setResultNames(new Map(items.map((invitee) => [invitee.uri, invitee.name])));
      setResults(result);
      const { done, skipped, failed } = result.summary;
      const summary = `${done} done${skipped ? `, ${skipped} skipped` : ""}${failed ? `, ${failed} failed` : ""}.`;
      if (failed) toast.warning(`No-shows: ${summary}`);
      else toast.success(`No-shows: ${summary}`);
      const settled = new Set(result.results.filter((item) => item.outcome !== "failed").map((item) => item.invitee));
      setSelected((previous) => new Map([...previous].filter(([uri]) => !settled.has(uri))));
      await mutate();
    } catch (failure) {
      toast.error(failure instanceof ApiRequestError ? failure.message : "The no-shows could not be changed.");
    } finally {
      setBusy(false);
      setConfirm(null);
    }
  }

  const names = new Map([...selected.values(), ...rows].map((invitee) => [invitee.uri, invitee.name]));
  const filtersActive = FILTER_KEYS.some((key) => params.get(key));

  return (
    <div className="grid gap-4">
      <Filters params={params} search={search} onSearch={setSearch} timeZones={facets.data?.timeZones ?? []} coaches={coaches} />

      {viewer.canChangeNoShows && selected.size > 0 ? (
        <div role="region" aria-label="Selected invitees" className="sticky top-16 z-20 flex flex-wrap items-center gap-2 rounded-lg border bg-background/95 p-2.5 shadow-sm backdrop-blur">
          <span className="mr-auto text-sm font-medium">{selected.size} selected</span>
          <Button size="sm" variant="destructive" disabled={busy || toMark.length === 0} onClick={() => setConfirm("mark")}>
            <UserRoundX aria-hidden="true" />
            Mark {toMark.length} as no-show
          </Button>
          <Button size="sm" variant="outline" disabled={busy || toUnmark.length === 0} onClick={() => setConfirm("unmark")}>
            Remove {toUnmark.length} no-show{toUnmark.length === 1 ? "" : "s"}
          </Button>
          <Button size="sm" variant="ghost" disabled={busy} onClick={() => setSelected(new Map())}>
            Clear
          </Button>
        </div>
      ) : null}

      {error ? (
        <Alert variant="danger" title="Could not load invitees" action={<Button variant="outline" size="sm" onClick={() => mutate()}>Try again</Button>}>
          {error instanceof ApiRequestError ? error.message : "Please try again."}
        </Alert>
      ) : isLoading && !data ? (
        <LoadingRows />
      ) : rows.length === 0 ? (
        <EmptyState
          icon={Users}
          title={filtersActive ? "No invitees match these filters" : "No invitees yet"}
          description={filtersActive ? "Try other filters, or clear them to see everyone." : "Invitees appear here as realtors book sessions through Calendly."}
          action={filtersActive ? <Button variant="outline" onClick={() => { setSearch(""); params.update(Object.fromEntries(FILTER_KEYS.map((key) => [key, null]))); }}>Clear filters</Button> : undefined}
        />
      ) : (
        <div aria-busy={isValidating} className={isValidating ? "opacity-70 transition-opacity" : undefined}>
          <Suspense fallback={<LoadingRows />}>
            <InviteeResults
              rows={rows}
              viewer={viewer}
              coaches={coaches}
              showSession={showSession}
              params={params}
              rowSelection={rowSelection}
              onRowSelectionChange={setRowSelection}
              expanded={expanded}
              onToggleExpanded={toggleExpanded}
              onChangeOne={changeOne}
              busy={busy}
            />
          </Suspense>
        </div>
      )}

      {data && (data.nextCursor || data.prevCursor) || params.limit !== DEFAULT_LIMIT ? (
        <Pagination
          page={data?.prevCursor ? Math.max(2, params.page) : 1}
          pageSize={params.limit}
          hasNextPage={Boolean(data?.nextCursor)}
          disabled={isValidating}
          itemLabel="invitees"
          pageSizeOptions={[...INVITEE_PAGE_SIZES]}
          onPageSizeChange={(size) => params.update({ limit: String(size) })}
          onPageChange={(page) => {
            if (!data) return;
            if (page > params.page && data.nextCursor) params.update({ after: data.nextCursor, before: null, page: String(page) });
            else if (page < params.page && data.prevCursor) params.update({ before: data.prevCursor, after: null, page: page > 1 ? String(page) : null });
            else params.update({});
          }}
        />
      ) : null}
      <p className="text-xs text-muted-foreground">Session and booking times are shown in {viewer.timeZone}; “their local time” is in each invitee’s own time zone.</p>

      <ControlledConfirmDialog
        open={confirm !== null}
        onOpenChange={(open) => (open ? null : setConfirm(null))}
        title={
          confirm === "mark"
            ? `Mark ${toMark.length} invitee${toMark.length === 1 ? "" : "s"} as no-show?`
            : `Remove ${toUnmark.length} no-show mark${toUnmark.length === 1 ? "" : "s"}?`
        }
        description={
          confirm === "mark"
            ? "This is recorded in Calendly too. Sessions that have not started or were canceled are refused; you will see the result for each invitee."
            : "The marks are removed in Calendly too; you will see the result for each invitee."
        }
        cancelLabel="Cancel"
        cancelDisabled={busy}
        confirmLabel={busy ? "Working…" : confirm === "mark" ? "Mark as no-show" : "Remove no-shows"}
        confirmVariant={confirm === "mark" ? "destructive" : "default"}
        confirmDisabled={busy}
        onConfirm={() => {
          if (confirm) void runBulk(confirm);
        }}
      />
      <BulkResultsDialog result={results} names={new Map([...names, ...resultNames])} onClose={() => setResults(null)} />
    </div>
  );
}

export type ListParams = ReturnType<typeof useListParams>;

function Filters({
  params,
  search,
  onSearch,
  timeZones,
  coaches,
}: {
  params: ListParams;
  search: string;
  onSearch: (value: string) => void;
  timeZones: string[];
  coaches?: Array<{ id: string; name: string }>;
}) {
  const select = (key: string, label: string, options: Array<[string, string]>) => (
    <Field label={label}>
      <NativeSelect value={params.get(key)} onChange={(event) => params.update({ [key]: event.target.value || null })}>
        <option value="">Any</option>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </NativeSelect>
    </Field>
  );
  return (
    <form role="search" aria-label="Filter invitees" className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-4 xl:grid-cols-7" onSubmit={(event) => event.preventDefault()}>
      <Field label="Search" className="col-span-2 sm:col-span-3 lg:col-span-2">
        <Input type="search" placeholder="Name or email" value={search} onChange={(event) => onSearch(event.target.value)} />
      </Field>
      {select("status", "Status", [["active", "Active"], ["canceled", "Canceled"]])}
      {select("when", "When", [["past", "Started or past"], ["upcoming", "Upcoming"]])}
      {select("noShow", "No-show", [["yes", "No-shows"], ["no", "Not no-shows"]])}
      {select("rescheduled", "Rescheduled", [["yes", "Rescheduled"], ["no", "Not rescheduled"]])}
      {select("timeZone", "Time zone", timeZones.map((zone) => [zone, zone]))}
      {coaches ? select("coach", "Coach", coaches.map((coach) => [coach.id, coach.name])) : null}
      <Field label="Sort" className="sm:hidden">
        <NativeSelect
          value={`${params.sort}:${params.dir}`}
          onChange={(event) => {
            const [sort, dir] = event.target.value.split(":");
            params.update({ sort, dir });
          }}
        >
          <option value="booked:desc">Booked, newest first</option>
          <option value="booked:asc">Booked, oldest first</option>
          <option value="start:desc">Session, latest first</option>
          <option value="start:asc">Session, earliest first</option>
          <option value="name:asc">Name, A–Z</option>
          <option value="name:desc">Name, Z–A</option>
        </NativeSelect>
      </Field>
    </form>
  );
}

function LoadingRows() {
  return (
    <div className="grid gap-2" aria-busy="true" aria-label="Loading invitees">
      {Array.from({ length: 6 }, (_, index) => (
        <Skeleton key={index} className="h-12 w-full" />
      ))}
    </div>
  );
}
