"use client";

import { Fragment, useEffect, useMemo, useState } from "react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import useSWR from "swr";
import { toast } from "sonner";
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type RowSelectionState } from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown, ChevronDown, ChevronRight, History, Repeat2, UserRoundX, Users } from "lucide-react";
import { apiFetch, ApiRequestError, swrFetcher } from "@/lib/api/fetcher";
import { Alert } from "@/components/ui/alert";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Pagination } from "@/components/ui/pagination";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tooltip } from "@/components/ui/tooltip";
import type { BulkNoShowResult } from "../bulk-change-no-shows";
import { formatInstant, formatSessionRange, inviteeLocalTime } from "../format-invitee-time";
import type { InviteeDto } from "../invitee-dto";
import { INVITEE_PAGE_SIZES, type InviteeSort } from "../invitee-list-query";
import { BulkResultsDialog } from "./bulk-results-dialog";
import { InviteeAnswers } from "./invitee-answers";
import { OutcomeBadge } from "./outcome-badge";

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

  const columns = useMemo<ColumnDef<InviteeDto>[]>(() => {
    const list: ColumnDef<InviteeDto>[] = [];
    if (viewer.canChangeNoShows) {
      list.push({
        id: "select",
        header: ({ table }) => (
          <Checkbox
            aria-label="Select all invitees on this page"
            checked={table.getIsAllPageRowsSelected() ? true : table.getIsSomePageRowsSelected() ? "indeterminate" : false}
            onCheckedChange={(value) => table.toggleAllPageRowsSelected(value === true)}
          />
        ),
        cell: ({ row }) => (
          <Checkbox aria-label={`Select ${row.original.name}`} checked={row.getIsSelected()} onCheckedChange={(value) => row.toggleSelected(value === true)} />
        ),
      });
    }
    list.push(
      {
        id: "name",
        header: () => <SortHeader label="Name and email" sort="name" params={params} />,
        cell: ({ row }) => (
          <span className="grid min-w-40 gap-0.5">
            <InviteeName invitee={row.original} canOpenRealtors={viewer.canOpenRealtors} />
            <span className="break-words text-xs text-muted-foreground">{row.original.email}</span>
          </span>
        ),
      },
      { id: "status", header: "Status", cell: ({ row }) => <StatusCell invitee={row.original} /> },
      {
        id: "localTime",
        header: "Their local time",
        cell: ({ row }) => <LocalTime invitee={row.original} />,
      },
    );
    if (showSession) {
      list.push({
        id: "session",
        header: () => <SortHeader label="Session" sort="start" params={params} />,
        cell: ({ row }) => (
          <span className="grid gap-0.5">
            <Link href={`/sessions/${row.original.session.uuid}/invitees`} className="font-medium text-primary underline-offset-4 hover:underline">
              {row.original.session.name}
            </Link>
            <span className="text-xs text-muted-foreground">{formatSessionRange(row.original.session.startTime, row.original.session.endTime, viewer.timeZone)}</span>
            {row.original.session.coachName && coaches ? <span className="text-xs text-muted-foreground">with {row.original.session.coachName}</span> : null}
          </span>
        ),
      });
    }
    list.push(
      {
        id: "booked",
        header: () => <SortHeader label="Booked" sort="booked" params={params} />,
        cell: ({ row }) => <span className="text-xs">{formatInstant(row.original.bookedAt, viewer.timeZone)}</span>,
      },
      {
        id: "actions",
        header: () => <span className="sr-only">Actions</span>,
        cell: ({ row }) => (
          <RowActions
            invitee={row.original}
            expanded={expanded.has(row.original.uri)}
            onToggle={() => toggleExpanded(row.original.uri)}
            onChange={viewer.canChangeNoShows ? () => changeOne(row.original) : null}
            busy={busy}
          />
        ),
      },
    );
    return list;
  }, [viewer, showSession, coaches, params, expanded, busy]); // eslint-disable-line react-hooks/exhaustive-deps

  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table returns fresh functions; this component is simply not compiler-memoized.
  const table = useReactTable({
    data: rows,
    columns,
    getRowId: (row) => row.uri,
    getCoreRowModel: getCoreRowModel(),
    manualSorting: true,
    manualPagination: true,
    enableRowSelection: viewer.canChangeNoShows,
    state: { rowSelection },
    onRowSelectionChange: setRowSelection,
  });

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
        <div className="grid gap-2" aria-busy="true" aria-label="Loading invitees">
          {Array.from({ length: 6 }, (_, index) => (
            <Skeleton key={index} className="h-12 w-full" />
          ))}
        </div>
      ) : rows.length === 0 ? (
        <EmptyState
          icon={Users}
          title={filtersActive ? "No invitees match these filters" : "No invitees yet"}
          description={filtersActive ? "Try other filters, or clear them to see everyone." : "Invitees appear here as realtors book sessions through Calendly."}
          action={filtersActive ? <Button variant="outline" onClick={() => { setSearch(""); params.update(Object.fromEntries(FILTER_KEYS.map((key) => [key, null]))); }}>Clear filters</Button> : undefined}
        />
      ) : (
        <div aria-busy={isValidating} className={isValidating ? "opacity-70 transition-opacity" : undefined}>
          <div className="hidden sm:block">
            <Table aria-label="Invitees">
              <TableCaption className="sr-only">Invitees, with their answers, time zone and no-show status. Times in {viewer.timeZone}.</TableCaption>
              <TableHeader>
                {table.getHeaderGroups().map((group) => (
                  <TableRow key={group.id}>
                    {group.headers.map((header) => (
                      <TableHead key={header.id}>{header.isPlaceholder ? null : flexRender(header.column.columnDef.header, header.getContext())}</TableHead>
                    ))}
                  </TableRow>
                ))}
              </TableHeader>
              <TableBody>
                {table.getRowModel().rows.map((row) => (
                  <Fragment key={row.id}>
                    <TableRow data-state={row.getIsSelected() ? "selected" : undefined}>
                      {row.getVisibleCells().map((cell) => (
                        <TableCell key={cell.id} className="align-top">
                          {flexRender(cell.column.columnDef.cell, cell.getContext())}
                        </TableCell>
                      ))}
                    </TableRow>
                    {expanded.has(row.original.uri) ? (
                      <TableRow className="bg-muted/20 hover:bg-muted/20">
                        <TableCell colSpan={row.getVisibleCells().length} id={`answers-${row.original.uuid}`}>
                          <InviteeAnswers answers={row.original.answers} />
                        </TableCell>
                      </TableRow>
                    ) : null}
                  </Fragment>
                ))}
              </TableBody>
            </Table>
          </div>
          <ul className="grid gap-3 sm:hidden" aria-label="Invitees">
            {rows.map((invitee) => (
              <li key={invitee.uri}>
                <InviteeCard
                  invitee={invitee}
                  viewer={viewer}
                  showSession={showSession}
                  selected={selected.has(invitee.uri)}
                  onSelect={(value) => setRowSelection({ ...rowSelection, [invitee.uri]: value })}
                  expanded={expanded.has(invitee.uri)}
                  onToggle={() => toggleExpanded(invitee.uri)}
                  onChange={viewer.canChangeNoShows ? () => changeOne(invitee) : null}
                  busy={busy}
                />
              </li>
            ))}
          </ul>
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

      <AlertDialog open={confirm !== null} onOpenChange={(open) => (open ? null : setConfirm(null))}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>
              {confirm === "mark" ? `Mark ${toMark.length} invitee${toMark.length === 1 ? "" : "s"} as no-show?` : `Remove ${toUnmark.length} no-show mark${toUnmark.length === 1 ? "" : "s"}?`}
            </AlertDialogTitle>
            <AlertDialogDescription>
              {confirm === "mark"
                ? "This is recorded in Calendly too. Sessions that have not started or were canceled are refused; you will see the result for each invitee."
                : "The marks are removed in Calendly too; you will see the result for each invitee."}
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel disabled={busy}>Cancel</AlertDialogCancel>
            <AlertDialogAction
              variant={confirm === "mark" ? "destructive" : "default"}
              disabled={busy}
              onClick={(event) => {
                event.preventDefault();
                if (confirm) void runBulk(confirm);
              }}
            >
              {busy ? "Working…" : confirm === "mark" ? "Mark as no-show" : "Remove no-shows"}
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
      <BulkResultsDialog result={results} names={new Map([...names, ...resultNames])} onClose={() => setResults(null)} />
    </div>
  );
}

type ListParams = ReturnType<typeof useListParams>;

function SortHeader({ label, sort, params }: { label: string; sort: InviteeSort; params: ListParams }) {
  const active = params.sort === sort;
  const Icon = !active ? ArrowUpDown : params.dir === "asc" ? ArrowUp : ArrowDown;
  return (
    <button
      type="button"
      className="inline-flex items-center gap-1 rounded uppercase outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring"
      aria-label={`Sort by ${label.toLowerCase()}${active ? (params.dir === "asc" ? ", ascending" : ", descending") : ""}`}
      onClick={() => params.update({ sort, dir: active && params.dir === "desc" ? "asc" : "desc" })}
    >
      {label}
      <Icon aria-hidden="true" className="size-3.5" />
    </button>
  );
}

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

function InviteeName({ invitee, canOpenRealtors }: { invitee: InviteeDto; canOpenRealtors: boolean }) {
  return canOpenRealtors && invitee.realtorUserId ? (
    <Link href={`/realtors/${invitee.realtorUserId}`} className="font-medium text-primary underline-offset-4 hover:underline">
      {invitee.name}
    </Link>
  ) : (
    <span className="font-medium">{invitee.name}</span>
  );
}

function StatusCell({ invitee }: { invitee: InviteeDto }) {
  return (
    <span className="grid justify-items-start gap-1">
      <OutcomeBadge outcome={invitee.outcome} />
      {invitee.rescheduledTo ? (
        <ChainLinkText href={invitee.rescheduledTo.sessionUuid} icon={<Repeat2 aria-hidden="true" className="size-3" />} text="Moved to new session" />
      ) : null}
      {invitee.rescheduledFrom ? (
        <ChainLinkText href={invitee.rescheduledFrom.sessionUuid} icon={<History aria-hidden="true" className="size-3" />} text="Rescheduled from earlier" />
      ) : null}
      {invitee.cancellation?.reason ? <span className="max-w-56 text-xs text-muted-foreground">“{invitee.cancellation.reason}”</span> : null}
    </span>
  );
}

function ChainLinkText({ href, icon, text }: { href: string | null; icon: React.ReactNode; text: string }) {
  const content = (
    <>
      {icon}
      {text}
    </>
  );
  return href ? (
    <Link href={`/sessions/${href}/invitees`} className="inline-flex items-center gap-1 text-xs text-primary underline-offset-4 hover:underline">
      {content}
    </Link>
  ) : (
    <span className="inline-flex items-center gap-1 text-xs text-muted-foreground">{content}</span>
  );
}

function LocalTime({ invitee }: { invitee: InviteeDto }) {
  const local = inviteeLocalTime(invitee.session.startTime, invitee.session.endTime, invitee.timeZone);
  return local ? <span className="text-xs">{local}</span> : <span className="text-xs text-muted-foreground">Time zone unknown</span>;
}

function RowActions({
  invitee,
  expanded,
  onToggle,
  onChange,
  busy,
}: {
  invitee: InviteeDto;
  expanded: boolean;
  onToggle: () => void;
  onChange: (() => void) | null;
  busy: boolean;
}) {
  return (
    <span className="flex flex-wrap items-center justify-end gap-1.5">
      <Button variant="ghost" size="sm" onClick={onToggle} aria-expanded={expanded} aria-controls={`answers-${invitee.uuid}`}>
        {expanded ? <ChevronDown aria-hidden="true" /> : <ChevronRight aria-hidden="true" />}
        Answers{invitee.answers.length ? ` (${invitee.answers.length})` : ""}
      </Button>
      {onChange ? <NoShowButton invitee={invitee} onChange={onChange} busy={busy} /> : null}
    </span>
  );
}

function NoShowButton({ invitee, onChange, busy }: { invitee: InviteeDto; onChange: () => void; busy: boolean }) {
  if (invitee.canUnmarkNoShow) {
    return (
      <Button variant="outline" size="sm" onClick={onChange} disabled={busy}>
        Undo no-show
      </Button>
    );
  }
  if (invitee.canMarkNoShow) {
    return (
      <Button variant="outline" size="sm" onClick={onChange} disabled={busy}>
        Mark no-show
      </Button>
    );
  }
  return invitee.noShowBlockedReason ? (
    <Tooltip content={invitee.noShowBlockedReason}>
      <Button variant="outline" size="sm" aria-disabled="true" aria-label={`Mark no-show (unavailable: ${invitee.noShowBlockedReason})`} onClick={(event) => event.preventDefault()}>
        Mark no-show
      </Button>
    </Tooltip>
  ) : null;
}

function InviteeCard({
  invitee,
  viewer,
  showSession,
  selected,
  onSelect,
  expanded,
  onToggle,
  onChange,
  busy,
}: {
  invitee: InviteeDto;
  viewer: InviteeListProps["viewer"];
  showSession: boolean;
  selected: boolean;
  onSelect: (value: boolean) => void;
  expanded: boolean;
  onToggle: () => void;
  onChange: (() => void) | null;
  busy: boolean;
}) {
  return (
    <article className="grid gap-2 rounded-xl border bg-card p-3.5 text-sm shadow-xs" aria-label={invitee.name} data-state={selected ? "selected" : undefined}>
      <div className="flex items-start gap-3">
        {viewer.canChangeNoShows ? <Checkbox className="mt-0.5" aria-label={`Select ${invitee.name}`} checked={selected} onCheckedChange={(value) => onSelect(value === true)} /> : null}
        <div className="min-w-0 flex-1">
          <InviteeName invitee={invitee} canOpenRealtors={viewer.canOpenRealtors} />
          <p className="break-all text-xs text-muted-foreground">{invitee.email}</p>
        </div>
      </div>
      <StatusCell invitee={invitee} />
      <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-xs">
        <dt className="text-muted-foreground">Their time</dt>
        <dd>
          <LocalTime invitee={invitee} />
        </dd>
        {showSession ? (
          <>
            <dt className="text-muted-foreground">Session</dt>
            <dd>
              <Link href={`/sessions/${invitee.session.uuid}/invitees`} className="text-primary underline-offset-4 hover:underline">
                {invitee.session.name}
              </Link>
              <span className="block text-muted-foreground">{formatSessionRange(invitee.session.startTime, invitee.session.endTime, viewer.timeZone)}</span>
            </dd>
          </>
        ) : null}
        <dt className="text-muted-foreground">Booked</dt>
        <dd>{formatInstant(invitee.bookedAt, viewer.timeZone)}</dd>
      </dl>
      <RowActions invitee={invitee} expanded={expanded} onToggle={onToggle} onChange={onChange} busy={busy} />
      {expanded ? (
        <div id={`answers-${invitee.uuid}`} className="rounded-lg bg-muted/30 p-3">
          <InviteeAnswers answers={invitee.answers} />
        </div>
      ) : null}
    </article>
  );
}
