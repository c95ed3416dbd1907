import type { BadgeVariant } from "@/components/ui/badge";
import type { NotificationKind, NotificationStatus, ReminderStatus } from "@/lib/db/schema";

/** Words and badge colours the notification views share. */
export const KIND_NAMES: Record<NotificationKind, string> = {
  booking_confirmation: "Booking confirmation",
  cancellation: "Cancellation",
  reschedule: "Reschedule",
  reminder: "Reminder",
  low_availability: "Low availability",
  admin_digest: "Admin digest",
  connection_reauth: "Reconnect Calendly",
};

export const MESSAGE_STATUS: Record<NotificationStatus, { label: string; variant: BadgeVariant }> = {
  pending: { label: "Queued", variant: "info" },
  sending: { label: "Sending", variant: "info" },
  sent: { label: "Sent", variant: "success" },
  failed: { label: "Failed", variant: "danger" },
  suppressed: { label: "Not sent (turned off)", variant: "neutral" },
};

export const REMINDER_STATUS: Record<ReminderStatus, { label: string; variant: BadgeVariant }> = {
  scheduled: { label: "Scheduled", variant: "info" },
  queued: { label: "Sent", variant: "success" },
  skipped: { label: "Skipped", variant: "neutral" },
  canceled: { label: "Removed", variant: "neutral" },
};
