"use client";

import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";

export interface BulkNoShowConfirmDialogProps {
  /** The bulk action to confirm; null: closed. */
  action: "mark" | "unmark" | null;
  markCount: number;
  unmarkCount: number;
  busy: boolean;
  onClose: () => void;
  onConfirm: (action: "mark" | "unmark") => void;
}

/** Confirms a bulk no-show change (loaded on demand by the invitee list). */
export function BulkNoShowConfirmDialog({ action, markCount, unmarkCount, busy, onClose, onConfirm }: BulkNoShowConfirmDialogProps) {
  return (
    <AlertDialog open={action !== null} onOpenChange={(open) => (open ? null : onClose())}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>
            {action === "mark" ? `Mark ${markCount} invitee${markCount === 1 ? "" : "s"} as no-show?` : `Remove ${unmarkCount} no-show mark${unmarkCount === 1 ? "" : "s"}?`}
          </AlertDialogTitle>
          <AlertDialogDescription>
            {action === "mark"
              ? "This is recorded in Calendly too. Sessions that have not started or were canceled are refused; you will see the result for each invitee."
              : "The marks are removed in Calendly too; you will see the result for each invitee."}
          </AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel disabled={busy}>Cancel</AlertDialogCancel>
          <AlertDialogAction
            variant={action === "mark" ? "destructive" : "default"}
            disabled={busy}
            onClick={(event) => {
              event.preventDefault();
              if (action) onConfirm(action);
            }}
          >
            {busy ? "Working…" : action === "mark" ? "Mark as no-show" : "Remove no-shows"}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
