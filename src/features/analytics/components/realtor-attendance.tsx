"use client";

import * as React from "react";
import useSWR from "swr";
import { CalendarCheck } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { swrFetcher } from "@/lib/api/fetcher";
import type { AttendanceReportDto } from "../get-attendance-report";
import { AnalyticsFiltersBar, filterQuery, type FilterValues } from "./analytics-filters-bar";
import { formatPercent } from "./format";

/** A realtor's own attendance: their bookings in the period and how they went. */
export function RealtorAttendance({ initial }: { initial: FilterValues }) {
  const [filters, setFilters] = React.useState(initial);
  const { data, error, isLoading } = useSWR<AttendanceReportDto>(`/api/analytics/attendance?${filterQuery(filters, { by: "realtor" })}`, swrFetcher, { keepPreviousData: true });
  const row = data?.rows[0];
  const cards = row
    ? [
        { label: "Booked", value: String(row.booked) },
        { label: "Attended", value: String(row.attended) },
        { label: "No-shows", value: String(row.noShows) },
        { label: "Canceled", value: String(row.canceled) },
        { label: "Rescheduled", value: String(row.rescheduled) },
        { label: "Attendance rate", value: formatPercent(row.attendanceRate) },
      ]
    : [];
  return (
    <>
      <AnalyticsFiltersBar values={filters} onChange={setFilters} showCoach={false} showBucket={false} showEventType={false} />
      {error ? <Alert variant="danger" title="Your attendance could not load">{error instanceof Error ? error.message : "Please try again."}</Alert> : null}
      {isLoading && !data ? <Skeleton className="h-28" /> : null}
      {data && !row ? (
        <EmptyState icon={CalendarCheck} title="No sessions in this period" description="Sessions you book show up here with how they went." />
      ) : null}
      {row ? (
        <section aria-labelledby="attendance-heading">
          <h2 id="attendance-heading" className="mb-3 text-lg font-semibold">
            Your attendance, {data!.period.from} to {data!.period.to}
          </h2>
          <ul className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6">
            {cards.map((card) => (
              <li key={card.label}>
                <Card>
                  <CardContent className="space-y-1 pt-4">
                    <p className="text-xs font-medium text-muted-foreground">{card.label}</p>
                    <p className="text-2xl font-semibold tabular-nums">{card.value}</p>
                  </CardContent>
                </Card>
              </li>
            ))}
          </ul>
          <p className="mt-3 text-xs text-muted-foreground">
            Attendance rate = attended ÷ (attended + no-shows); canceled and rescheduled bookings are not counted. Dates in {data!.period.timeZone}.
          </p>
        </section>
      ) : null}
    </>
  );
}
