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
  AlertDialogTrigger,
} from "./alert-dialog";
import type { ConfirmDialogProps } from "./confirm-dialog";
import type { OnDemandProps } from "./on-demand";

export type ConfirmDialogContentProps = ConfirmDialogProps & OnDemandProps;

/** The Radix side of ConfirmDialog, loaded on demand. */
export function ConfirmDialogContent({ trigger, title, description, cancelLabel, confirmLabel, confirmVariant = "default", onConfirm, openedBy, focusTrigger }: ConfirmDialogContentProps) {
  return (
    <AlertDialog defaultOpen={openedBy !== null}>
      <AlertDialogTrigger asChild>{React.cloneElement(trigger, { autoFocus: focusTrigger && openedBy === null })}</AlertDialogTrigger>
      <AlertDialogContent>
        <AlertDialogHeader>
          <AlertDialogTitle>{title}</AlertDialogTitle>
          <AlertDialogDescription>{description}</AlertDialogDescription>
        </AlertDialogHeader>
        <AlertDialogFooter>
          <AlertDialogCancel>{cancelLabel}</AlertDialogCancel>
          <AlertDialogAction variant={confirmVariant} onClick={onConfirm}>
            {confirmLabel}
          </AlertDialogAction>
        </AlertDialogFooter>
      </AlertDialogContent>
    </AlertDialog>
  );
}
