"use client";

import * as React from "react";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "./alert-dialog";
import type { ControlledConfirmDialogProps } from "./confirm-dialog";

/** The Radix side of ControlledConfirmDialog, loaded the first time it opens. */
export function ControlledConfirmDialogContent({
  open,
  onOpenChange,
  title,
  description,
  children,
  cancelLabel,
  cancelDisabled,
  confirmLabel,
  confirmVariant = "default",
  confirmDisabled,
  onConfirm,
}: ControlledConfirmDialogProps) {
  return (
    <AlertDialog open={open} onOpenChange={onOpenChange}>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription>{description}</AlertDialogDescription>
        </AlertDialogHeader>
        {children}
        <AlertDialogFooter>
          <AlertDialogCancel disabled={cancelDisabled}>{cancelLabel}</AlertDialogCancel>
          <AlertDialogAction
            variant={confirmVariant}
            disabled={confirmDisabled}
            onClick={(event) => {
              // The caller closes the dialog when its action is done.
              event.preventDefault();
              onConfirm();
            }}
          >
            {confirmLabel}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
