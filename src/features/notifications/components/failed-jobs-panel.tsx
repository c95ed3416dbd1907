"use client";

import { useState } from "react";
import useSWR from "swr";
import { toast } from "@/components/ui/toast";
import { CircleCheck, RotateCcw } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { apiFetch, ApiRequestError, swrFetcher } from "@/lib/api/fetcher";
import type { FailuresDto } from "../admin-jobs";
import { formatInstant } from "../format-session-time";

/** Dead-letter jobs and permanently failed emails, each with its error and a retry button. */
export function FailedJobsPanel({ timeZone }: { timeZone: string }) {
  const { data, mutate, isLoading } = useSWR<FailuresDto>("/api/admin/jobs", swrFetcher, { refreshInterval: 15_000 });
  if (isLoading || !data) return <Skeleton className="h-64 w-full" />;
  return (
    <div className="space-y-6">
      <Card>
        <CardHeader>
          <CardTitle>Failed emails</CardTitle>
          <CardDescription>Messages that could not be delivered after their retries, or that the mail server refused.</CardDescription>
        </CardHeader>
        <CardContent>
          {data.failedMessages.length === 0 ? (
            <EmptyState icon={CircleCheck} title="No failed emails" description="Every queued email was delivered or is still being tried." />
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Email</TableHead>
                  <TableHead>Error</TableHead>
                  <TableHead>Failed</TableHead>
                  <TableHead>
                    <span className="sr-only">Actions</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.failedMessages.map((message) => (
                  <TableRow key={message.id}>
                    <TableCell className="text-sm">
                      <div className="font-medium">{message.subject ?? message.kind}</div>
                      <div className="text-muted-foreground">
                        to {message.to} · {message.attempts} attempt{message.attempts === 1 ? "" : "s"}
                      </div>
                    </TableCell>
                    <TableCell className="max-w-md text-sm text-danger">{message.lastError ?? "—"}</TableCell>
                    <TableCell className="whitespace-nowrap text-sm">{message.failedAt ? formatInstant(message.failedAt, timeZone) : "—"}</TableCell>
                    <TableCell>
                      <RetryButton path={`/api/admin/mailbox/${message.id}/retry`} label={`Retry email to ${message.to}`} onDone={() => mutate()} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Dead-letter queue</CardTitle>
          <CardDescription>Background jobs that failed after their last retry (webhook processing, syncs, reminders…).</CardDescription>
        </CardHeader>
        <CardContent>
          {data.deadLetters.length === 0 ? (
            <EmptyState icon={CircleCheck} title="No failed jobs" description="Nothing is waiting in the dead-letter queue." />
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Queue</TableHead>
                  <TableHead>Job</TableHead>
                  <TableHead>Error</TableHead>
                  <TableHead>Failed</TableHead>
                  <TableHead>
                    <span className="sr-only">Actions</span>
                  </TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.deadLetters.map((job) => (
                  <TableRow key={job.id}>
                    <TableCell className="font-medium">{job.queue ?? "unknown"}</TableCell>
                    <TableCell className="max-w-xs truncate font-mono text-xs">{JSON.stringify(job.data)}</TableCell>
                    <TableCell className="max-w-md text-sm text-danger">{job.error ?? "—"}</TableCell>
                    <TableCell className="whitespace-nowrap text-sm">{formatInstant(job.failedAt, timeZone)}</TableCell>
                    <TableCell>
                      <RetryButton path={`/api/admin/jobs/${job.id}/retry`} label={`Retry ${job.queue ?? "job"}`} onDone={() => mutate()} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>
    </div>
  );
}

function RetryButton({ path, label, onDone }: { path: string; label: string; onDone: () => void }) {
  const [busy, setBusy] = useState(false);
  return (
    <Button
      size="sm"
      variant="outline"
      aria-label={label}
      disabled={busy}
      onClick={async () => {
        setBusy(true);
        try {
          await apiFetch(path, { method: "POST" });
          toast.success("Queued again.");
          onDone();
        } catch (failure) {
          toast.error(failure instanceof ApiRequestError ? failure.message : "Could not retry.");
        } finally {
          setBusy(false);
        }
      }}
    >
      <RotateCcw aria-hidden="true" /> Retry
    </Button>
  );
}
