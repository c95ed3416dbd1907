"use client";

import * as React from "react";
import Link from "next/link";
import useSWR from "swr";
import { RotateCw, SearchX } from "lucide-react";
import { ApiRequestError, swrFetcher } from "@/lib/api/fetcher";
import { addDays, dateInZone, formatDate } from "@/lib/time/zoned";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Skeleton } from "@/components/ui/skeleton";
import type { FindAnyCoachDto } from "../find-any-coach";

/** "Tuesday morning, 30 minutes, any coach": one search across every coach's open times. */
const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
const TIMES = [
  { value: "morning", label: "Morning" },
  { value: "afternoon", label: "Afternoon" },
  { value: "evening", label: "Evening" },
];

export function FindAnyCoach({ timeZone }: { timeZone: string }) {
  const today = dateInZone(timeZone);
  const [form, setForm] = React.useState({ from: today, to: addDays(today, 6), weekdays: [] as number[], times: [] as string[], duration: "" });
  const [query, setQuery] = React.useState<string | null>(null);
  const { data, error, isLoading, mutate } = useSWR<FindAnyCoachDto>(query, swrFetcher, { revalidateOnFocus: false });

  function search(event: React.FormEvent) {
    event.preventDefault();
    const params = new URLSearchParams({ from: form.from, to: form.to, tz: timeZone });
    if (form.weekdays.length) params.set("weekdays", form.weekdays.join(","));
    if (form.times.length) params.set("time_of_day", form.times.join(","));
    if (form.duration) params.set("duration", form.duration);
    setQuery(`/api/booking/find?${params}`);
  }

  const toggle = <T,>(list: T[], value: T) => (list.includes(value) ? list.filter((item) => item !== value) : [...list, value]);

  return (
    <div className="space-y-4">
      <form onSubmit={search} className="space-y-3 rounded-xl border bg-card p-4">
        <div className="grid gap-3 sm:grid-cols-3">
          <Field label="From">
            <Input type="date" min={today} value={form.from} onChange={(event) => setForm({ ...form, from: event.target.value })} required />
          </Field>
          <Field label="To" hint="Up to 14 days">
            <Input type="date" min={form.from} value={form.to} onChange={(event) => setForm({ ...form, to: event.target.value })} required />
          </Field>
          <Field label="Length">
            <NativeSelect value={form.duration} onChange={(event) => setForm({ ...form, duration: event.target.value })}>
              <option value="">Any length</option>
              {[15, 30, 45, 60, 90].map((minutes) => (
                <option key={minutes} value={minutes}>
                  {minutes} minutes
                </option>
              ))}
            </NativeSelect>
          </Field>
        </div>
        <fieldset className="flex flex-wrap items-center gap-1.5">
          <legend className="mb-1.5 text-sm font-medium">Days</legend>
          {WEEKDAYS.map((label, index) => (
            <Button key={label} size="sm" variant={form.weekdays.includes(index + 1) ? "default" : "outline"} aria-pressed={form.weekdays.includes(index + 1)} onClick={() => setForm({ ...form, weekdays: toggle(form.weekdays, index + 1) })}>
              {label}
            </Button>
          ))}
        </fieldset>
        <fieldset className="flex flex-wrap items-center gap-1.5">
          <legend className="mb-1.5 text-sm font-medium">Time of day</legend>
          {TIMES.map((item) => (
            <Button key={item.value} size="sm" variant={form.times.includes(item.value) ? "default" : "outline"} aria-pressed={form.times.includes(item.value)} onClick={() => setForm({ ...form, times: toggle(form.times, item.value) })}>
              {item.label}
            </Button>
          ))}
        </fieldset>
        <div className="flex items-center justify-between gap-2">
          <p className="text-xs text-muted-foreground">Times in {timeZone}.</p>
          <Button type="submit">Search every coach</Button>
        </div>
      </form>

      {!query ? null : error && !data ? (
        <Alert variant="danger" title="The search did not work" action={<Button size="sm" variant="outline" onClick={() => mutate()}><RotateCw /> Try again</Button>}>
          {error instanceof ApiRequestError ? error.message : "Please try again."}
        </Alert>
      ) : isLoading || !data ? (
        <div className="space-y-3" aria-busy="true" aria-label="Searching">
          <Skeleton className="h-28 w-full" />
          <Skeleton className="h-28 w-full" />
        </div>
      ) : data.results.length === 0 ? (
        <EmptyState icon={SearchX} title="No coach is open then" description="Widen the dates, days or time of day." />
      ) : (
        <ul className="space-y-3">
          {data.skipped.length ? (
            <Alert variant="warning" title="Some coaches could not be checked">
              {data.skipped.map((item) => `${item.coachName} (${item.eventTypeName})`).join(", ")}: their Calendly did not answer.
            </Alert>
          ) : null}
          {data.results.map((result) => (
            <li key={result.eventTypeUuid}>
              <Card>
                <CardHeader>
                  <CardTitle as="h2">
                    {result.coachName} · {result.eventTypeName}
                  </CardTitle>
                  <p className="text-sm text-muted-foreground">
                    {result.duration} min · {result.totalSlots} open time{result.totalSlots === 1 ? "" : "s"}
                  </p>
                </CardHeader>
                <CardContent>
                  <ul className="flex flex-wrap gap-1.5">
                    {result.slots.map((slot) => (
                      <li key={slot.start}>
                        <Button asChild size="sm" variant="outline">
                          <Link href={`/coaches/${result.coachUserId}/${result.eventTypeUuid}?date=${slot.date}&slot=${encodeURIComponent(slot.start)}`}>
                            {formatDate(slot.date, "ccc d LLL")} {slot.time}
                          </Link>
                        </Button>
                      </li>
                    ))}
                  </ul>
                  {result.totalSlots > result.slots.length ? (
                    <Link className="mt-2 inline-block text-sm text-primary underline-offset-4 hover:underline" href={`/coaches/${result.coachUserId}/${result.eventTypeUuid}?date=${result.slots[0].date}`}>
                      See all {result.totalSlots} times
                    </Link>
                  ) : null}
                </CardContent>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
