"use client";

import * as React from "react";
import { toast } from "@/components/ui/toast";
import { apiFetch, ApiRequestError } from "@/lib/api/fetcher";
import { Button } from "@/components/ui/button";
import {
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
} from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Textarea } from "@/components/ui/textarea";
import type { BatchCancelResult } from "../cancel-sessions";
import type { CancelMode, CancelSessionsDialogProps } from "./cancel-sessions-dialog";

const MAX_REASON = 500;

/** The dialog itself, loaded on demand by ./cancel-sessions-dialog. */
export function CancelSessionsDialog({
  open,
  onOpenChange,
  sessions,
  mode = "cancel",
  onDone,
}: CancelSessionsDialogProps) {
  const [busy, setBusy] = React.useState(false);
  return (
    <Dialog open={open} onOpenChange={(next) => !busy && onOpenChange(next)}>
      <DialogContent>
        {/* Mounted only while open, so every opening starts with an empty reason. */}
        <CancelForm
          sessions={sessions}
          mode={mode}
          onDone={onDone}
          onClose={() => onOpenChange(false)}
          busy={busy}
          setBusy={setBusy}
        />
      </DialogContent>
    </Dialog>
  );
}

function CancelForm({
  sessions,
  mode,
  onDone,
  onClose,
  busy,
  setBusy,
}: {
  sessions: CancelSessionsDialogProps["sessions"];
  mode: CancelMode;
  onDone: CancelSessionsDialogProps["onDone"];
  onClose: () => void;
  busy: boolean;
  setBusy: (busy: boolean) => void;
}) {
  const [reason, setReason] = React.useState("");
  const [error, setError] = React.useState<string | null>(null);
  const [failures, setFailures] = React.useState<Array<{ uuid: string; name: string; message: string }>>([]);
  const names = new Map(sessions.map((session) => [session.uuid, session.name]));
  const batch = sessions.length > 1;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const trimmed = reason.trim();
    if (!trimmed) return setError("Give a reason: the invitee sees it in Calendly's cancellation email.");
    if (trimmed.length > MAX_REASON) return setError(`Keep the reason under ${MAX_REASON} characters.`);
    setBusy(true);
    setError(null);
    try {
      if (!batch) {
        const [session] = sessions;
        const path =
          mode === "request_reschedule"
            ? `/api/sessions/${session.uuid}/request_reschedule`
            : `/api/calendly/cancel_event/${session.uuid}`;
        await apiFetch(path, { method: "POST", json: { reason: trimmed } });
        toast.success(
          mode === "request_reschedule"
            ? `“${session.name}” was canceled and the invitee was sent a link to rebook.`
            : `“${session.name}” was canceled.`,
        );
        onDone({ canceled: [session.uuid] });
        onClose();
        return;
      }
      const result = await apiFetch<BatchCancelResult>("/api/calendly/cancel_events", {
        method: "POST",
        json: { uuids: sessions.map((session) => session.uuid), reason: trimmed },
      });
      const canceled = result.results.filter((item) => item.outcome === "done").map((item) => item.uuid);
      const failed = result.results.flatMap((item) =>
        item.outcome === "failed"
          ? [{ uuid: item.uuid, name: names.get(item.uuid) ?? item.uuid, message: item.message }]
          : [],
      );
      if (canceled.length)
        toast.success(`${canceled.length} session${canceled.length === 1 ? " was" : "s were"} canceled.`);
      if (failed.length)
        toast.error(
          `${failed.length} session${failed.length === 1 ? " was" : "s were"} not canceled; see why below.`,
        );
      if (canceled.length) onDone({ canceled });
      if (failed.length) setFailures(failed);
      else onClose();
    } catch (failure) {
      const message =
        failure instanceof ApiRequestError ? failure.message : "Could not reach Sessionly; try again.";
      setError(message);
      toast.error(message);
    } finally {
      setBusy(false);
    }
  }

  const title =
    mode === "request_reschedule"
      ? "Request a reschedule"
      : batch
        ? `Cancel ${sessions.length} sessions`
        : `Cancel “${sessions[0]?.name ?? "session"}”`;

  return (
    <form onSubmit={submit} className="grid gap-4">
      <DialogHeader>
        <DialogTitle>{title}</DialogTitle>
        <DialogDescription>
          {mode === "request_reschedule"
            ? "The session is canceled in Calendly and the invitee gets your reason with a link to book a new time with you."
            : "The session is canceled in Calendly and every invitee is told, with your reason. This cannot be undone."}
        </DialogDescription>
      </DialogHeader>
      {failures.length ? (
        <div role="alert" className="rounded-lg border border-danger/25 bg-danger-soft/60 p-3 text-sm">
          <p className="font-medium">Not canceled:</p>
          <ul className="mt-1 list-disc space-y-1 pl-5">
            {failures.map((failure) => (
              <li key={failure.uuid}>
                <span className="font-medium">{failure.name}</span>: {failure.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <Field
        label="Reason"
        required
        error={error ?? undefined}
        hint={`${reason.trim().length}/${MAX_REASON} characters`}
      >
        <Textarea
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          maxLength={MAX_REASON + 50}
          rows={3}
          disabled={busy}
        />
      </Field>
      <DialogFooter>
        <Button variant="outline" onClick={onClose} disabled={busy}>
          {failures.length ? "Close" : "Keep"}
        </Button>
        {failures.length ? null : (
          <Button type="submit" variant="destructive" disabled={busy}>
            {busy
              ? "Canceling…"
              : mode === "request_reschedule"
                ? "Cancel and send rebook link"
                : batch
                  ? `Cancel ${sessions.length} sessions`
                  : "Cancel session"}
          </Button>
        )}
      </DialogFooter>
    </form>
  );
}
