"use client";

import * as React from "react";
import useSWR from "swr";
import { toast } from "@/components/ui/toast";
import { ChevronLeft, ChevronRight, RotateCw } from "lucide-react";
import { apiFetch, ApiRequestError, swrFetcher } from "@/lib/api/fetcher";
import { addDays, dateInZone, formatDate, mondayOf } from "@/lib/time/zoned";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AvailabilitySettingsDto, CoachOverviewDto } from "../coach-availability";
import { DAY_STATUS } from "./day-status";

/** The coach's week across offered event types, the low-availability indicator and its threshold, no-openings flags. */
export function CoachAvailabilityOverview({ timeZone }: { timeZone: string }) {
  const [week, setWeek] = React.useState(() => mondayOf(dateInZone(timeZone)));
  const { data, error, isLoading, mutate } = useSWR<CoachOverviewDto>(`/api/booking/availability-overview?week=${week}&tz=${encodeURIComponent(timeZone)}`, swrFetcher, {
    keepPreviousData: true,
  });

  if (error && !data) {
    return (
      <Alert variant="danger" title="Could not read your availability" action={<Button size="sm" variant="outline" onClick={() => mutate()}><RotateCw /> Try again</Button>}>
        {error instanceof ApiRequestError ? error.message : "Please try again."}
      </Alert>
    );
  }
  if (!data) {
    return (
      <div className="space-y-4" aria-busy="true" aria-label="Loading your availability">
        <Skeleton className="h-20 w-full" />
        <Skeleton className="h-64 w-full" />
      </div>
    );
  }
  if (data.eventTypes.length === 0) {
    return <EmptyState title="You don't offer any event types yet" description="Choose the event types realtors can book on the Calendly page; your availability shows here." />;
  }
  const totals = data.days.reduce((sum, day) => ({ open: sum.open + day.openHours, booked: sum.booked + day.bookedHours }), { open: 0, booked: 0 });

  return (
    <div className="space-y-6">
      {data.lowAvailability.low ? (
        <Alert variant="warning" title="Low availability">
          You have {data.lowAvailability.openHours} open hours in the next {data.lowAvailability.days} days, under your threshold of {data.lowAvailability.minOpenHours}. Realtors may struggle to
          find a time: add hours in Calendly.
        </Alert>
      ) : (
        <Alert variant="success" title="Availability looks healthy">
          {data.lowAvailability.openHours} open hours in the next {data.lowAvailability.days} days (your threshold: {data.lowAvailability.minOpenHours}).
        </Alert>
      )}

      {data.eventTypes
        .filter((eventType) => eventType.noOpeningsFix)
        .map((eventType) => (
          <Alert key={eventType.uuid} variant="danger" title={`“${eventType.name}” has no openings in the next 30 days`}>
            {eventType.noOpeningsFix}
          </Alert>
        ))}

      <Card>
        <CardHeader>
          <div className="flex flex-wrap items-center justify-between gap-2">
            <div>
              <CardTitle as="h2">Week of {formatDate(data.weekStart, "d LLL yyyy")}</CardTitle>
              <CardDescription>
                {Math.round(totals.open * 10) / 10} h open · {Math.round(totals.booked * 10) / 10} h booked · times in {data.timeZone}
              </CardDescription>
            </div>
            <div className="flex items-center gap-1">
              <Button variant="outline" size="icon" aria-label="Previous week" onClick={() => setWeek(addDays(week, -7))}>
                <ChevronLeft />
              </Button>
              <Button variant="outline" size="icon" aria-label="Next week" onClick={() => setWeek(addDays(week, 7))}>
                <ChevronRight />
              </Button>
            </div>
          </div>
        </CardHeader>
        <CardContent className={isLoading ? "opacity-60" : undefined}>
          <div className="overflow-x-auto">
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Day</TableHead>
                  <TableHead>Status</TableHead>
                  <TableHead>Open</TableHead>
                  <TableHead>Booked</TableHead>
                  {data.eventTypes
                    .filter((eventType) => !eventType.error)
                    .map((eventType) => (
                      <TableHead key={eventType.uuid} className="h-auto py-2 whitespace-normal">
                        {eventType.name}
                      </TableHead>
                    ))}
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.days.map((day) => (
                  <TableRow key={day.date} className={day.past ? "text-muted-foreground" : undefined}>
                    <TableCell className="whitespace-nowrap font-medium">{formatDate(day.date, "ccc d LLL")}</TableCell>
                    <TableCell>
                      {day.past ? (
                        <Badge variant="neutral">Past</Badge>
                      ) : (
                        <Badge variant={DAY_STATUS[day.status].variant} dot>
                          {DAY_STATUS[day.status].label}
                        </Badge>
                      )}
                    </TableCell>
                    <TableCell className="whitespace-nowrap">{day.openHours} h</TableCell>
                    <TableCell className="whitespace-nowrap">{day.bookedHours} h</TableCell>
                    {day.byEventType.map((item) => (
                      <TableCell key={item.uuid} className="text-muted-foreground">
                        {item.slots ? (
                          <>
                            <span className="whitespace-nowrap">{item.slots} times</span> · <span className="whitespace-nowrap">{item.openHours} h</span>
                          </>
                        ) : (
                          "—"
                        )}
                      </TableCell>
                    ))}
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </div>
          <ul className="mt-4 flex flex-wrap gap-2">
            {data.eventTypes.map((eventType) => (
              <li key={eventType.uuid}>
                <Badge variant={eventType.error ? "danger" : eventType.hasOpenings === false ? "warning" : "success"} dot>
                  {eventType.name}: {eventType.error ?? (eventType.hasOpenings === false ? "hidden from realtors (no openings)" : "visible to realtors")}
                </Badge>
              </li>
            ))}
          </ul>
        </CardContent>
      </Card>

      <ThresholdForm settings={data.settings} onSaved={() => mutate()} />
    </div>
  );
}

function ThresholdForm({ settings, onSaved }: { settings: AvailabilitySettingsDto; onSaved: () => void }) {
  const [values, setValues] = React.useState({ minOpenHours: String(settings.minOpenHours), windowDays: String(settings.windowDays) });
  const [errors, setErrors] = React.useState<Record<string, string[]>>({});
  const [saving, setSaving] = React.useState(false);

  async function save(event: React.FormEvent) {
    event.preventDefault();
    setSaving(true);
    setErrors({});
    try {
      await apiFetch("/api/booking/availability-settings", { method: "PUT", json: { minOpenHours: Number(values.minOpenHours), windowDays: Number(values.windowDays) } });
      toast.success("Threshold saved.");
      onSaved();
    } catch (failure) {
      if (failure instanceof ApiRequestError && failure.fields) setErrors(failure.fields);
      toast.error(failure instanceof ApiRequestError ? failure.message : "Could not save the threshold.");
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Low-availability threshold</CardTitle>
        <CardDescription>Flag your availability as low when open hours over the next days fall under this.</CardDescription>
      </CardHeader>
      <CardContent>
        <form onSubmit={save} className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <Field label="Fewer than (open hours)" error={errors.minOpenHours?.[0]} className="sm:w-48">
            <Input type="number" min={0} max={168} step={0.5} value={values.minOpenHours} onChange={(event) => setValues({ ...values, minOpenHours: event.target.value })} />
          </Field>
          <Field label="In the next (days)" error={errors.windowDays?.[0]} className="sm:w-40">
            <Input type="number" min={1} max={30} value={values.windowDays} onChange={(event) => setValues({ ...values, windowDays: event.target.value })} />
          </Field>
          <Button type="submit" disabled={saving}>
            {saving ? "Saving…" : "Save"}
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
