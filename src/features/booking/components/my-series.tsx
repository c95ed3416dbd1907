"use client";

import useSWR from "swr";
import { toast } from "@/components/ui/toast";
import { apiFetch, ApiRequestError, swrFetcher } from "@/lib/api/fetcher";
import { formatInZone } from "@/lib/time/zoned";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import type { CancelRemainingResultDto, SeriesDto } from "../series";

/** The realtor's recurring series, with "cancel remaining" (future sessions only). Hidden when there are none. */
export function MySeries({ timeZone }: { timeZone: string }) {
  const { data, mutate } = useSWR<{ series: SeriesDto[] }>("/api/booking/series", swrFetcher);
  if (!data || data.series.length === 0) return null;

  async function cancelRemaining(series: SeriesDto) {
    if (!window.confirm(`Cancel the ${series.remaining} upcoming session(s) of this series? Past sessions are kept.`)) return;
    try {
      const result = await apiFetch<CancelRemainingResultDto>(`/api/booking/series/${series.id}/cancel-remaining`, { method: "POST", json: { reason: "Series canceled by the realtor in Sessionly" } });
      const failed = result.results.filter((item) => item.status === "failed");
      if (failed.length) toast.warning(`${result.results.length - failed.length} canceled, ${failed.length} could not be: ${failed[0].reason ?? "Calendly refused"}`);
      else toast.success(`${result.results.length} upcoming session(s) canceled.`);
      await mutate();
    } catch (failure) {
      toast.error(failure instanceof ApiRequestError ? failure.message : "Could not cancel the series.");
    }
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2">Your recurring series</CardTitle>
        <CardDescription>Sessions you booked together. Canceling the rest keeps past sessions.</CardDescription>
      </CardHeader>
      <CardContent>
        <ul className="divide-y">
          {data.series.map((series) => (
            <li key={series.id} className="flex flex-col gap-2 py-3 sm:flex-row sm:items-center sm:justify-between">
              <div className="min-w-0">
                <p className="font-medium">
                  {series.eventTypeName} with {series.coachName}
                </p>
                <p className="text-sm text-muted-foreground">
                  {series.frequency === "weekly" ? "Weekly" : "Every two weeks"} ·{" "}
                  {series.sessions.map((session) => formatInZone(session.start, timeZone, "d LLL")).join(", ") || "no sessions"} ({timeZone})
                </p>
                {series.notBooked.length ? <p className="text-xs text-muted-foreground">{series.notBooked.length} time(s) could not be booked.</p> : null}
              </div>
              <div className="flex items-center gap-2">
                <Badge variant={series.remaining ? "info" : "neutral"}>{series.remaining} upcoming</Badge>
                <Button size="sm" variant="outline" disabled={series.remaining === 0} onClick={() => cancelRemaining(series)}>
                  Cancel remaining
                </Button>
              </div>
            </li>
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}
