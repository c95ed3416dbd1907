import type { Role } from "@/lib/auth/permissions";
import type { user } from "@/lib/db/schema";

/** A user as the admin Users page sees them: never tokens, password hashes or sessions. */
export interface AdminUserDto {
  id: string;
  name: string;
  email: string;
  role: Role;
  status: "active" | "deactivated";
  emailVerified: boolean;
  timeZone: string;
  createdAt: string;
  lastSignInAt: string | null;
  activeSessions: number;
}

export function toAdminUserDto(row: typeof user.$inferSelect, extra: { lastSignInAt: Date | null; activeSessions: number }): AdminUserDto {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role as Role,
    status: row.banned ? "deactivated" : "active",
    emailVerified: row.emailVerified,
    timeZone: row.timeZone,
    createdAt: row.createdAt.toISOString(),
    lastSignInAt: extra.lastSignInAt ? extra.lastSignInAt.toISOString() : null,
    activeSessions: extra.activeSessions,
  };
}
