"use client";

import { onDemandDialog } from "@/components/ui/on-demand";
import type { BookingDialogProps } from "./booking-dialog-content";

export type { BookingDialogProps, BookingQuestion, PopupConfig } from "./booking-dialog-content";

/** Loaded the first time it opens, or at once when the page opens with a time picked (not in the first load). */
export const BookingDialog = onDemandDialog<BookingDialogProps>(() =>
  import("./booking-dialog-content").then((module) => module.BookingDialog),
  (props) => props.open,
);
