"use client";

import * as React from "react";
import useSWR from "swr";
import { toast } from "@/components/ui/toast";
import { CalendarSync, Copy, RefreshCw } from "lucide-react";
import { apiFetch, ApiRequestError, swrFetcher } from "@/lib/api/fetcher";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Skeleton } from "@/components/ui/skeleton";
import type { CalendarFeedDto } from "../calendar-feed-token";

/** "Calendar feed": the person's private subscription URL, with subscribe links, rotation and revocation. */
export function CalendarFeedCard() {
  const { data, error, isLoading, mutate } = useSWR<{ feed: CalendarFeedDto }>("/api/calendar/feed", swrFetcher);
  const [busy, setBusy] = React.useState(false);
  const feed = data?.feed;

  async function change(method: "POST" | "DELETE", success: string) {
    setBusy(true);
    try {
      const result = await apiFetch<{ feed: CalendarFeedDto }>("/api/calendar/feed", { method });
      await mutate(result, { revalidate: false });
      toast.success(success);
    } catch (failure) {
      toast.error(failure instanceof ApiRequestError ? failure.message : "Could not change your calendar feed.");
    } finally {
      setBusy(false);
    }
  }

  async function copy() {
    if (!feed?.url) return;
    try {
      await navigator.clipboard.writeText(feed.url);
      toast.success("Feed address copied.");
    } catch {
      toast.error("Could not copy; select the address and copy it yourself.");
    }
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2" className="flex items-center gap-2">
          <CalendarSync aria-hidden="true" className="size-4" /> Calendar feed
        </CardTitle>
        <CardDescription>
          Subscribe from Google Calendar, Outlook or Apple Calendar: your sessions appear there and stay up to date, cancellations included.
          Anyone with the address can read the feed, so keep it private; rotate it if it leaks.
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-3">
        {isLoading ? (
          <Skeleton className="h-16 w-full" />
        ) : error ? (
          <Alert variant="danger" title="Could not load your calendar feed" action={<Button size="sm" variant="outline" onClick={() => mutate()}>Try again</Button>}>
            {error instanceof ApiRequestError ? error.message : "Please try again."}
          </Alert>
        ) : feed?.active && feed.url ? (
          <>
            <div className="flex gap-2">
              <Input readOnly value={feed.url} aria-label="Calendar feed address" onFocus={(event) => event.currentTarget.select()} />
              <Button variant="outline" onClick={copy} aria-label="Copy feed address">
                <Copy aria-hidden="true" />
              </Button>
            </div>
            <div className="flex flex-wrap gap-2">
              {feed.subscribe ? (
                <>
                  <Button size="sm" variant="outline" asChild>
                    <a href={feed.subscribe.google} target="_blank" rel="noreferrer">Add to Google Calendar</a>
                  </Button>
                  <Button size="sm" variant="outline" asChild>
                    <a href={feed.subscribe.outlook} target="_blank" rel="noreferrer">Add to Outlook</a>
                  </Button>
                  <Button size="sm" variant="outline" asChild>
                    <a href={feed.subscribe.webcal}>Open in calendar app</a>
                  </Button>
                </>
              ) : null}
              <Button size="sm" variant="ghost" disabled={busy} onClick={() => change("POST", "New feed address created; the old one no longer works.")}>
                <RefreshCw aria-hidden="true" /> Rotate address
              </Button>
              <ConfirmDialog
                trigger={
                  <Button size="sm" variant="ghost" disabled={busy}>
                    Turn off feed
                  </Button>
                }
                title="Turn off your calendar feed?"
                description="Calendars subscribed to this address stop receiving your sessions."
                cancelLabel="Keep it"
                confirmLabel="Turn off"
                confirmVariant="destructive"
                onConfirm={() => change("DELETE", "Calendar feed turned off.")}
              />
            </div>
          </>
        ) : (
          <Button disabled={busy} onClick={() => change("POST", "Calendar feed created.")}>
            Create my calendar feed
          </Button>
        )}
      </CardContent>
    </Card>
  );
}
