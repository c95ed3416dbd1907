"use client";

import * as React from "react";
import Link from "next/link";
import useSWR from "swr";
import { ArrowRight, RotateCw, SearchX, UserRoundX } from "lucide-react";
import { ApiRequestError, swrFetcher } from "@/lib/api/fetcher";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Skeleton } from "@/components/ui/skeleton";
import type { DirectoryCoachDto } from "../list-coach-directory";

/** The coach directory: search by name, filter by length; coaches who can't be booked say why. */
const DURATIONS = [15, 30, 45, 60, 90];

export function CoachDirectory() {
  const [search, setSearch] = React.useState("");
  const [duration, setDuration] = React.useState("");
  const [debouncedSearch, setDebouncedSearch] = React.useState("");
  React.useEffect(() => {
    const timer = setTimeout(() => setDebouncedSearch(search), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const params = new URLSearchParams();
  if (debouncedSearch.trim()) params.set("q", debouncedSearch.trim());
  if (duration) params.set("duration", duration);
  const { data, error, isLoading, mutate } = useSWR<{ coaches: DirectoryCoachDto[] }>(`/api/booking/coaches?${params}`, swrFetcher, { keepPreviousData: true });

  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <Field label="Search coaches" className="flex-1">
          <Input type="search" placeholder="Coach or session name" value={search} onChange={(event) => setSearch(event.target.value)} />
        </Field>
        <Field label="Length" className="sm:w-40">
          <NativeSelect value={duration} onChange={(event) => setDuration(event.target.value)}>
            <option value="">Any length</option>
            {DURATIONS.map((minutes) => (
              <option key={minutes} value={minutes}>
                {minutes} minutes
              </option>
            ))}
          </NativeSelect>
        </Field>
      </div>

      {error && !data ? (
        <Alert variant="danger" title="Could not load coaches" action={<Button size="sm" variant="outline" onClick={() => mutate()}><RotateCw /> Try again</Button>}>
          {error instanceof ApiRequestError ? error.message : "Please try again."}
        </Alert>
      ) : isLoading && !data ? (
        <div className="grid gap-4 md:grid-cols-2" aria-busy="true" aria-label="Loading coaches">
          {Array.from({ length: 4 }, (_, index) => (
            <Skeleton key={index} className="h-44 w-full" />
          ))}
        </div>
      ) : data && data.coaches.length === 0 ? (
        <EmptyState
          icon={SearchX}
          title={debouncedSearch || duration ? "No coach matches" : "No coaches yet"}
          description={debouncedSearch || duration ? "Try another name or length." : "Coaches appear here once they connect Calendly and offer sessions."}
        />
      ) : (
        <ul className="grid gap-4 md:grid-cols-2">
          {data?.coaches.map((coach) => (
            <li key={coach.coachUserId}>
              <Card className={coach.available ? "h-full" : "h-full opacity-80"}>
                <CardHeader>
                  <div className="flex items-start justify-between gap-2">
                    <CardTitle as="h2">{coach.name}</CardTitle>
                    {coach.available ? <Badge variant="success" dot>Taking bookings</Badge> : <Badge variant="neutral" dot>Unavailable</Badge>}
                  </div>
                  {coach.timeZone ? <CardDescription>Based in {coach.timeZone}</CardDescription> : null}
                </CardHeader>
                <CardContent>
                  {!coach.available ? (
                    <p className="flex items-center gap-2 text-sm text-muted-foreground">
                      <UserRoundX aria-hidden="true" className="size-4 shrink-0" />
                      {coach.unavailableReason}
                    </p>
                  ) : coach.eventTypes.length === 0 ? (
                    <p className="text-sm text-muted-foreground">No session of that length.</p>
                  ) : (
                    <ul className="divide-y">
                      {coach.eventTypes.map((eventType) => (
                        <li key={eventType.uuid}>
                          <Link
                            href={`/coaches/${coach.coachUserId}/${eventType.uuid}`}
                            className="group flex items-start justify-between gap-3 rounded-md py-2.5 outline-none focus-visible:ring-2 focus-visible:ring-ring"
                          >
                            <span className="min-w-0">
                              <span className="block font-medium group-hover:underline">{eventType.name}</span>
                              {eventType.description ? <span className="line-clamp-2 text-sm text-muted-foreground">{eventType.description}</span> : null}
                            </span>
                            <span className="flex shrink-0 items-center gap-1.5 text-sm text-muted-foreground">
                              {eventType.durations.join(" / ")} min
                              {eventType.kind === "group" ? <Badge variant="info">Group</Badge> : null}
                              <ArrowRight aria-hidden="true" className="size-4" />
                            </span>
                          </Link>
                        </li>
                      ))}
                    </ul>
                  )}
                </CardContent>
              </Card>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
