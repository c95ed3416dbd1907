import { eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { session, user } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { toAdminUserDto, type AdminUserDto } from "./user-admin-dto";

/** One user for the admin pages, or 404. */
export async function getUserOrThrow(userId: string): Promise<AdminUserDto> {
  const [row] = await getDb()
    .select({
      user,
      lastSignInAt: sql<Date | null>`(select max(${session.createdAt}) from ${session} where ${session.userId} = ${user.id})`,
      activeSessions: sql<number>`(select count(*)::int from ${session} where ${session.userId} = ${user.id} and ${session.expiresAt} > now())`,
    })
    .from(user)
    .where(eq(user.id, userId));
  if (!row) throw new AppError("not_found", "That user was not found.");
  return toAdminUserDto(row.user, { lastSignInAt: row.lastSignInAt ? new Date(row.lastSignInAt) : null, activeSessions: row.activeSessions });
}
