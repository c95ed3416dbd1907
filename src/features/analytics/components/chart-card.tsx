"use client";

import * as React from "react";
import { BarChart3, Download, Table2 } from "lucide-react";
import { cn } from "@/lib/utils";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCaption, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { toCsv } from "../csv";

/**
 * A chart with its accessible twin: the same numbers as a table (toggle), a CSV download of those rows, and an
 * empty state when there is nothing to show yet.
 */
export interface ChartTable {
  columns: string[];
  rows: Array<Array<string | number | null>>;
}

export interface ChartCardProps {
  title: string;
  description?: React.ReactNode;
  /** File name without extension for the CSV download. */
  csvName: string;
  table: ChartTable;
  isEmpty?: boolean;
  emptyText?: string;
  /** The chart; it is hidden from assistive technology, which gets the table instead. */
  children: React.ReactNode;
  className?: string;
  /** Shown above the chart/table (totals, notes). */
  summary?: React.ReactNode;
  action?: React.ReactNode;
}

export function downloadCsv(name: string, table: ChartTable) {
  const blob = new Blob([toCsv(table.columns, table.rows)], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = `${name}.csv`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function ChartCard({ title, description, csvName, table, isEmpty, emptyText, children, className, summary, action }: ChartCardProps) {
  const [view, setView] = React.useState<"chart" | "table">("chart");
  const headingId = React.useId();
  return (
    <Card className={cn("min-w-0", className)} aria-labelledby={headingId} role="region">
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-2">
        <div className="min-w-0 space-y-1">
          <CardTitle as="h3" id={headingId}>
            {title}
          </CardTitle>
          {description ? <CardDescription>{description}</CardDescription> : null}
        </div>
        {!isEmpty ? (
          <div className="flex shrink-0 items-center gap-1 print:hidden">
            {action}
            <Button
              variant="ghost"
              size="sm"
              aria-pressed={view === "table"}
              onClick={() => setView(view === "chart" ? "table" : "chart")}
            >
              {view === "chart" ? <Table2 aria-hidden="true" /> : <BarChart3 aria-hidden="true" />}
              {view === "chart" ? "Table" : "Chart"}
              <span className="sr-only"> view of {title}</span>
            </Button>
            <Button variant="ghost" size="sm" onClick={() => downloadCsv(csvName, table)}>
              <Download aria-hidden="true" />
              CSV<span className="sr-only"> of {title}</span>
            </Button>
          </div>
        ) : null}
      </CardHeader>
      <CardContent>
        {isEmpty ? (
          <EmptyState headingLevel="h3" title="No data yet" description={emptyText ?? "Nothing happened in this period. Try a longer period or other filters."} className="py-8" />
        ) : (
          <>
            {summary}
            {view === "chart" ? (
              // The chart is a picture of the table below (which screen readers get); inert keeps it out of the tab order.
              <div aria-hidden="true" inert>
                {children}
              </div>
            ) : null}
            <DataTable title={title} table={table} className={view === "chart" ? "sr-only" : undefined} />
          </>
        )}
      </CardContent>
    </Card>
  );
}

export function DataTable({ title, table, className }: { title: string; table: ChartTable; className?: string }) {
  return (
    <Table containerClassName={className}>
      <TableCaption className="sr-only">{title}</TableCaption>
      <TableHeader>
        <TableRow>
          {table.columns.map((column) => (
            <TableHead key={column}>{column}</TableHead>
          ))}
        </TableRow>
      </TableHeader>
      <TableBody>
        {table.rows.map((row, index) => (
          <TableRow key={index}>
            {row.map((cell, cellIndex) =>
              cellIndex === 0 ? (
                <TableHead key={cellIndex} scope="row" className="h-auto py-2 text-sm font-medium normal-case tracking-normal text-foreground">
                  {cell ?? "—"}
                </TableHead>
              ) : (
                <TableCell key={cellIndex} className="tabular-nums">
                  {cell ?? "—"}
                </TableCell>
              ),
            )}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
