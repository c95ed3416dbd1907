import type { BadgeVariant } from "@/components/ui/badge";
import type { DayStatus } from "../compute-availability-days";

/** How a day's availability status reads and looks, the same on the realtor's week view and the coach's overview. */
export const DAY_STATUS: Record<DayStatus, { label: string; variant: BadgeVariant }> = {
  available: { label: "Available", variant: "success" },
  limited: { label: "Limited", variant: "warning" },
  fully_booked: { label: "Fully booked", variant: "danger" },
  unavailable: { label: "Unavailable", variant: "neutral" },
};
