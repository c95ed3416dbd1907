import { and, desc, eq, gte, ilike, lt, or, sql, type SQL } from "drizzle-orm";
import { DateTime } from "luxon";
import { getDb } from "@/lib/db";
import { auditLog, user } from "@/lib/db/schema";
import type { AuditFilters } from "./audit-filters";
import { decodeAuditCursor, encodeAuditCursor } from "./audit-cursor";

/** One audit row as the admin viewer and the CSV export see it. */
export interface AuditEntryDto {
  id: string;
  occurredAt: string;
  actorType: string;
  actorUserId: string | null;
  actorLabel: string | null;
  source: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  changes: Record<string, { old: unknown; new: unknown }> | null;
  reason: string | null;
  operationId: string | null;
  metadata: Record<string, unknown> | null;
  ipAddress: string | null;
  userAgent: string | null;
}

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (character) => `\\${character}`);
}

/** A date (`2026-03-01`) means the start of that day (for `from`) or its end (for `to`), in the viewer's zone. */
function boundary(value: string, edge: "from" | "to", timeZone: string): Date {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const day = DateTime.fromISO(value, { zone: timeZone });
    return (edge === "from" ? day.startOf("day") : day.plus({ days: 1 }).startOf("day")).toJSDate();
  }
  return new Date(value);
}

async function conditionsFor(filters: AuditFilters, timeZone: string): Promise<SQL[]> {
  const conditions: SQL[] = [];
  if (filters.actor) {
    const actor = filters.actor;
    const [byEmail] = actor.includes("@")
      ? await getDb().select({ id: user.id }).from(user).where(eq(user.email, actor.toLowerCase()))
      : [];
    conditions.push(
      or(eq(auditLog.actorUserId, byEmail?.id ?? actor), ilike(auditLog.actorLabel, `%${escapeLike(actor)}%`), sql`${auditLog.actorType} = ${actor}`) as SQL,
    );
  }
  if (filters.action) {
    const prefix = filters.action.endsWith("*") ? filters.action.slice(0, -1) : filters.action.endsWith(".") ? filters.action : null;
    conditions.push(prefix !== null ? ilike(auditLog.action, `${escapeLike(prefix)}%`) : eq(auditLog.action, filters.action));
  }
  if (filters.targetType) conditions.push(eq(auditLog.targetType, filters.targetType));
  if (filters.targetId) conditions.push(eq(auditLog.targetId, filters.targetId));
  if (filters.operationId) conditions.push(eq(auditLog.operationId, filters.operationId));
  if (filters.from) conditions.push(gte(auditLog.occurredAt, boundary(filters.from, "from", timeZone)));
  if (filters.to) conditions.push(lt(auditLog.occurredAt, boundary(filters.to, "to", timeZone)));
  return conditions;
}

function toDto(row: typeof auditLog.$inferSelect): AuditEntryDto {
  return { ...row, occurredAt: row.occurredAt.toISOString() };
}

/** A page of the audit log, newest first, keyset-paginated on (occurred_at, id). */
export async function listAuditEntries(
  filters: AuditFilters,
  options: { cursor?: string; limit?: number; timeZone?: string } = {},
): Promise<{ entries: AuditEntryDto[]; nextCursor: string | null }> {
  const limit = options.limit ?? 50;
  const conditions = await conditionsFor(filters, options.timeZone ?? "UTC");
  if (options.cursor) {
    const cursor = decodeAuditCursor(options.cursor);
    // Microsecond precision in Postgres vs milliseconds in JS: compare on the millisecond-truncated value.
    const at = sql`date_trunc('milliseconds', ${auditLog.occurredAt})`;
    conditions.push(sql`(${at}, ${auditLog.id}) < (${new Date(cursor.occurredAt)}::timestamptz, ${cursor.id}::uuid)`);
  }
  const rows = await getDb()
    .select()
    .from(auditLog)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(sql`date_trunc('milliseconds', ${auditLog.occurredAt})`), desc(auditLog.id))
    .limit(limit + 1);
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    entries: page.map(toDto),
    nextCursor: rows.length > limit && last ? encodeAuditCursor({ occurredAt: last.occurredAt.toISOString(), id: last.id }) : null,
  };
}

/** Every matching entry, page by page (for the CSV export), up to `max` rows. */
export async function* iterateAuditEntries(filters: AuditFilters, options: { timeZone?: string; max?: number } = {}): AsyncGenerator<AuditEntryDto> {
  const max = options.max ?? 100_000;
  let cursor: string | undefined;
  let sent = 0;
  do {
    const page = await listAuditEntries(filters, { cursor, limit: 500, timeZone: options.timeZone });
    for (const entry of page.entries) {
      if (sent >= max) return;
      sent++;
      yield entry;
    }
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}
