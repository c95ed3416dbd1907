"use client";

import * as React from "react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import useSWR from "swr";
import { CalendarDays, CalendarPlus, Search, X } from "lucide-react";
import { ApiRequestError, swrFetcher } from "@/lib/api/fetcher";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Pagination } from "@/components/ui/pagination";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { SessionPage } from "../list-sessions";
import { DEFAULT_PAGE_SIZE, PAGE_SIZES } from "../list-sessions-options";
import type { SessionFilterOptions } from "../session-filter-options";
import type { SessionSummaryDto } from "../session-row";
import { STATUS_FILTER_LABELS, STATUS_FILTERS } from "../session-state";
import { CancelSessionsDialog } from "./cancel-sessions-dialog";
import { formatSessionRange } from "./format";
import { LocationIcon } from "./location-icon";
import { SessionStateBadge } from "./session-state-badge";

/**
 * SessionList: the viewer's sessions with filters, sort and keyset pages that all live in the URL (shareable, kept
 * on reload), row selection for batch cancel, and a card layout on phones.
 */
export interface SessionListProps {
  role: "admin" | "coach" | "realtor";
  options: SessionFilterOptions;
  /** The viewer's zone (the API answers in it too). */
  timeZone: string;
}

const FILTER_KEYS = ["status", "from", "to", "eventType", "coach", "q", "sort", "dir", "size"] as const;
const PAGE_KEYS = ["after", "before", "page"] as const;

export function SessionList({ role, options, timeZone }: SessionListProps) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const status = searchParams.get("status") ?? "upcoming";
  const size = Number(searchParams.get("size") ?? DEFAULT_PAGE_SIZE);
  const page = Math.max(1, Number(searchParams.get("page") ?? 1) || 1);

  const apiQuery = new URLSearchParams();
  for (const key of [...FILTER_KEYS, "after", "before"] as const) {
    const value = key === "status" ? status : searchParams.get(key);
    if (value) apiQuery.set(key, value);
  }
  const filterQuery = new URLSearchParams(apiQuery);
  filterQuery.delete("after");
  filterQuery.delete("before");

  const { data, error, isLoading, mutate } = useSWR<SessionPage>(`/api/calendly/scheduled_events?${apiQuery}`, swrFetcher, { keepPreviousData: true });
  // Selection belongs to one view: changing filters, sort or page starts with nothing selected.
  const viewKey = apiQuery.toString();
  const [selection, setSelection] = React.useState<{ view: string; ids: Set<string> }>({ view: viewKey, ids: new Set() });
  const selected = selection.view === viewKey ? selection.ids : new Set<string>();
  const setSelected = (update: Set<string> | ((current: Set<string>) => Set<string>)) =>
    setSelection((current) => {
      const base = current.view === viewKey ? current.ids : new Set<string>();
      return { view: viewKey, ids: typeof update === "function" ? update(base) : update };
    });
  const [cancelTargets, setCancelTargets] = React.useState<Array<{ uuid: string; name: string }>>([]);
  const [searchText, setSearchText] = React.useState(searchParams.get("q") ?? "");

  function navigate(changes: Record<string, string | null>, options: { keepPage?: boolean } = {}) {
    const next = new URLSearchParams(searchParams.toString());
    if (!options.keepPage) for (const key of PAGE_KEYS) next.delete(key);
    for (const [key, value] of Object.entries(changes)) {
      if (value === null || value === "") next.delete(key);
      else next.set(key, value);
    }
    router.push(`${pathname}?${next}`, { scroll: false });
  }

  const sessions = data?.sessions ?? [];
  const zone = data?.timeZone ?? timeZone;
  const selectable = sessions.filter((session) => session.cancelable);
  const allSelected = selectable.length > 0 && selectable.every((session) => selected.has(session.uuid));
  const someSelected = selectable.some((session) => selected.has(session.uuid));
  const listHref = `${pathname}?${searchParams.toString()}`;
  const detailsHref = (uuid: string) => `/sessions/${uuid}?back=${encodeURIComponent(listHref)}`;

  function toggle(uuid: string, on: boolean) {
    setSelected((current) => {
      const next = new Set(current);
      if (on) next.add(uuid);
      else next.delete(uuid);
      return next;
    });
  }

  const activeFilters = ["from", "to", "eventType", "coach", "q"].some((key) => searchParams.get(key));

  return (
    <section aria-labelledby="session-list-heading" className="space-y-4">
      <h2 id="session-list-heading" className="sr-only">
        Sessions
      </h2>
      <form
        className="grid gap-3 rounded-xl border bg-card p-4 sm:grid-cols-2 lg:grid-cols-4"
        onSubmit={(event) => {
          event.preventDefault();
          navigate({ q: searchText.trim() || null });
        }}
        aria-label="Filter sessions"
      >
        <div className="grid gap-1.5">
          <Label htmlFor="filter-status">Status</Label>
          <NativeSelect id="filter-status" value={status} onChange={(event) => navigate({ status: event.target.value })}>
            {STATUS_FILTERS.map((value) => (
              <option key={value} value={value}>
                {STATUS_FILTER_LABELS[value]}
              </option>
            ))}
            <option value="all">All</option>
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="filter-from">From</Label>
          <Input id="filter-from" type="date" value={searchParams.get("from") ?? ""} onChange={(event) => navigate({ from: event.target.value })} />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="filter-to">To</Label>
          <Input id="filter-to" type="date" value={searchParams.get("to") ?? ""} onChange={(event) => navigate({ to: event.target.value })} />
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="filter-event-type">Event type</Label>
          <NativeSelect id="filter-event-type" value={searchParams.get("eventType") ?? ""} onChange={(event) => navigate({ eventType: event.target.value })}>
            <option value="">Any event type</option>
            {options.eventTypes.map((eventType) => (
              <option key={eventType.uuid} value={eventType.uuid}>
                {eventType.name}
              </option>
            ))}
          </NativeSelect>
        </div>
        {options.coaches.length ? (
          <div className="grid gap-1.5">
            <Label htmlFor="filter-coach">Coach</Label>
            <NativeSelect id="filter-coach" value={searchParams.get("coach") ?? ""} onChange={(event) => navigate({ coach: event.target.value })}>
              <option value="">Any coach</option>
              {options.coaches.map((coach) => (
                <option key={coach.id} value={coach.id}>
                  {coach.name}
                </option>
              ))}
            </NativeSelect>
          </div>
        ) : null}
        <div className="grid gap-1.5 sm:col-span-2">
          <Label htmlFor="filter-q">{role === "realtor" ? "Search by session or coach" : "Search by invitee name or email"}</Label>
          <div className="flex gap-2">
            <Input id="filter-q" type="search" value={searchText} onChange={(event) => setSearchText(event.target.value)} placeholder={role === "realtor" ? "Coach or session" : "Name or email"} />
            <Button type="submit" variant="outline" aria-label="Search">
              <Search aria-hidden="true" />
              <span className="hidden sm:inline">Search</span>
            </Button>
          </div>
        </div>
        <div className="grid gap-1.5 sm:col-span-2">
          <Label htmlFor="filter-sort">Sort by</Label>
          <div className="flex gap-2">
            <NativeSelect id="filter-sort" className="flex-1" value={searchParams.get("sort") ?? "start"} onChange={(event) => navigate({ sort: event.target.value })}>
              <option value="start">Start time</option>
              <option value="created">Booked time</option>
              <option value="status">Status</option>
            </NativeSelect>
            <NativeSelect aria-label="Sort direction" className="w-32" value={searchParams.get("dir") ?? "asc"} onChange={(event) => navigate({ dir: event.target.value })}>
              <option value="asc">Ascending</option>
              <option value="desc">Descending</option>
            </NativeSelect>
          </div>
        </div>
        {activeFilters ? (
          <div className="flex items-end">
            <Button
              variant="ghost"
              onClick={() => {
                setSearchText("");
                navigate({ from: null, to: null, eventType: null, coach: null, q: null });
              }}
            >
              <X aria-hidden="true" /> Clear filters
            </Button>
          </div>
        ) : null}
      </form>

      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-muted-foreground">Times are shown in {zone}.</p>
        <div className="flex flex-wrap gap-2">
          {role !== "realtor" && selected.size > 0 ? (
            <Button
              variant="destructive"
              size="sm"
              onPointerEnter={CancelSessionsDialog.preload}
              onFocus={CancelSessionsDialog.preload}
              onClick={() => setCancelTargets(sessions.filter((session) => selected.has(session.uuid)).map(({ uuid, name }) => ({ uuid, name })))}
            >
              Cancel {selected.size} selected
            </Button>
          ) : null}
          <Button variant="outline" size="sm" asChild>
            <a href={`/api/sessions/ics?${filterQuery}`} download>
              <CalendarPlus aria-hidden="true" /> Export these (.ics)
            </a>
          </Button>
        </div>
      </div>

      {error ? (
        <Alert variant="danger" title="Could not load sessions" action={<Button size="sm" variant="outline" onClick={() => mutate()}>Try again</Button>}>
          {error instanceof ApiRequestError ? error.message : "Please try again."}
        </Alert>
      ) : isLoading && !data ? (
        <div className="space-y-2" aria-busy="true" aria-label="Loading sessions">
          {Array.from({ length: 5 }, (_, index) => (
            <Skeleton key={index} className="h-14 w-full" />
          ))}
        </div>
      ) : sessions.length === 0 ? (
        <EmptyState
          icon={CalendarDays}
          title={page > 1 ? "No more sessions" : "No sessions match"}
          description={
            activeFilters || status !== "all"
              ? "Try another status, a wider date range or fewer filters."
              : role === "realtor"
                ? "Sessions you book with a coach show up here."
                : "Sessions booked with you in Calendly show up here once synced."
          }
          action={
            status !== "all" ? (
              <Button variant="outline" onClick={() => navigate({ status: "all" })}>
                Show all sessions
              </Button>
            ) : role === "realtor" ? (
              <Button asChild>
                <Link href="/coaches">Find a coach</Link>
              </Button>
            ) : null
          }
        />
      ) : (
        <>
          <ul className="space-y-2 sm:hidden" aria-label="Sessions">
            {sessions.map((session) => (
              <li key={session.uuid} className="flex gap-3 rounded-xl border bg-card p-3">
                {role !== "realtor" ? (
                  <Checkbox
                    className="mt-1"
                    checked={selected.has(session.uuid)}
                    disabled={!session.cancelable}
                    onCheckedChange={(checked) => toggle(session.uuid, checked === true)}
                    aria-label={`Select ${session.name} on ${formatSessionRange(session.startTime, session.endTime, zone)}`}
                  />
                ) : null}
                <div className="min-w-0 flex-1 space-y-1">
                  <div className="flex items-start justify-between gap-2">
                    <Link href={detailsHref(session.uuid)} className="font-medium text-primary hover:underline">
                      {session.name}
                    </Link>
                    <SessionStateBadge state={session.state} />
                  </div>
                  <p className="text-sm">{formatSessionRange(session.startTime, session.endTime, zone)}</p>
                  <p className="truncate text-sm text-muted-foreground">{whoLine(session, role)}</p>
                </div>
              </li>
            ))}
          </ul>
          <div className="hidden sm:block">
            <Table>
              <TableCaption className="sr-only">Sessions, page {page}</TableCaption>
              <TableHeader>
                <TableRow>
                  {role !== "realtor" ? (
                    <TableHead className="w-10">
                      <Checkbox
                        checked={allSelected ? true : someSelected ? "indeterminate" : false}
                        disabled={selectable.length === 0}
                        onCheckedChange={(checked) => setSelected(checked === true ? new Set(selectable.map((session) => session.uuid)) : new Set())}
                        aria-label="Select all cancelable sessions on this page"
                      />
                    </TableHead>
                  ) : null}
                  <TableHead>Session</TableHead>
                  <TableHead>When ({zone})</TableHead>
                  <TableHead>{role === "realtor" ? "Coach" : "Invitee"}</TableHead>
                  {role === "admin" ? <TableHead>Coach</TableHead> : null}
                  <TableHead>Status</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {sessions.map((session) => (
                  <TableRow key={session.uuid} data-state={selected.has(session.uuid) ? "selected" : undefined}>
                    {role !== "realtor" ? (
                      <TableCell>
                        <Checkbox
                          checked={selected.has(session.uuid)}
                          disabled={!session.cancelable}
                          onCheckedChange={(checked) => toggle(session.uuid, checked === true)}
                          aria-label={`Select ${session.name} on ${formatSessionRange(session.startTime, session.endTime, zone)}`}
                        />
                      </TableCell>
                    ) : null}
                    <TableCell>
                      <Link href={detailsHref(session.uuid)} className="font-medium text-primary hover:underline">
                        {session.name}
                      </Link>
                      {session.location ? (
                        <div className="flex items-center gap-1 text-xs text-muted-foreground">
                          <LocationIcon kind={session.location.kind} className="size-3" /> {session.location.label}
                        </div>
                      ) : null}
                    </TableCell>
                    <TableCell className="whitespace-nowrap">{formatSessionRange(session.startTime, session.endTime, zone).replace(` (${zone})`, "")}</TableCell>
                    <TableCell className="max-w-56 truncate">{whoLine(session, role)}</TableCell>
                    {role === "admin" ? <TableCell>{session.coach.name}</TableCell> : null}
                    <TableCell>
                      <SessionStateBadge state={session.state} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
        </>
      )}

      <Pagination
        page={page}
        pageSize={size}
        hasNextPage={Boolean(data?.nextCursor)}
        disabled={isLoading}
        itemLabel="sessions"
        onPageChange={(target) => {
          if (target > page && data?.nextCursor) navigate({ after: data.nextCursor, before: null, page: String(page + 1) }, { keepPage: true });
          else if (target < page) {
            if (target <= 1 || !data?.prevCursor) navigate({ after: null, before: null, page: null }, { keepPage: true });
            else navigate({ before: data.prevCursor, after: null, page: String(page - 1) }, { keepPage: true });
          }
        }}
        pageSizeOptions={[...PAGE_SIZES]}
        onPageSizeChange={(next) => navigate({ size: String(next) })}
      />

      <CancelSessionsDialog
        open={cancelTargets.length > 0}
        onOpenChange={(open) => !open && setCancelTargets([])}
        sessions={cancelTargets}
        onDone={({ canceled }) => {
          setSelected((current) => new Set([...current].filter((uuid) => !canceled.includes(uuid))));
          void mutate();
        }}
      />
    </section>
  );
}

function whoLine(session: SessionSummaryDto, role: SessionListProps["role"]): string {
  if (role === "realtor") return session.coach.name;
  const extra = session.invitees.total > 1 ? ` +${session.invitees.total - 1}` : "";
  return session.invitee ? `${session.invitee.name} (${session.invitee.email})${extra}` : "No invitees";
}
