"use client";

import { useState } from "react";
import useSWR from "swr";
import { toast } from "@/components/ui/toast";
import { CalendarCheck2, Link2, Link2Off, RefreshCw } from "lucide-react";
import { apiFetch, ApiRequestError, swrFetcher } from "@/lib/api/fetcher";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { Skeleton } from "@/components/ui/skeleton";
import type { ConnectionStatusDto } from "../connection/connection-status";
import { ConnectionStatusBadge, formatWhen } from "./connection-status-badge";

/** The coach's Calendly connection: status, health, and connect / sync / disconnect actions. */
export function ConnectionPanel({ timeZone }: { timeZone: string }) {
  const { data, error, isLoading, mutate } = useSWR<{ connection: ConnectionStatusDto | null }>("/api/calendly/connection", swrFetcher, {
    refreshInterval: (latest) => (latest?.connection?.syncProgress && !latest.connection.syncProgress.finishedAt ? 2000 : 0),
  });
  const [busy, setBusy] = useState<"sync" | "disconnect" | null>(null);

  if (isLoading) return <Skeleton className="h-48 w-full" />;
  if (error) {
    return (
      <Alert variant="danger" title="Could not load your Calendly connection" action={<Button variant="outline" size="sm" onClick={() => mutate()}>Try again</Button>}>
        {error instanceof ApiRequestError ? error.message : "Please try again."}
      </Alert>
    );
  }
  const connection = data?.connection ?? null;

  async function syncNow() {
    setBusy("sync");
    try {
      await apiFetch("/api/calendly/sync", { method: "POST", json: {} });
      toast.success("Sync started. New and changed sessions will appear shortly.");
      setTimeout(() => mutate(), 1500);
    } catch (failure) {
      toast.error(failure instanceof ApiRequestError ? failure.message : "Sync could not start.");
    } finally {
      setBusy(null);
    }
  }

  async function disconnect() {
    setBusy("disconnect");
    try {
      await apiFetch("/api/calendly/disconnect", { method: "POST", json: {} });
      toast.success("Calendly disconnected. Your past sessions stay in Sessionly.");
      await mutate();
    } catch (failure) {
      toast.error(failure instanceof ApiRequestError ? failure.message : "Could not disconnect.");
    } finally {
      setBusy(null);
    }
  }

  if (!connection || connection.status === "disconnected") {
    return (
      <Card>
        <CardHeader>
          <CardTitle>Connect your Calendly account</CardTitle>
          <CardDescription>
            Sessionly reads your event types, availability and bookings from Calendly, and keeps them in sync. You choose
            which event types realtors can book.
          </CardDescription>
        </CardHeader>
        <CardContent className="flex flex-wrap items-center gap-3">
          <Button asChild>
            <a href="/api/calendly/oauth/start">
              <Link2 aria-hidden="true" /> Connect Calendly
            </a>
          </Button>
          {connection?.status === "disconnected" ? (
            <span className="text-sm text-muted-foreground">Previously connected as {connection.calendly.email ?? connection.calendly.name}.</span>
          ) : null}
        </CardContent>
      </Card>
    );
  }

  const progress = connection.syncProgress;
  const syncing = progress && !progress.finishedAt;
  return (
    <Card>
      <CardHeader className="flex flex-row flex-wrap items-start justify-between gap-3">
        <div className="space-y-1">
          <CardTitle className="flex items-center gap-2">
            <CalendarCheck2 aria-hidden="true" className="size-5 text-primary" />
            {connection.calendly.name ?? "Calendly"}
          </CardTitle>
          <CardDescription>
            {connection.calendly.email}
            {connection.calendly.schedulingUrl ? (
              <>
                {" · "}
                <a className="underline underline-offset-4" href={connection.calendly.schedulingUrl} target="_blank" rel="noreferrer">
                  {connection.calendly.schedulingUrl}
                </a>
              </>
            ) : null}
          </CardDescription>
        </div>
        <ConnectionStatusBadge status={connection.status} />
      </CardHeader>
      <CardContent className="space-y-4">
        {connection.status === "needs_reauth" ? (
          <Alert
            variant="warning"
            title="Calendly needs you to sign in again"
            action={
              <Button asChild size="sm">
                <a href="/api/calendly/oauth/start">Reconnect</a>
              </Button>
            }
          >
            Sessionly can no longer reach your Calendly account, so realtors cannot book you until you reconnect.
          </Alert>
        ) : null}
        {connection.lastError && connection.status === "connected" ? (
          <Alert variant="warning" title="Last problem">
            {connection.lastError}
            {connection.lastErrorAt ? ` (${formatWhen(connection.lastErrorAt, timeZone)})` : ""}
          </Alert>
        ) : null}
        <dl className="grid gap-3 text-sm sm:grid-cols-2 lg:grid-cols-4">
          <div>
            <dt className="text-muted-foreground">Last sync</dt>
            <dd className="font-medium">{connection.lastSyncedAt ? formatWhen(connection.lastSyncedAt, timeZone) : "Not yet"}</dd>
          </div>
          <div>
            <dt className="text-muted-foreground">Last webhook</dt>
            <dd className="font-medium">{connection.webhooks.lastReceivedAt ? formatWhen(connection.webhooks.lastReceivedAt, timeZone) : "None yet"}</dd>
          </div>
          <div>
            <dt className="text-muted-foreground">Webhooks</dt>
            <dd className="font-medium">{connection.webhooks.subscribed ? "Subscribed" : "Not subscribed (periodic sync only)"}</dd>
          </div>
          <div>
            <dt className="text-muted-foreground">Connected with</dt>
            <dd className="font-medium">{connection.authKind === "oauth" ? "Calendly sign-in (OAuth)" : "Personal access token"}</dd>
          </div>
        </dl>
        {syncing ? (
          <p role="status" className="flex items-center gap-2 text-sm text-muted-foreground">
            <RefreshCw aria-hidden="true" className="size-4 animate-spin" />
            {progress.phase === "backfill" ? "Importing your history" : "Syncing"}: {progress.done} sessions checked…
          </p>
        ) : connection.lastRun ? (
          <p className="text-sm text-muted-foreground">
            Last {connection.lastRun.kind === "backfill" ? "import" : "sync"} {connection.lastRun.status}
            {connection.lastRun.eventsRepaired + connection.lastRun.inviteesRepaired > 0
              ? `: ${connection.lastRun.eventsRepaired} sessions and ${connection.lastRun.inviteesRepaired} invitees updated.`
              : ": everything was already up to date."}
          </p>
        ) : null}
        <div className="flex flex-wrap gap-2">
          <Button onClick={syncNow} disabled={busy !== null || connection.status !== "connected"} variant="outline">
            <RefreshCw aria-hidden="true" className={busy === "sync" ? "animate-spin" : undefined} /> Sync now
          </Button>
          <ConfirmDialog
            trigger={
              <Button variant="ghost" disabled={busy !== null}>
                <Link2Off aria-hidden="true" /> Disconnect
              </Button>
            }
            title="Disconnect Calendly?"
            description={
              <>
                Sessionly will stop syncing, revoke its access and remove its webhook. Your past sessions stay here, marked
                as coming from a disconnected account. Realtors will not be able to book you until you reconnect.
              </>
            }
            cancelLabel="Keep connected"
            confirmLabel="Disconnect"
            confirmVariant="destructive"
            onConfirm={disconnect}
          />
        </div>
      </CardContent>
    </Card>
  );
}
