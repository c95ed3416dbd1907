import { AppError } from "@/lib/errors";

/** Keyset cursor of the audit list: the (occurred_at, id) of the last row shown, newest first. */
export interface AuditCursor {
  occurredAt: string;
  id: string;
}

export function encodeAuditCursor(cursor: AuditCursor): string {
  return Buffer.from(`${cursor.occurredAt}|${cursor.id}`, "utf8").toString("base64url");
}

export function decodeAuditCursor(value: string): AuditCursor {
  const [occurredAt, id] = Buffer.from(value, "base64url").toString("utf8").split("|");
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  if (!occurredAt || !id || !uuid.test(id) || Number.isNaN(Date.parse(occurredAt))) {
    throw new AppError("validation_failed", "Invalid query: cursor: is not a cursor this list gave out.", { fields: { cursor: ["is not a valid cursor"] } });
  }
  return { occurredAt, id };
}
