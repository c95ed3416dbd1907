import { Badge } from "@/components/ui/badge";

const LABELS = {
  connected: { label: "Connected", variant: "success" },
  needs_reauth: { label: "Needs reconnecting", variant: "warning" },
  disconnected: { label: "Disconnected", variant: "neutral" },
} as const;

export function ConnectionStatusBadge({ status }: { status: keyof typeof LABELS }) {
  const { label, variant } = LABELS[status];
  return (
    <Badge variant={variant} dot>
      {label}
    </Badge>
  );
}

/** "Tue 3 Mar, 10:04" in the viewer's zone. */
export function formatWhen(iso: string, timeZone: string): string {
  return new Intl.DateTimeFormat("en-GB", { timeZone, weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
}
