import { getDb, type Database } from "@/lib/db";
import { auditLog } from "@/lib/db/schema";

/** One audit entry. Pass the transaction of the change so the entry commits (or rolls back) with it. */
export type AuditEntry = Omit<typeof auditLog.$inferInsert, "id" | "occurredAt">;

type Executor = Pick<Database, "insert">;

export async function recordAudit(entry: AuditEntry, executor: Executor = getDb()): Promise<void> {
  await executor.insert(auditLog).values(entry);
}

/** The actor fields of an entry for a signed-in user acting through the web app. */
export function userActor(user: { id: string; role: "admin" | "coach" | "realtor"; name: string }, request?: { ip?: string; userAgent?: string | null }) {
  return {
    actorType: user.role,
    actorUserId: user.id,
    actorLabel: user.name,
    source: "web" as const,
    ipAddress: request?.ip ?? null,
    userAgent: request?.userAgent ?? null,
  };
}
