"use client";

import { CheckCircle2, MinusCircle, XCircle } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import type { BulkNoShowResult } from "../bulk-change-no-shows";

const ICONS = {
  done: <CheckCircle2 aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-success" />,
  skipped: <MinusCircle aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-muted-foreground" />,
  failed: <XCircle aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-danger" />,
};
const OUTCOME_TEXT = { done: "Done", skipped: "Skipped", failed: "Failed" };

/** One line per invitee of a bulk no-show change: what happened, and why when it did not. */
export interface BulkResultsDialogProps {
  result: BulkNoShowResult | null;
  names: Map<string, string>;
  onClose: () => void;
}

export function BulkResultsDialog({ result, names, onClose }: BulkResultsDialogProps) {
  return (
    <Dialog open={result !== null} onOpenChange={(open) => (open ? null : onClose())}>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>No-show changes</DialogTitle>
          <DialogDescription>
            {result ? `${result.summary.done} done, ${result.summary.skipped} skipped, ${result.summary.failed} failed.` : null}
          </DialogDescription>
        </DialogHeader>
        <ul className="grid max-h-[50dvh] gap-2 overflow-y-auto text-sm" aria-label="Results per invitee">
          {result?.results.map((item) => (
            <li key={`${item.action}-${item.invitee}`} className="flex gap-2 rounded-lg border p-2.5">
              {ICONS[item.outcome]}
              <span className="min-w-0">
                <span className="font-medium">{names.get(item.invitee) ?? "Invitee"}</span>
                <span className="text-muted-foreground">
                  {" "}
                  · {item.action === "mark" ? "mark" : "unmark"} · {OUTCOME_TEXT[item.outcome]}
                </span>
                <span className="block text-muted-foreground">{item.message}</span>
              </span>
            </li>
          ))}
        </ul>
        <DialogFooter>
          <Button onClick={onClose}>Close</Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
