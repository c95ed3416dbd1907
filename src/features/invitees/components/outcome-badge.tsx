import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { OUTCOME_LABELS, type AttendanceOutcome } from "../attendance-outcome";

const VARIANTS: Record<AttendanceOutcome, BadgeVariant> = {
  upcoming: "info",
  in_progress: "info",
  attended: "success",
  no_show: "danger",
  canceled: "neutral",
  rescheduled: "warning",
};

export function OutcomeBadge({ outcome }: { outcome: AttendanceOutcome }) {
  return (
    <Badge variant={VARIANTS[outcome]} dot>
      {OUTCOME_LABELS[outcome]}
    </Badge>
  );
}
