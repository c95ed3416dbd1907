import { Badge, type BadgeVariant } from "@/components/ui/badge";
import { SESSION_STATE_LABELS, type SessionState } from "../session-state";

const VARIANTS: Record<SessionState, BadgeVariant> = {
  upcoming: "info",
  in_progress: "warning",
  completed: "success",
  no_show: "danger",
  canceled_by_host: "neutral",
  canceled_by_invitee: "neutral",
  rescheduled: "secondary",
};

export function SessionStateBadge({ state }: { state: SessionState }) {
  return (
    <Badge variant={VARIANTS[state]} dot>
      {SESSION_STATE_LABELS[state]}
    </Badge>
  );
}
