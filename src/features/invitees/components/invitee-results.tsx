"use client";

import { Fragment, useMemo } from "react";
import Link from "next/link";
import { flexRender, getCoreRowModel, useReactTable, type ColumnDef, type RowSelectionState } from "@tanstack/react-table";
import { ArrowDown, ArrowUp, ArrowUpDown, ChevronDown, ChevronRight, History, Repeat2 } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { Tooltip } from "@/components/ui/tooltip";
import { formatInstant, formatSessionRange, inviteeLocalTime } from "../format-invitee-time";
import type { InviteeDto } from "../invitee-dto";
import type { InviteeSort } from "../invitee-list-options";
import { InviteeAnswers } from "./invitee-answers";
import type { InviteeListProps, ListParams } from "./invitee-list";
import { OutcomeBadge } from "./outcome-badge";

/**
 * The invitee rows of InviteeList: a TanStack table from the `sm` breakpoint, cards on phones. Loaded by the list
 * alongside its first data request (TanStack Table is not in the page's first load); the list keeps the state.
 */
export interface InviteeResultsProps {
  rows: InviteeDto[];
  viewer: InviteeListProps["viewer"];
  coaches?: InviteeListProps["coaches"];
  showSession: boolean;
  params: ListParams;
  rowSelection: RowSelectionState;
  onRowSelectionChange: (next: RowSelectionState) => void;
  expanded: ReadonlySet<string>;
  onToggleExpanded: (uri: string) => void;
  onChangeOne: (invitee: InviteeDto) => void;
  busy: boolean;
}

export function InviteeResults({ rows, viewer, coaches, showSession, params, rowSelection, onRowSelectionChange, expanded, onToggleExpanded, onChangeOne, busy }: InviteeResultsProps) {
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
            onToggle={() => onToggleExpanded(row.original.uri)}
            onChange={viewer.canChangeNoShows ? () => onChangeOne(row.original) : null}
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
    onRowSelectionChange: (updater) => onRowSelectionChange(typeof updater === "function" ? updater(rowSelection) : updater),
  });

  return (
    <>
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
            selected={Boolean(rowSelection[invitee.uri])}
            onSelect={(value) => onRowSelectionChange({ ...rowSelection, [invitee.uri]: value })}
            expanded={expanded.has(invitee.uri)}
            onToggle={() => onToggleExpanded(invitee.uri)}
            onChange={viewer.canChangeNoShows ? () => onChangeOne(invitee) : null}
            busy={busy}
          />
        </li>
      ))}
    </ul>
    </>
  );
}

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
