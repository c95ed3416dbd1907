import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { user } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";

type Executor = Pick<Database, "select">;

/**
 * Refuses a change that would leave the program without an active admin. Locks the active admin rows (inside the
 * caller's transaction) so two admins demoting each other at once cannot both succeed.
 */
export async function assertNotLastActiveAdmin(tx: Executor, targetUserId: string, message: string): Promise<void> {
  const admins = await tx
    .select({ id: user.id })
    .from(user)
    .where(and(eq(user.role, "admin"), sql`coalesce(${user.banned}, false) = false`))
    .for("update");
  const others = admins.filter((admin) => admin.id !== targetUserId);
  if (admins.some((admin) => admin.id === targetUserId) && others.length === 0) throw new AppError("conflict", message);
}
