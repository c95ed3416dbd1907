"use client";

import { useState } from "react";
import useSWR from "swr";
import { toast } from "@/components/ui/toast";
import { Download, Eraser, Timer } from "lucide-react";
import { apiFetch, ApiRequestError, swrFetcher } from "@/lib/api/fetcher";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { ControlledConfirmDialog } from "@/components/ui/confirm-dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { PrivacyOverviewDto } from "../privacy-overview";
import type { RetentionResult } from "../run-retention";
import type { ErasureResult } from "../erase-person";
import { ADMIN_ERASE_PHRASE } from "../erase-phrases";

function formatWhen(iso: string, timeZone: string) {
  return new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short", year: "numeric", hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
}

const DELETION_LABEL: Record<string, { label: string; variant: "success" | "warning" | "danger" | "neutral" }> = {
  requested: { label: "Requested from Calendly", variant: "success" },
  not_available: { label: "Not available", variant: "warning" },
  failed: { label: "Failed", variant: "danger" },
  not_applicable: { label: "Not needed", variant: "neutral" },
};

/** The admin's privacy tools: export and erase by email, retention dry run and purge, with recent history. */
export function AdminPrivacyPanel({ timeZone }: { timeZone: string }) {
  const { data, error, isLoading, mutate } = useSWR<PrivacyOverviewDto>("/api/admin/privacy", swrFetcher);
  const [exportEmail, setExportEmail] = useState("");
  const [eraseEmail, setEraseEmail] = useState("");
  const [phrase, setPhrase] = useState("");
  const [cancelFuture, setCancelFuture] = useState(true);
  const [confirmErase, setConfirmErase] = useState(false);
  const [confirmPurge, setConfirmPurge] = useState(false);
  const [busy, setBusy] = useState<"erase" | "dry" | "purge" | null>(null);
  const [lastErasure, setLastErasure] = useState<ErasureResult | null>(null);
  const [lastRun, setLastRun] = useState<RetentionResult | null>(null);
  const emailValid = /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(eraseEmail.trim());

  async function erase() {
    setBusy("erase");
    try {
      const result = await apiFetch<{ erasure: ErasureResult }>("/api/admin/privacy/erase", {
        method: "POST",
        json: { email: eraseEmail.trim(), confirmation: phrase, cancelFutureSessions: cancelFuture },
      });
      setLastErasure(result.erasure);
      setEraseEmail("");
      setPhrase("");
      toast.success("The person's data was erased.");
      await mutate();
    } catch (failure) {
      toast.error(failure instanceof ApiRequestError ? failure.message : "The erasure did not complete. Please try again.");
    } finally {
      setBusy(null);
      setConfirmErase(false);
    }
  }

  async function retention(dryRun: boolean) {
    setBusy(dryRun ? "dry" : "purge");
    try {
      const result = await apiFetch<{ run: RetentionResult }>("/api/admin/privacy/retention", { method: "POST", json: { dryRun } });
      setLastRun(result.run);
      toast.success(dryRun ? `Dry run: ${result.run.inviteesMatched} invitees would be purged.` : `${result.run.inviteesPurged} invitees purged.`);
      await mutate();
    } catch (failure) {
      toast.error(failure instanceof ApiRequestError ? failure.message : "Retention did not run. Please try again.");
    } finally {
      setBusy(null);
      setConfirmPurge(false);
    }
  }

  return (
    <div className="space-y-6">
      <div className="grid gap-6 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle className="flex items-center gap-2"><Download aria-hidden="true" className="size-5" /> Export a person&apos;s data</CardTitle>
            <CardDescription>Everything Sessionly holds about a realtor or coach (or an invitee without an account), as JSON. Secrets are never included.</CardDescription>
          </CardHeader>
          <CardContent>
            {/* A plain GET form: the answer is an attachment, so the browser downloads it and stays on this page. */}
            <form method="get" action="/api/admin/privacy/export" className="flex flex-col gap-3 sm:flex-row sm:items-end">
              <Field label="Email" className="flex-1">
                <Input type="email" name="email" required value={exportEmail} onChange={(event) => setExportEmail(event.target.value)} placeholder="realtor@example.com" />
              </Field>
              <Button type="submit" variant="outline" disabled={!exportEmail.trim()}>Download export</Button>
            </form>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle className="flex items-center gap-2"><Eraser aria-hidden="true" className="size-5" /> Erase a person&apos;s data</CardTitle>
            <CardDescription>
              Cancels their future sessions through Calendly, asks Calendly to delete the invitee&apos;s data where the plan allows, and
              pseudonymizes them in Sessionly. The audit log keeps the actions without the identity. This cannot be undone.
            </CardDescription>
          </CardHeader>
          <CardContent className="space-y-3">
            <Field label="Email">
              <Input type="email" value={eraseEmail} onChange={(event) => setEraseEmail(event.target.value)} placeholder="realtor@example.com" />
            </Field>
            <div className="flex items-center gap-2">
              <Checkbox id="erase-cancel-future" checked={cancelFuture} onCheckedChange={(value) => setCancelFuture(value === true)} />
              <Label htmlFor="erase-cancel-future">Cancel their future sessions in Calendly first</Label>
            </div>
            <Button variant="destructive" disabled={!emailValid} onClick={() => setConfirmErase(true)}>Erase…</Button>
            {lastErasure ? (
              <Alert variant={lastErasure.cancellationFailures.length ? "warning" : "success"} title="Erasure completed">
                {lastErasure.sessionsCanceled} future sessions canceled
                {lastErasure.cancellationFailures.length ? `, ${lastErasure.cancellationFailures.length} could not be (${lastErasure.cancellationFailures[0].reason})` : ""};{" "}
                {lastErasure.inviteesScrubbed} bookings scrubbed; {lastErasure.auditRowsPseudonymized} audit entries pseudonymized. Calendly deletion:{" "}
                {DELETION_LABEL[lastErasure.calendlyDeletion.status]?.label ?? lastErasure.calendlyDeletion.status} ({lastErasure.calendlyDeletion.detail})
              </Alert>
            ) : null}
          </CardContent>
        </Card>
      </div>

      <Card>
        <CardHeader>
          <CardTitle className="flex items-center gap-2"><Timer aria-hidden="true" className="size-5" /> Retention</CardTitle>
          <CardDescription>
            Invitees&apos; names, emails and answers are purged from sessions that started more than{" "}
            {data ? `${data.retentionMonths} months` : "the retention period"} ago (RETENTION_MONTHS); sessions and their counts stay for
            analytics. A daily job does this automatically; a dry run only counts.
          </CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          <div className="flex flex-wrap gap-2">
            <Button variant="outline" disabled={busy !== null} onClick={() => void retention(true)}>{busy === "dry" ? "Counting…" : "Dry run"}</Button>
            <Button variant="destructive" disabled={busy !== null} onClick={() => setConfirmPurge(true)}>Purge now…</Button>
          </div>
          {lastRun ? (
            <Alert variant="info" title={lastRun.dryRun ? "Dry run: nothing was changed" : "Purge finished"}>
              Sessions before {formatWhen(lastRun.cutoff, timeZone)}: {lastRun.sessionsMatched} sessions, {lastRun.inviteesMatched} invitees
              {lastRun.dryRun ? " would be purged" : `, ${lastRun.inviteesPurged} purged`}; {lastRun.webhookPayloadsPurged} stored webhook payloads.
            </Alert>
          ) : null}
          {error ? (
            <Alert variant="danger" title="Could not load privacy history">{error instanceof ApiRequestError ? error.message : "Please try again."}</Alert>
          ) : isLoading || !data ? (
            <Skeleton className="h-32 w-full" />
          ) : data.retentionRuns.length === 0 ? (
            <p className="text-sm text-muted-foreground">No retention run yet.</p>
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Started ({timeZone})</TableHead>
                  <TableHead>Kind</TableHead>
                  <TableHead>By</TableHead>
                  <TableHead className="text-right">Sessions</TableHead>
                  <TableHead className="text-right">Invitees matched</TableHead>
                  <TableHead className="text-right">Purged</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.retentionRuns.map((run) => (
                  <TableRow key={run.id}>
                    <TableCell className="whitespace-nowrap text-sm">{formatWhen(run.startedAt, timeZone)}</TableCell>
                    <TableCell><Badge variant={run.dryRun ? "neutral" : "info"}>{run.dryRun ? "Dry run" : "Purge"}</Badge> <span className="text-xs text-muted-foreground">{run.months} months</span></TableCell>
                    <TableCell className="text-sm">{run.trigger === "admin" ? "Admin" : run.trigger === "job" ? "Daily job" : "Command"}</TableCell>
                    <TableCell className="text-right tabular-nums">{run.sessionsMatched}</TableCell>
                    <TableCell className="text-right tabular-nums">{run.inviteesMatched}</TableCell>
                    <TableCell className="text-right tabular-nums">{run.dryRun ? "—" : run.inviteesPurged}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>

      <Card>
        <CardHeader>
          <CardTitle>Recent erasures</CardTitle>
          <CardDescription>Who was erased is not kept: each erasure is known by its pseudonym.</CardDescription>
        </CardHeader>
        <CardContent>
          {error ? (
            <p className="text-sm text-muted-foreground">Erasure history could not be loaded.</p>
          ) : !data ? (
            <Skeleton className="h-24 w-full" />
          ) : data.erasures.length === 0 ? (
            <p className="text-sm text-muted-foreground">No erasure yet.</p>
          ) : (
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>When ({timeZone})</TableHead>
                  <TableHead>Pseudonym</TableHead>
                  <TableHead>Requested by</TableHead>
                  <TableHead>Status</TableHead>
                  <TableHead className="text-right">Sessions canceled</TableHead>
                  <TableHead className="text-right">Bookings scrubbed</TableHead>
                  <TableHead>Calendly deletion</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.erasures.map((erasure) => (
                  <TableRow key={erasure.id}>
                    <TableCell className="whitespace-nowrap text-sm">{formatWhen(erasure.createdAt, timeZone)}</TableCell>
                    <TableCell className="text-xs text-muted-foreground">{erasure.subjectPseudonym}</TableCell>
                    <TableCell className="text-sm">{erasure.requestedBy === "self" ? "The person" : "An admin"}</TableCell>
                    <TableCell><Badge variant={erasure.status === "completed" ? "success" : erasure.status === "failed" ? "danger" : "neutral"}>{erasure.status}</Badge></TableCell>
                    <TableCell className="text-right tabular-nums">{erasure.sessionsCanceled}{erasure.cancellationFailures ? ` (+${erasure.cancellationFailures} not)` : ""}</TableCell>
                    <TableCell className="text-right tabular-nums">{erasure.inviteesScrubbed}</TableCell>
                    <TableCell className="max-w-xs text-sm" title={erasure.calendlyDeletion?.detail}>
                      {erasure.calendlyDeletion ? (
                        <Badge variant={DELETION_LABEL[erasure.calendlyDeletion.status]?.variant ?? "neutral"}>{DELETION_LABEL[erasure.calendlyDeletion.status]?.label ?? erasure.calendlyDeletion.status}</Badge>
                      ) : "—"}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          )}
        </CardContent>
      </Card>

      <ControlledConfirmDialog
        open={confirmErase}
        onOpenChange={(open) => { if (!busy) setConfirmErase(open); }}
        title={`Erase ${eraseEmail.trim()}?`}
        description={
          <>
            {cancelFuture ? "Their future sessions are canceled in Calendly first. " : ""}Their name, email and answers are removed from Sessionly
            for good. Type “{ADMIN_ERASE_PHRASE}” to confirm.
          </>
        }
        cancelLabel="Keep their data"
        cancelDisabled={busy !== null}
        confirmLabel={busy === "erase" ? "Erasing…" : "Erase their data"}
        confirmVariant="destructive"
        confirmDisabled={busy !== null || phrase.trim().toLowerCase() !== ADMIN_ERASE_PHRASE}
        onConfirm={() => void erase()}
      >
        <Field label="Confirmation">
          <Input value={phrase} onChange={(event) => setPhrase(event.target.value)} autoComplete="off" />
        </Field>
      </ControlledConfirmDialog>

      <ControlledConfirmDialog
        open={confirmPurge}
        onOpenChange={(open) => { if (!busy) setConfirmPurge(open); }}
        title="Purge personal data past retention?"
        description={
          <>
            Invitees&apos; names, emails and answers of sessions older than {data?.retentionMonths ?? "the retention period"} months are removed for good. Run a dry run first to see how many.
          </>
        }
        cancelLabel="Not now"
        cancelDisabled={busy !== null}
        confirmLabel={busy === "purge" ? "Purging…" : "Purge"}
        confirmVariant="destructive"
        confirmDisabled={busy !== null}
        onConfirm={() => void retention(false)}
      />
    </div>
  );
}
