import { and, asc, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { ROLES } from "@/lib/auth/permissions";
import { getDb } from "@/lib/db";
import { session, user } from "@/lib/db/schema";
import { toAdminUserDto, type AdminUserDto } from "./user-admin-dto";

export const listUsersQuerySchema = z.object({
  q: z.string().trim().max(200).optional(),
  role: z.enum(ROLES).optional().or(z.literal("").transform(() => undefined)),
  status: z.enum(["active", "deactivated"]).optional().or(z.literal("").transform(() => undefined)),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type ListUsersQuery = z.output<typeof listUsersQuerySchema>;

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** Users matching a search (name or email), role and status; newest first, with a total for the pager. */
export async function listUsers(query: ListUsersQuery): Promise<{ users: AdminUserDto[]; total: number; page: number; pageSize: number }> {
  const conditions: SQL[] = [];
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(or(ilike(user.name, pattern), ilike(user.email, pattern)) as SQL);
  }
  if (query.role) conditions.push(eq(user.role, query.role));
  if (query.status === "deactivated") conditions.push(eq(user.banned, true));
  if (query.status === "active") conditions.push(sql`coalesce(${user.banned}, false) = false`);
  const where = conditions.length ? and(...conditions) : undefined;
  const db = getDb();

  const [{ total }] = await db.select({ total: sql<number>`count(*)::int` }).from(user).where(where);
  const rows = await db
    .select({
      user,
      lastSignInAt: sql<Date | null>`(select max(${session.createdAt}) from ${session} where ${session.userId} = ${user.id})`,
      activeSessions: sql<number>`(select count(*)::int from ${session} where ${session.userId} = ${user.id} and ${session.expiresAt} > now())`,
    })
    .from(user)
    .where(where)
    .orderBy(desc(user.createdAt), asc(user.id))
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);

  return {
    users: rows.map((row) => toAdminUserDto(row.user, { lastSignInAt: row.lastSignInAt ? new Date(row.lastSignInAt) : null, activeSessions: row.activeSessions })),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}
