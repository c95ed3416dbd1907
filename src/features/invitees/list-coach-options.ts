import { asc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { user } from "@/lib/db/schema";

/** Coaches for an admin's coach filter (ids and names only). */
export async function listCoachOptions(): Promise<Array<{ id: string; name: string }>> {
  return getDb().select({ id: user.id, name: user.name }).from(user).where(eq(user.role, "coach")).orderBy(asc(user.name));
}
