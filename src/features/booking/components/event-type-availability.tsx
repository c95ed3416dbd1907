"use client";

import * as React from "react";
import useSWR, { preload } from "swr";
import { CalendarX2, ChevronLeft, ChevronRight, RotateCw } from "lucide-react";
import { ApiRequestError, swrFetcher } from "@/lib/api/fetcher";
import { addDays, dateInZone, formatDate, formatParts, isIsoDate, mondayOf, zonedParts } from "@/lib/time/zoned";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/utils";
import type { AvailabilityDay, DaySlot, TimeOfDay } from "../compute-availability-days";
import type { AvailabilityDto } from "../get-event-type-availability";
import { DAY_STATUS } from "./day-status";
import { BookingDialog, type BookingQuestion, type PopupConfig } from "./booking-dialog";

/**
 * EventTypeAvailability: one event type's open times, a Monday–Sunday week (or a custom range) in the viewer's zone.
 * Navigation is debounced (rapid clicks make one request), the next week is prefetched, and long ranges load week
 * by week so the first days show while the rest arrive.
 */
export interface EventTypeAvailabilityProps {
  eventType: { uuid: string; name: string; coachName: string; duration: number; durations: number[] };
  questions: BookingQuestion[];
  viewer: { id: string; name: string; email: string; timeZone: string; canBook: boolean };
  popup: PopupConfig | null;
  initialDate?: string;
  initialSlot?: string;
}

const TIMES_OF_DAY: Array<{ value: TimeOfDay; label: string }> = [
  { value: "morning", label: "Morning" },
  { value: "afternoon", label: "Afternoon" },
  { value: "evening", label: "Evening" },
];

const COMMON_ZONES = [
  "America/New_York",
  "America/Chicago",
  "America/Denver",
  "America/Los_Angeles",
  "America/Phoenix",
  "America/Anchorage",
  "Pacific/Honolulu",
  "Europe/London",
  "Europe/Berlin",
  "Asia/Kolkata",
  "Asia/Singapore",
  "Australia/Sydney",
  "UTC",
];

function useDebounced<T>(value: T, delayMs: number): T {
  const [debounced, setDebounced] = React.useState(value);
  React.useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delayMs);
    return () => clearTimeout(timer);
  }, [value, delayMs]);
  return debounced;
}


interface Filters {
  timeOfDay: TimeOfDay[];
  minSlots: number;
  duration: number;
  limitedHours: number;
}

function availabilityUrl(eventTypeUuid: string, from: string, to: string, zone: string, filters: Filters) {
  const params = new URLSearchParams({ event_type: eventTypeUuid, from, to, tz: zone });
  if (filters.timeOfDay.length) params.set("time_of_day", filters.timeOfDay.join(","));
  if (filters.minSlots > 0) params.set("min_slots", String(filters.minSlots));
  params.set("duration", String(filters.duration));
  params.set("limited_hours", String(filters.limitedHours));
  return `/api/calendly/availability?${params}`;
}

/** Splits a custom range into week-sized pieces (loaded one SWR key each, so they render as they arrive). */
function chunksOf(from: string, to: string): Array<{ from: string; to: string }> {
  const chunks: Array<{ from: string; to: string }> = [];
  // While a date field is being edited it can be empty or partial: no chunks then.
  if (!isIsoDate(from) || !isIsoDate(to)) return chunks;
  let start = from;
  while (start <= to) {
    const sixDaysOn = addDays(start, 6);
    const end = sixDaysOn < to ? sixDaysOn : to;
    chunks.push({ from: start, to: end });
    start = addDays(end, 1);
  }
  return chunks;
}

function slotFromSearch(initialSlot: string | undefined, duration: number, zone: string): DaySlot | null {
  if (!initialSlot) return null;
  // An instant like the ones "Find any coach" links with (`2026-03-03T15:00:00.000Z`, or with an offset).
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2})?$/.test(initialSlot)) return null;
  const start = new Date(initialSlot);
  const local = zonedParts(start, zone);
  if (!local || start.getTime() <= Date.now()) return null;
  return {
    start: start.toISOString(),
    end: new Date(start.getTime() + duration * 60_000).toISOString(),
    time: formatParts(local, "HH:mm"),
    timeOfDay: local.hour < 12 ? "morning" : local.hour < 17 ? "afternoon" : "evening",
    remaining: 1,
  };
}

export function EventTypeAvailability({ eventType, questions, viewer, popup, initialDate, initialSlot }: EventTypeAvailabilityProps) {
  const [zone, setZone] = React.useState(viewer.timeZone);
  const today = dateInZone(zone);
  const [weekStart, setWeekStart] = React.useState(() => mondayOf(initialDate && isIsoDate(initialDate) ? initialDate : today));
  const [mode, setMode] = React.useState<"week" | "range">("week");
  const [range, setRange] = React.useState({ from: today, to: addDays(today, 13) });
  const [filters, setFilters] = React.useState<Filters>({ timeOfDay: [], minSlots: 0, duration: eventType.duration, limitedHours: 2 });
  // Opened from "Find any coach" with a time in mind: that time is preselected.
  const [selected, setSelected] = React.useState<DaySlot | null>(() => slotFromSearch(initialSlot, eventType.duration, viewer.timeZone));
  const [dialogOpen, setDialogOpen] = React.useState(() => selected !== null);
  const [refreshToken, setRefreshToken] = React.useState(0);

  const request = useDebounced({ weekStart, zone, filters, mode, range }, 300);
  const weekEnd = addDays(request.weekStart, 6);
  const chunks = request.mode === "week" ? [{ from: request.weekStart, to: weekEnd }] : chunksOf(request.range.from, request.range.to);
  const rangeError =
    request.mode === "range"
      ? request.range.to < request.range.from
        ? "The end date is before the start date."
        : chunks.length > 5
          ? "Pick at most 31 days."
          : null
      : null;

  // Prefetch the next week so "Next week" answers at once.
  React.useEffect(() => {
    if (request.mode !== "week") return;
    const next = addDays(request.weekStart, 7);
    void preload(availabilityUrl(eventType.uuid, next, addDays(next, 6), request.zone, request.filters), swrFetcher).catch(() => {});
  }, [request, eventType.uuid]);

  const zones = COMMON_ZONES.includes(viewer.timeZone) ? COMMON_ZONES : [viewer.timeZone, ...COMMON_ZONES];
  const weekLabel = `${formatDate(weekStart, "d LLL")} – ${formatDate(addDays(weekStart, 6), "d LLL yyyy")}`;

  function toggleTimeOfDay(value: TimeOfDay) {
    setFilters((current) => ({
      ...current,
      timeOfDay: current.timeOfDay.includes(value) ? current.timeOfDay.filter((item) => item !== value) : [...current.timeOfDay, value],
    }));
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-3 rounded-xl border bg-card p-3 sm:p-4">
        <div className="flex flex-wrap items-end gap-2">
          <div className="flex items-center gap-1" role="group" aria-label="Week">
            <Button variant="outline" size="icon" aria-label="Previous week" disabled={mode !== "week"} onClick={() => setWeekStart((current) => addDays(current, -7))}>
              <ChevronLeft />
            </Button>
            <Button variant="outline" size="icon" aria-label="Next week" disabled={mode !== "week"} onClick={() => setWeekStart((current) => addDays(current, 7))}>
              <ChevronRight />
            </Button>
            <Button variant="ghost" size="sm" onClick={() => { setMode("week"); setWeekStart(mondayOf(today)); }}>
              This week
            </Button>
          </div>
          <p className="min-w-0 flex-1 text-sm font-medium" aria-live="polite">
            {mode === "week" ? weekLabel : `${formatDate(range.from, "d LLL")} – ${formatDate(range.to, "d LLL yyyy")}`}
          </p>
          <Field label="Jump to date" className="w-full sm:w-40">
            <Input type="date" value={weekStart} onChange={(event) => { if (isIsoDate(event.target.value)) { setMode("week"); setWeekStart(mondayOf(event.target.value)); } }} />
          </Field>
          <Field label="Time zone" className="w-full sm:w-52">
            <NativeSelect value={zone} onChange={(event) => setZone(event.target.value)}>
              {zones.map((item) => (
                <option key={item} value={item}>
                  {item}
                </option>
              ))}
            </NativeSelect>
          </Field>
        </div>
        <div className="flex flex-wrap items-end gap-3">
          <fieldset className="flex flex-wrap items-center gap-1.5">
            <legend className="mb-1.5 text-sm font-medium">Time of day</legend>
            {TIMES_OF_DAY.map((item) => (
              <Button
                key={item.value}
                size="sm"
                variant={filters.timeOfDay.includes(item.value) ? "default" : "outline"}
                aria-pressed={filters.timeOfDay.includes(item.value)}
                onClick={() => toggleTimeOfDay(item.value)}
              >
                {item.label}
              </Button>
            ))}
          </fieldset>
          <Field label="Min. open times per day" className="w-full sm:w-44">
            <Input type="number" min={0} max={50} value={filters.minSlots} onChange={(event) => setFilters((current) => ({ ...current, minSlots: Math.max(0, Number(event.target.value) || 0) }))} />
          </Field>
          {eventType.durations.length > 1 ? (
            <Field label="Length" className="w-full sm:w-32">
              <NativeSelect value={filters.duration} onChange={(event) => setFilters((current) => ({ ...current, duration: Number(event.target.value) }))}>
                {eventType.durations.map((minutes) => (
                  <option key={minutes} value={minutes}>
                    {minutes} min
                  </option>
                ))}
              </NativeSelect>
            </Field>
          ) : null}
          <Field label="“Limited” under (hours)" className="w-full sm:w-44">
            <Input type="number" min={0} max={24} step={0.5} value={filters.limitedHours} onChange={(event) => setFilters((current) => ({ ...current, limitedHours: Math.max(0, Number(event.target.value) || 0) }))} />
          </Field>
        </div>
        <details className="text-sm" open={mode === "range"}>
          <summary className="cursor-pointer font-medium">Custom date range</summary>
          <div className="mt-2 flex flex-wrap items-end gap-2">
            <Field label="From" className="w-full sm:w-40">
              <Input type="date" min={today} value={range.from} onChange={(event) => setRange((current) => ({ ...current, from: event.target.value }))} />
            </Field>
            <Field label="To" className="w-full sm:w-40">
              <Input type="date" min={range.from} value={range.to} onChange={(event) => setRange((current) => ({ ...current, to: event.target.value }))} />
            </Field>
            <Button variant={mode === "range" ? "default" : "outline"} onClick={() => setMode("range")}>
              Show range
            </Button>
            {mode === "range" ? (
              <Button variant="ghost" onClick={() => setMode("week")}>
                Back to week view
              </Button>
            ) : null}
          </div>
        </details>
      </div>

      {rangeError ? (
        <Alert variant="warning" title="Check the dates">
          {rangeError}
        </Alert>
      ) : (
        chunks.map((chunk) => (
          <AvailabilityChunk
            key={`${chunk.from}-${refreshToken}`}
            url={availabilityUrl(eventType.uuid, chunk.from, chunk.to, request.zone, request.filters)}
            canBook={viewer.canBook}
            minSlots={request.filters.minSlots}
            onPick={(slot) => { setSelected(slot); setDialogOpen(true); }}
          />
        ))
      )}
      <p className="text-xs text-muted-foreground">Times are shown in {request.zone}. Open times come from the coach&apos;s Calendly and refresh every few minutes.</p>

      {viewer.canBook ? (
        <BookingDialog
          open={dialogOpen}
          onOpenChange={setDialogOpen}
          eventType={eventType}
          slot={selected}
          timeZone={zone}
          questions={questions}
          viewer={viewer}
          popup={popup}
          onStale={() => setRefreshToken((token) => token + 1)}
        />
      ) : null}
    </div>
  );
}

function AvailabilityChunk({ url, canBook, minSlots, onPick }: { url: string; canBook: boolean; minSlots: number; onPick: (slot: DaySlot) => void }) {
  const { data, error, isLoading, mutate } = useSWR<AvailabilityDto>(url, swrFetcher, { keepPreviousData: true, revalidateOnFocus: false, dedupingInterval: 30_000 });
  if (error && !data) {
    return (
      <Alert
        variant="danger"
        title="Could not load open times"
        action={
          <Button size="sm" variant="outline" onClick={() => mutate()}>
            <RotateCw /> Try again
          </Button>
        }
      >
        {error instanceof ApiRequestError ? error.message : "Please try again."}
      </Alert>
    );
  }
  if (isLoading && !data) {
    return (
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-7" aria-busy="true" aria-label="Loading open times">
        {Array.from({ length: 7 }, (_, index) => (
          <Skeleton key={index} className="h-40 w-full" />
        ))}
      </div>
    );
  }
  if (!data) return null;
  const visibleSlots = data.days.reduce((sum, day) => sum + (day.meetsMinimum ? day.slots.length : 0), 0);
  return (
    <section aria-label={`Open times ${data.from} to ${data.to}`} className={cn("space-y-2", isLoading && "opacity-60 transition-opacity")}>
      <div className="flex flex-wrap items-center gap-2 text-sm text-muted-foreground">
        <span>
          {formatDate(data.from, "d LLL")} – {formatDate(data.to, "d LLL")}: {data.totals.slots} open times, {data.totals.openHours} h open
        </span>
      </div>
      {visibleSlots === 0 ? (
        <EmptyState
          icon={CalendarX2}
          headingLevel="h3"
          title="No open times match"
          description={minSlots > 0 ? "No day has that many open times with these filters. Lower the minimum, widen the time of day, or try another week." : "Nothing is open in these days with these filters. Try another week or time of day."}
        />
      ) : null}
      <ol className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4 xl:grid-cols-7">
        {data.days.map((day) => (
          <DayCard key={day.date} day={day} canBook={canBook} onPick={onPick} />
        ))}
      </ol>
    </section>
  );
}

function DayCard({ day, canBook, onPick }: { day: AvailabilityDay; canBook: boolean; onPick: (slot: DaySlot) => void }) {
  const status = DAY_STATUS[day.status];
  return (
    <li className={cn("flex flex-col gap-2 rounded-xl border bg-card p-3", !day.meetsMinimum && "opacity-60")} aria-label={`${formatDate(day.date, "cccc d LLLL")}: ${status.label}`}>
      <div className="flex flex-wrap items-start justify-between gap-1.5">
        <div>
          <p className="text-sm font-semibold whitespace-nowrap">{formatDate(day.date, "ccc d LLL")}</p>
          <p className="text-xs text-muted-foreground">{day.openHours} h open</p>
        </div>
        <Badge variant={status.variant} dot>
          {status.label}
        </Badge>
      </div>
      {day.slots.length && day.meetsMinimum ? (
        <ul className="flex flex-wrap gap-1.5 xl:flex-col">
          {day.slots.map((slot) => (
            <li key={slot.start}>
              <Button
                size="sm"
                variant="outline"
                className="w-full"
                disabled={!canBook}
                aria-label={`${formatDate(day.date, "cccc d LLLL")} at ${slot.time}`}
                onPointerEnter={BookingDialog.preload}
                onFocus={BookingDialog.preload}
                onClick={() => onPick(slot)}
              >
                {slot.time}
              </Button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="text-xs text-muted-foreground">{day.slots.length && !day.meetsMinimum ? `Only ${day.slots.length} open` : "No open times"}</p>
      )}
    </li>
  );
}
