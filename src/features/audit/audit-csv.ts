import type { AuditFilters } from "./audit-filters";
import { iterateAuditEntries, type AuditEntryDto } from "./list-audit-entries";

/** CSV of the audit log (RFC 4180), streamed; cells that a spreadsheet would run as a formula are neutralised. */
const COLUMNS: Array<[string, (entry: AuditEntryDto) => unknown]> = [
  ["occurred_at", (entry) => entry.occurredAt],
  ["action", (entry) => entry.action],
  ["actor_type", (entry) => entry.actorType],
  ["actor_user_id", (entry) => entry.actorUserId],
  ["actor_label", (entry) => entry.actorLabel],
  ["source", (entry) => entry.source],
  ["target_type", (entry) => entry.targetType],
  ["target_id", (entry) => entry.targetId],
  ["changes", (entry) => (entry.changes ? JSON.stringify(entry.changes) : null)],
  ["reason", (entry) => entry.reason],
  ["operation_id", (entry) => entry.operationId],
  ["metadata", (entry) => (entry.metadata ? JSON.stringify(entry.metadata) : null)],
  ["ip_address", (entry) => entry.ipAddress],
  ["user_agent", (entry) => entry.userAgent],
  ["id", (entry) => entry.id],
];

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return "";
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n']/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function auditCsvHeader(): string {
  return COLUMNS.map(([name]) => name).join(",") + "\r\n";
}

export function auditCsvRow(entry: AuditEntryDto): string {
  return COLUMNS.map(([, read]) => csvCell(read(entry))).join(",") + "\r\n";
}

/** A stream of the CSV export for the given filters. */
export function auditCsvStream(filters: AuditFilters, options: { timeZone?: string } = {}): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const entries = iterateAuditEntries(filters, options);
  let headerSent = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(auditCsvHeader()));
        return;
      }
      let chunk = "";
      for (let index = 0; index < 200; index++) {
        const next = await entries.next();
        if (next.done) {
          if (chunk) controller.enqueue(encoder.encode(chunk));
          controller.close();
          return;
        }
        chunk += auditCsvRow(next.value);
      }
      controller.enqueue(encoder.encode(chunk));
    },
    async cancel() {
      await entries.return(undefined);
    },
  });
}
