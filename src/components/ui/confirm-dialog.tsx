"use client";

import * as React from "react";
import { onDemandDialog, useOnDemand, type StandInProps } from "./on-demand";
import type { ConfirmDialogContentProps } from "./confirm-dialog-content";

export interface ConfirmDialogProps {
  /** The button that opens the confirmation (it needs no click handler of its own). */
  trigger: React.ReactElement<Partial<StandInProps> & { autoFocus?: boolean }>;
  title: React.ReactNode;
  description: React.ReactNode;
  cancelLabel: React.ReactNode;
  confirmLabel: React.ReactNode;
  confirmVariant?: "default" | "destructive";
  onConfirm: () => void;
}

const loadDialog = () => import("./confirm-dialog-content").then((module) => module.ConfirmDialogContent);

/**
 * A trigger button opening a Radix alert dialog ("Disconnect Calendly?"), with Radix loaded on demand: hovering the
 * button fetches it, one press opens the dialog (see ./on-demand). Use for destructive or irreversible actions.
 */
export function ConfirmDialog({ trigger, ...dialog }: ConfirmDialogProps) {
  const { Loaded, loadedProps, standInProps } = useOnDemand<ConfirmDialogContentProps>(loadDialog, "dialog");
  if (Loaded) return <Loaded trigger={trigger} {...dialog} {...loadedProps} />;
  return React.cloneElement(trigger, standInProps);
}

export interface ControlledConfirmDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: React.ReactNode;
  description: React.ReactNode;
  /** Anything between the description and the buttons (a confirmation field). */
  children?: React.ReactNode;
  cancelLabel: React.ReactNode;
  cancelDisabled?: boolean;
  confirmLabel: React.ReactNode;
  confirmVariant?: "default" | "destructive";
  confirmDisabled?: boolean;
  /** Runs the action; the dialog stays open until `open` turns false. */
  onConfirm: () => void;
}

/**
 * A confirmation opened from state (`open`), for actions picked in a table row or a form; Radix is loaded the first
 * time it opens.
 */
export const ControlledConfirmDialog = onDemandDialog<ControlledConfirmDialogProps>(
  () => import("./confirm-dialog-controlled").then((module) => module.ControlledConfirmDialogContent),
  (props) => props.open,
);
