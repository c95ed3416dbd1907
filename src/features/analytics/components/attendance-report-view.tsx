"use client";

import * as React from "react";
import Link from "next/link";
import useSWR from "swr";
import { Download, Printer, Users } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { NativeSelect } from "@/components/ui/native-select";
import { Skeleton } from "@/components/ui/skeleton";
import { swrFetcher } from "@/lib/api/fetcher";
import type { AttendanceReportDto } from "../get-attendance-report";
import { AnalyticsFiltersBar, filterQuery, type FilterValues } from "./analytics-filters-bar";
import { AttendanceTable } from "./attendance-table";

const PAGE_SIZE = 50;

/** The attendance report (per realtor or per coach) with paging, a CSV export and a print-friendly page. */
export function AttendanceReportView({ isAdmin, initial }: { isAdmin: boolean; initial: FilterValues }) {
  const [filters, setFilters] = React.useState(initial);
  const [by, setBy] = React.useState<"realtor" | "coach">("realtor");
  const [offset, setOffset] = React.useState(0);
  const query = filterQuery({ ...filters, bucket: "" }, { by });
  const { data, error, isLoading } = useSWR<AttendanceReportDto>(`/api/reports/attendance?${query}&limit=${PAGE_SIZE}&offset=${offset}`, swrFetcher, { keepPreviousData: true });
  const change = (next: FilterValues) => {
    setFilters(next);
    setOffset(0);
  };
  return (
    <>
      <AnalyticsFiltersBar
        values={filters}
        onChange={change}
        showCoach={isAdmin}
        showBucket={false}
        leading={
          <Field label="Report">
            <NativeSelect
              value={by}
              onChange={(event) => {
                setBy(event.target.value as "realtor" | "coach");
                setOffset(0);
              }}
            >
              <option value="realtor">Per realtor</option>
              {isAdmin ? <option value="coach">Per coach</option> : null}
            </NativeSelect>
          </Field>
        }
      />
      <div className="mb-4 flex flex-wrap gap-2">
        <Button asChild variant="outline" size="sm">
          <a href={`/api/reports/attendance?${query}&format=csv`} download>
            <Download aria-hidden="true" />
            Download CSV
          </a>
        </Button>
        <Button asChild variant="outline" size="sm">
          <Link href={`/admin/reports/print?${query}`} target="_blank">
            <Printer aria-hidden="true" />
            Print view
          </Link>
        </Button>
      </div>
      {error ? <Alert variant="danger" title="The report could not load">{error instanceof Error ? error.message : "Please try again."}</Alert> : null}
      {isLoading && !data ? <Skeleton className="h-64" /> : null}
      {data && !data.rows.length ? (
        <EmptyState icon={Users} title="No sessions in this period" description="Pick a longer period or other filters." />
      ) : null}
      {data && data.rows.length ? (
        <>
          <AttendanceTable report={data} />
          <nav aria-label="Report pages" className="mt-3 flex items-center justify-between text-sm text-muted-foreground">
            <span>
              {data.offset + 1}–{data.offset + data.rows.length} of {data.total}
            </span>
            <span className="flex gap-2">
              <Button variant="outline" size="sm" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
                Previous
              </Button>
              <Button variant="outline" size="sm" disabled={offset + PAGE_SIZE >= data.total} onClick={() => setOffset(offset + PAGE_SIZE)}>
                Next
              </Button>
            </span>
          </nav>
        </>
      ) : null}
    </>
  );
}
