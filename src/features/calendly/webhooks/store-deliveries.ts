import { getDb } from "@/lib/db";

/**
 * Stores verified webhook deliveries with group commit: deliveries that arrive while inserts are in flight are
 * inserted together in one multi-row `insert … on conflict (dedupe_key) do nothing`, and each request is answered
 * when the statement holding its row has committed. Alone (no insert in flight) a delivery is inserted at once,
 * so at low rates nothing waits; under load there is one round trip and one commit per batch instead of one per
 * delivery (bench/webhook-ingest: the route's event loop and the database spent most of their time on them).
 *
 * A batch that fails (a connection deleted meanwhile breaks the foreign key, …) is retried row by row, so each
 * delivery gets its own answer and one bad row never fails the others.
 */
export interface DeliveryRow {
  dedupeKey: string;
  event: string;
  connectionId: string;
  /** The verified raw body, stored as the jsonb payload. */
  rawBody: string;
}

export interface StoredDelivery {
  /** The new row's id, or null when a delivery with the same dedupe key was already stored (a duplicate). */
  deliveryId: string | null;
}

interface Waiting {
  row: DeliveryRow;
  resolve: (stored: StoredDelivery) => void;
  reject: (error: unknown) => void;
}

/** Rows per statement, at most (4 parameters each). */
const MAX_BATCH = 100;
/** Insert statements in flight at once; others gather the deliveries arriving meanwhile. */
const MAX_IN_FLIGHT = 2;

const waiting: Waiting[] = [];
let inFlight = 0;
const stats = { statements: 0, rows: 0 };

/** Stores one delivery (durably, when it resolves). Rejects with the database error for this row alone. */
export function groupInsertDelivery(row: DeliveryRow): Promise<StoredDelivery> {
  return new Promise<StoredDelivery>((resolve, reject) => {
    waiting.push({ row, resolve, reject });
    if (inFlight < MAX_IN_FLIGHT) void runBatches();
  });
}

/** Insert statements and rows so far in this process (for tests and the benchmark). */
export function deliveryStoreStats(): { statements: number; rows: number } {
  return { ...stats };
}

async function runBatches() {
  inFlight += 1;
  try {
    while (waiting.length) {
      const batch = waiting.splice(0, MAX_BATCH);
      try {
        await insertBatch(batch);
      } catch (error) {
        // insertBatch settles every item itself; this only guards against a bug leaving a request waiting forever
        // (settling a promise twice is a no-op).
        for (const item of batch) item.reject(error);
      }
    }
  } finally {
    inFlight -= 1;
  }
}

async function insertBatch(batch: Waiting[]) {
  // The same dedupe key twice in one batch: the first is inserted (or found already stored); the others are
  // duplicates of it, answered once its outcome is known (the same error if it failed, so the sender retries).
  const firsts = new Map<string, Waiting>();
  const repeats: Waiting[] = [];
  for (const item of batch) {
    if (firsts.has(item.row.dedupeKey)) repeats.push(item);
    else firsts.set(item.row.dedupeKey, item);
  }
  const rows = [...firsts.values()];
  const outcomes = new Map<string, { ok: true; deliveryId: string | null } | { ok: false; error: unknown }>();
  try {
    const inserted = await insertRows(rows.map((item) => item.row));
    for (const item of rows) outcomes.set(item.row.dedupeKey, { ok: true, deliveryId: inserted.get(item.row.dedupeKey) ?? null });
  } catch (error) {
    if (rows.length === 1) outcomes.set(rows[0].row.dedupeKey, { ok: false, error });
    else {
      // One row may have failed the statement: each alone, so the good ones are stored and only a bad one fails.
      await Promise.all(
        rows.map(async (item) => {
          try {
            const inserted = await insertRows([item.row]);
            outcomes.set(item.row.dedupeKey, { ok: true, deliveryId: inserted.get(item.row.dedupeKey) ?? null });
          } catch (rowError) {
            outcomes.set(item.row.dedupeKey, { ok: false, error: rowError });
          }
        }),
      );
    }
  }
  for (const item of rows) {
    const outcome = outcomes.get(item.row.dedupeKey)!;
    if (outcome.ok) item.resolve({ deliveryId: outcome.deliveryId });
    else item.reject(outcome.error);
  }
  for (const item of repeats) {
    const outcome = outcomes.get(item.row.dedupeKey)!;
    if (outcome.ok) item.resolve({ deliveryId: null });
    else item.reject(outcome.error);
  }
}

/** One multi-row insert; returns the ids of the rows it stored, by dedupe key. Plain SQL: it is the hottest path. */
async function insertRows(rows: DeliveryRow[]): Promise<Map<string, string>> {
  const values: string[] = [];
  const placeholders: string[] = [];
  rows.forEach((row, index) => {
    const at = index * 4;
    placeholders.push(`($${at + 1}, $${at + 2}, $${at + 3}, $${at + 4}::jsonb)`);
    values.push(row.dedupeKey, row.event, row.connectionId, row.rawBody);
  });
  const result = await getDb().$client.query<{ id: string; dedupe_key: string }>(
    `insert into calendly_webhook_deliveries (dedupe_key, event, connection_id, payload)
     values ${placeholders.join(", ")}
     on conflict (dedupe_key) do nothing
     returning id, dedupe_key`,
    values,
  );
  stats.statements += 1;
  stats.rows += rows.length;
  return new Map(result.rows.map((row) => [row.dedupe_key, row.id]));
}
