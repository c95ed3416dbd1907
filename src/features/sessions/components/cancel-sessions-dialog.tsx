"use client";

import { onDemandDialog } from "@/components/ui/on-demand";

/**
 * One confirmation with a required reason for canceling one session, many (batch, with a result per session), or
 * a coach's reschedule request (cancel + rebook link).
 */
export type CancelMode = "cancel" | "request_reschedule";

export interface CancelSessionsDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  sessions: Array<{ uuid: string; name: string }>;
  mode?: CancelMode;
  /** Called after any session was canceled (to refresh lists). */
  onDone: (result: { canceled: string[] }) => void;
}

/** Loaded the first time it opens (Radix's dialog code is not part of the page's first load). */
export const CancelSessionsDialog = onDemandDialog<CancelSessionsDialogProps>(() =>
  import("./cancel-sessions-dialog-content").then((module) => module.CancelSessionsDialog),
  (props) => props.open,
);
