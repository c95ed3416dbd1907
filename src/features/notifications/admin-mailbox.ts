import { and, desc, eq, lt, or, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { notificationMessages, type NotificationKind, type NotificationStatus } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import { renderMessage } from "./render-message";

/**
 * The admins' mailbox: every message in the outbox, newest first (keyset pages), and one message as its recipient
 * sees it. A message not rendered yet (still queued) is previewed from its stored payload.
 */
export interface MailboxItemDto {
  id: string;
  kind: NotificationKind;
  status: NotificationStatus;
  transport: "smtp" | "mailbox" | null;
  to: { name: string | null; email: string; role: string };
  subject: string | null;
  createdAt: string;
  sentAt: string | null;
  attempts: number;
  lastError: string | null;
}

export interface MailboxPageDto {
  items: MailboxItemDto[];
  nextCursor: string | null;
}

type Row = typeof notificationMessages.$inferSelect;

function toItem(row: Row): MailboxItemDto {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    transport: row.transport,
    to: { name: row.recipientName, email: row.recipientEmail, role: row.recipientRole },
    subject: row.subject,
    createdAt: row.createdAt.toISOString(),
    sentAt: row.sentAt?.toISOString() ?? null,
    attempts: row.attempts,
    lastError: row.lastError,
  };
}

function encodeCursor(row: Row) {
  return Buffer.from(`${row.createdAt.toISOString()}|${row.id}`).toString("base64url");
}

function decodeCursor(cursor: string): { createdAt: Date; id: string } | null {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at);
  return id && !Number.isNaN(createdAt.getTime()) ? { createdAt, id } : null;
}

export async function listMailbox(query: { cursor?: string; limit: number; status?: NotificationStatus; q?: string }): Promise<MailboxPageDto> {
  const conditions: SQL[] = [];
  const after = query.cursor ? decodeCursor(query.cursor) : null;
  if (after) conditions.push(or(lt(notificationMessages.createdAt, after.createdAt), and(eq(notificationMessages.createdAt, after.createdAt), lt(notificationMessages.id, after.id)))!);
  if (query.status) conditions.push(eq(notificationMessages.status, query.status));
  if (query.q) {
    const like = `%${query.q.replace(/[%_\\]/g, (match) => `\\${match}`)}%`;
    conditions.push(sql`(${notificationMessages.recipientEmail} ilike ${like} or ${notificationMessages.subject} ilike ${like})`);
  }
  const rows = await getDb()
    .select()
    .from(notificationMessages)
    .where(conditions.length ? and(...conditions) : undefined)
    .orderBy(desc(notificationMessages.createdAt), desc(notificationMessages.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  return { items: page.map(toItem), nextCursor: rows.length > query.limit ? encodeCursor(page[page.length - 1]) : null };
}

export interface MailboxMessageDto extends MailboxItemDto {
  html: string;
  text: string;
  ics: string | null;
  preview: boolean;
  suppressedReason: string | null;
}

export async function getMailboxMessageOrThrow(id: string): Promise<MailboxMessageDto> {
  const [row] = await getDb().select().from(notificationMessages).where(eq(notificationMessages.id, id));
  if (!row) throw notFound("This message");
  if (row.subject && row.html && row.text) {
    return { ...toItem(row), html: row.html, text: row.text, ics: row.ics, preview: false, suppressedReason: row.suppressedReason };
  }
  const rendered = await renderMessage(row, { unsubscribeUrl: "#unsubscribe-link-is-added-when-sent" });
  return { ...toItem(row), subject: rendered.subject, html: rendered.html, text: rendered.text, ics: rendered.ics, preview: true, suppressedReason: row.suppressedReason };
}
