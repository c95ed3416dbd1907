"use client";

import * as React from "react";
import useSWR from "swr";
import { toast } from "@/components/ui/toast";
import { ArrowDownRight, ArrowUpRight, BarChart3, RefreshCw } from "lucide-react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { apiFetch, swrFetcher } from "@/lib/api/fetcher";
import type { AnalyticsDashboardDto } from "../get-analytics-dashboard";
import type { KpiValues } from "../get-kpis";
import { ChartCard } from "./chart-card";
import { preloadCharts, SimpleBarChart, TimeSlotHeatmap, TrendChart } from "./analytics-charts";
import { AnalyticsFiltersBar, filterQuery, type FilterValues } from "./analytics-filters-bar";
import { formatNumber, formatPercent, hourLabel, SERIES_COLORS, WEEKDAY_NAMES } from "./format";

/** The analytics page for coaches (their own numbers) and admins (org-wide, with a coach filter). */
export function AnalyticsDashboard({ isAdmin, viewerId, timeZone, initial }: { isAdmin: boolean; viewerId: string; timeZone: string; initial: FilterValues }) {
  const [filters, setFilters] = React.useState<FilterValues>(initial);
  const key = `/api/analytics/dashboard?${filterQuery(filters)}`;
  const { data, error, isLoading, mutate } = useSWR<AnalyticsDashboardDto>(key, swrFetcher, { keepPreviousData: true });
  // Recharts is not in the first load: fetch it alongside the data, so the charts do not wait for it afterwards.
  React.useEffect(preloadCharts, []);

  return (
    <>
      <AnalyticsFiltersBar values={filters} onChange={setFilters} showCoach={isAdmin} />
      {error ? (
        <Alert variant="danger" title="Analytics could not load">
          {error instanceof Error ? error.message : "Please try again."}
        </Alert>
      ) : null}
      {isLoading && !data ? <DashboardSkeleton /> : null}
      {data ? <DashboardSections data={data} isAdmin={isAdmin} viewerId={viewerId} timeZone={timeZone} onRefreshed={() => mutate()} /> : null}
    </>
  );
}

function DashboardSkeleton() {
  return (
    <div className="grid gap-4" aria-busy="true" aria-label="Loading analytics">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        {Array.from({ length: 8 }, (_, index) => (
          <Skeleton key={index} className="h-24" />
        ))}
      </div>
      <Skeleton className="h-72" />
    </div>
  );
}

const KPI_CARDS: Array<{ key: keyof KpiValues; label: string; kind: "count" | "rate"; goodWhen: "up" | "down" }> = [
  { key: "booked", label: "Sessions booked", kind: "count", goodWhen: "up" },
  { key: "completed", label: "Completed", kind: "count", goodWhen: "up" },
  { key: "noShows", label: "No-shows", kind: "count", goodWhen: "down" },
  { key: "rescheduled", label: "Rescheduled", kind: "count", goodWhen: "down" },
  { key: "canceledByHost", label: "Canceled by host", kind: "count", goodWhen: "down" },
  { key: "canceledByInvitee", label: "Canceled by invitee", kind: "count", goodWhen: "down" },
  { key: "attendanceRate", label: "Attendance rate", kind: "rate", goodWhen: "up" },
  { key: "noShowRate", label: "No-show rate", kind: "rate", goodWhen: "down" },
  { key: "cancellationRate", label: "Cancellation rate", kind: "rate", goodWhen: "down" },
  { key: "rescheduleRate", label: "Reschedule rate", kind: "rate", goodWhen: "down" },
];

function KpiCards({ data }: { data: AnalyticsDashboardDto }) {
  const { current, previous } = data.kpis;
  return (
    <section aria-labelledby="kpi-heading">
      <h2 id="kpi-heading" className="sr-only">
        Key numbers
      </h2>
      <p className="mb-3 text-sm text-muted-foreground">
        {data.kpis.period.from} to {data.kpis.period.to} compared with {data.kpis.previousPeriod.from} to {data.kpis.previousPeriod.to} ({data.kpis.period.timeZone}).
      </p>
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-5">
        {KPI_CARDS.map((card) => {
          const value = current[card.key] as number | null;
          const before = previous[card.key] as number | null;
          const show = card.kind === "rate" ? formatPercent : (number: number | null) => formatNumber(number);
          const delta = value !== null && before !== null ? value - before : null;
          const better = delta === null || delta === 0 ? null : (delta > 0) === (card.goodWhen === "up");
          return (
            <li key={card.key}>
              <Card className="h-full">
                <CardContent className="space-y-1 pt-4">
                  <p className="text-xs font-medium text-muted-foreground">{card.label}</p>
                  <p className="text-2xl font-semibold tabular-nums">{show(value)}</p>
                  <p className="flex items-center gap-1 text-xs text-muted-foreground">
                    {delta ? (
                      delta > 0 ? (
                        <ArrowUpRight aria-hidden="true" className={better ? "size-3.5 text-success" : "size-3.5 text-danger"} />
                      ) : (
                        <ArrowDownRight aria-hidden="true" className={better ? "size-3.5 text-success" : "size-3.5 text-danger"} />
                      )
                    ) : null}
                    <span>Previous period: {show(before)}</span>
                  </p>
                </CardContent>
              </Card>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function DashboardSections({ data, isAdmin, viewerId, timeZone, onRefreshed }: { data: AnalyticsDashboardDto; isAdmin: boolean; viewerId: string; timeZone: string; onRefreshed: () => void }) {
  const hasSessions = data.kpis.current.booked > 0 || data.kpis.previous.booked > 0;
  const trendRows = data.trends.points.map((point) => [point.bucket, point.booked, point.completed, point.noShows, point.canceled, point.rescheduled]);
  const slotRows = data.timeSlots.cells.map((cell) => [`${WEEKDAY_NAMES[cell.weekday - 1]} ${hourLabel(cell.hour)}`, cell.sessions]);
  const topSlots = [...data.timeSlots.cells].sort((a, b) => b.sessions - a.sessions).slice(0, 3);
  const utilizationRows = data.utilization.coaches.map((row) => [
    row.coachName,
    row.bookedHours,
    row.offeredHours,
    row.utilization === null ? null : Number((row.utilization * 100).toFixed(1)),
    row.sessions,
    row.scheduleTimeZone,
  ]);
  const { reschedules, cancellations, questions, bookingSuccess } = data;

  return (
    <div className="space-y-8">
      <KpiCards data={data} />
      {!hasSessions ? (
        <EmptyState
          icon={BarChart3}
          title="No sessions in this period"
          description="Once sessions are booked through Calendly they show up here. Try a longer period or other filters."
        />
      ) : null}

      <section aria-labelledby="trends-heading" className="grid gap-4">
        <h2 id="trends-heading" className="text-lg font-semibold">
          Trends and time slots
        </h2>
        <ChartCard
          title={`Sessions per ${data.trends.bucket}`}
          description={`Buckets in ${data.trends.timeZone}${data.trends.bucket === "week" ? ", weeks starting Monday" : ""}.`}
          csvName="sessions-trend"
          table={{ columns: [`${data.trends.bucket} starting`, "Booked", "Completed", "No-shows", "Canceled", "Rescheduled"], rows: trendRows }}
          isEmpty={!data.kpis.current.booked}
        >
          <TrendChart points={data.trends.points} />
        </ChartCard>
        <ChartCard
          title="Popular time slots"
          description={`Booked sessions by weekday and starting hour in ${data.timeSlots.timeZone} (rescheduled old times left out).`}
          csvName="popular-time-slots"
          table={{ columns: ["Slot", "Sessions"], rows: slotRows }}
          isEmpty={!data.timeSlots.cells.length}
          summary={
            topSlots.length ? (
              <p className="mb-3 text-sm text-muted-foreground">
                Busiest: {topSlots.map((cell) => `${WEEKDAY_NAMES[cell.weekday - 1]} ${hourLabel(cell.hour)} (${cell.sessions})`).join(", ")}
              </p>
            ) : null
          }
        >
          <TimeSlotHeatmap data={data.timeSlots} />
        </ChartCard>
      </section>

      <section aria-labelledby="utilization-heading" className="grid gap-4">
        <h2 id="utilization-heading" className="text-lg font-semibold">
          Utilization
        </h2>
        <ChartCard
          title={isAdmin ? "Coach utilization ranking" : "Your utilization"}
          description="Booked hours ÷ offered hours from each coach's default Calendly availability schedule, counted in the schedule's own time zone."
          csvName="coach-utilization"
          table={{ columns: ["Coach", "Booked hours", "Offered hours", "Utilization (%)", "Sessions", "Schedule time zone"], rows: utilizationRows }}
          isEmpty={!data.utilization.coaches.length}
          emptyText="No coaches yet."
          summary={
            <p className="mb-3 text-sm text-muted-foreground">
              Overall: {formatNumber(data.utilization.total.bookedHours, 1)} of {formatNumber(data.utilization.total.offeredHours, 1)} offered hours booked ({formatPercent(data.utilization.total.utilization)}).
              {data.utilization.coaches.some((row) => row.offeredHours === null) ? " Coaches without a cached schedule show “—”: refresh their schedules." : ""}
            </p>
          }
          action={!isAdmin ? <RefreshSchedulesButton coachUserId={viewerId} onDone={onRefreshed} /> : data.filters.coachUserId ? <RefreshSchedulesButton coachUserId={data.filters.coachUserId} onDone={onRefreshed} /> : null}
        >
          <SimpleBarChart
            data={data.utilization.coaches.slice(0, 15).map((row) => ({ coach: row.coachName, utilization: row.utilization ?? 0 }))}
            dataKey="utilization"
            labelKey="coach"
            name="Utilization"
            layout="vertical"
            percent
            height={Math.max(120, Math.min(15, data.utilization.coaches.length) * 32 + 40)}
          />
        </ChartCard>
      </section>

      <section aria-labelledby="changes-heading" className="grid gap-4 lg:grid-cols-2">
        <h2 id="changes-heading" className="text-lg font-semibold lg:col-span-2">
          Reschedules and cancellations
        </h2>
        <ChartCard
          title="Reschedules per chain"
          description={`${reschedules.chains} chain${reschedules.chains === 1 ? "" : "s"} ending in this period; ${reschedules.averageReschedulesPerChain === null ? "—" : reschedules.averageReschedulesPerChain.toFixed(2)} reschedules per chain on average.`}
          csvName="reschedules-per-chain"
          table={{ columns: ["Reschedules", "Chains"], rows: reschedules.chainLengths.map((row) => [row.reschedules, row.chains]) }}
          isEmpty={!reschedules.chains}
          emptyText="No rescheduled bookings in this period."
        >
          <SimpleBarChart data={reschedules.chainLengths} dataKey="chains" labelKey="reschedules" name="Chains" color={SERIES_COLORS.rescheduled} />
        </ChartCard>
        <ChartCard
          title="Reschedule lead time"
          description="How long before the original start the session was moved."
          csvName="reschedule-lead-time"
          table={{ columns: ["Lead time", "Reschedules"], rows: reschedules.leadTimes.map((row) => [row.label, row.count]) }}
          isEmpty={!reschedules.rescheduledSessions}
          emptyText="No rescheduled sessions in this period."
          summary={
            reschedules.repeatReschedulers.length ? (
              <p className="mb-3 text-sm text-muted-foreground">
                Repeat reschedulers: {reschedules.repeatReschedulers.map((row) => `${row.name} (${row.reschedules})`).join(", ")}
              </p>
            ) : null
          }
        >
          <SimpleBarChart data={reschedules.leadTimes} dataKey="count" labelKey="label" name="Reschedules" color={SERIES_COLORS.rescheduled} />
        </ChartCard>
        <ChartCard
          title="Cancellation reasons"
          description={`${cancellations.total} canceled: ${cancellations.byHost} by the host, ${cancellations.byInvitee} by the invitee. Reschedules are not cancellations.`}
          csvName="cancellation-reasons"
          table={{ columns: ["Reason", "Cancellations"], rows: cancellations.reasons.map((row) => [row.reason, row.count]) }}
          isEmpty={!cancellations.total}
          emptyText="No cancellations in this period."
        >
          <SimpleBarChart data={cancellations.reasons} dataKey="count" labelKey="reason" name="Cancellations" color={SERIES_COLORS.canceled} layout="vertical" height={Math.max(120, cancellations.reasons.length * 32 + 40)} />
        </ChartCard>
        <ChartCard
          title="Cancellation lead time"
          description="How long before the start the session was canceled (host cancellations after the start included)."
          csvName="cancellation-lead-time"
          table={{ columns: ["Lead time", "Cancellations"], rows: cancellations.leadTimes.map((row) => [row.label, row.count]) }}
          isEmpty={!cancellations.total}
          emptyText="No cancellations in this period."
        >
          <SimpleBarChart data={cancellations.leadTimes} dataKey="count" labelKey="label" name="Cancellations" color={SERIES_COLORS.canceled} />
        </ChartCard>
      </section>

      <section aria-labelledby="qa-heading" className="grid gap-4 lg:grid-cols-2">
        <h2 id="qa-heading" className="text-lg font-semibold lg:col-span-2">
          Questions and answers
        </h2>
        {questions.questions.length ? (
          questions.questions.map((question) => (
            <ChartCard
              key={question.question}
              title={question.question}
              description={`${question.responses} answer${question.responses === 1 ? "" : "s"}; ${question.kind === "choice" ? "top choices" : "frequent terms (used in two answers or more)"}.`}
              csvName={`answers-${question.question.toLowerCase().replace(/[^a-z0-9]+/g, "-").slice(0, 40)}`}
              table={{ columns: [question.kind === "choice" ? "Answer" : "Term", question.kind === "choice" ? "Answers" : "Answers using it"], rows: question.top.map((row) => [row.value, row.count]) }}
              isEmpty={!question.top.length}
              emptyText="No term appears in two answers or more yet."
            >
              <SimpleBarChart data={question.top} dataKey="count" labelKey="value" name="Answers" layout="vertical" height={Math.max(120, question.top.length * 30 + 40)} />
            </ChartCard>
          ))
        ) : (
          <EmptyState headingLevel="h3" title="No answers yet" description="Answers to booking questions show up here." className="lg:col-span-2" />
        )}
      </section>

      <section aria-labelledby="booking-heading" className="grid gap-4">
        <h2 id="booking-heading" className="text-lg font-semibold">
          Booking success
        </h2>
        <ChartCard
          title="Bookings started in Sessionly vs completed"
          description={`${bookingSuccess.total.completed} of ${bookingSuccess.total.started} started bookings completed (${formatPercent(bookingSuccess.total.successRate)}).`}
          csvName="booking-success"
          table={{
            columns: ["Coach", "Started", "Completed", "Success (%)", "Popup", "Form"],
            rows: bookingSuccess.coaches.map((row) => [row.coachName, row.started, row.completed, row.successRate === null ? null : Number((row.successRate * 100).toFixed(1)), row.startedByPopup, row.startedByApi]),
          }}
          isEmpty={!bookingSuccess.coaches.length}
          emptyText="No bookings were started in Sessionly in this period."
        >
          <SimpleBarChart
            data={bookingSuccess.coaches.slice(0, 15).map((row) => ({ coach: row.coachName, success: row.successRate ?? 0 }))}
            dataKey="success"
            labelKey="coach"
            name="Success rate"
            color={SERIES_COLORS.completed}
            layout="vertical"
            percent
            height={Math.max(120, Math.min(15, bookingSuccess.coaches.length) * 32 + 40)}
          />
        </ChartCard>
      </section>
      <p className="text-xs text-muted-foreground">Times are shown in {timeZone}.</p>
    </div>
  );
}

function RefreshSchedulesButton({ coachUserId, onDone }: { coachUserId: string; onDone: () => void }) {
  const [busy, setBusy] = React.useState(false);
  return (
    <Button
      variant="ghost"
      size="sm"
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        try {
          const result = await apiFetch<{ schedules: number }>("/api/analytics/availability-schedules/refresh", { method: "POST", json: { coachUserId } });
          toast.success(`Availability refreshed from Calendly (${result.schedules} schedule${result.schedules === 1 ? "" : "s"}).`);
          onDone();
        } catch (error) {
          toast.error(error instanceof Error ? error.message : "Could not refresh availability.");
        } finally {
          setBusy(false);
        }
      }}
    >
      <RefreshCw aria-hidden="true" className={busy ? "animate-spin" : undefined} />
      Refresh availability
    </Button>
  );
}
