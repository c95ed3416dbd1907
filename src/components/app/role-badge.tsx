import type { Role } from "@/lib/auth/permissions";
import { Badge, type BadgeVariant } from "@/components/ui/badge";

const ROLE_LOOK: Record<Role, { label: string; variant: BadgeVariant }> = {
  admin: { label: "Admin", variant: "warning" },
  coach: { label: "Coach", variant: "info" },
  realtor: { label: "Realtor", variant: "success" },
};

export function RoleBadge({ role, className }: { role: Role; className?: string }) {
  const { label, variant } = ROLE_LOOK[role];
  return (
    <Badge variant={variant} className={className}>
      {label}
    </Badge>
  );
}
