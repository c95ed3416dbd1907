import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { getBoss } from "@/lib/jobs/boss";
import { QUEUES } from "@/lib/jobs/queues";
import { logger } from "@/lib/logger";

/**
 * How a stored delivery gets its processing job. The delivery insert commits on its own (one round trip, the only
 * thing a 2xx waits for: the delivery is durable); its job is then inserted in the background by a group enqueuer
 * that sends every delivery stored meanwhile in one pg-boss `insert`; a sweeper (`sweepUnqueuedDeliveries`, scheduled
 * in the worker) enqueues any delivery whose job never made it (crash or database error between the two statements).
 *
 * Exactly once: each job's id is its delivery's id, and pg-boss inserts jobs `on conflict do nothing`, so the
 * enqueuer and the sweeper can both enqueue the same delivery and only one job exists. Processing itself is idempotent
 * and skips a delivery already processed.
 */
const MAX_BATCH = 500;
/** Deliveries waiting for their job insert, at most; beyond it they are left to the sweeper (no unbounded memory). */
const MAX_WAITING = 20_000;

const waiting: string[] = [];
let flushing: Promise<void> | null = null;

/**
 * Enqueues the processing of a stored delivery soon, in a batch with the others stored meanwhile: while one batch is
 * being inserted the next ones gather, so under load there is about one job insert per round trip, not one per
 * delivery, and the route does not wait for it. Never throws: a failed insert is logged, the delivery is durable
 * and the sweeper enqueues it.
 */
export function enqueueDeliveryProcessing(deliveryId: string): void {
  if (waiting.length >= MAX_WAITING) {
    logger.warn({ deliveryId }, "webhook enqueue backlog full; the sweeper will enqueue this delivery");
    return;
  }
  waiting.push(deliveryId);
  if (!flushing) startFlush();
}

function startFlush() {
  flushing = flush().finally(() => {
    flushing = null;
    // An id pushed after the loop's last check, before this ran, would otherwise wait for the next delivery.
    if (waiting.length) startFlush();
  });
}

/** Resolves once every delivery handed to `enqueueDeliveryProcessing` so far has had its job insert attempted. */
export async function deliveryEnqueuesSettled(): Promise<void> {
  while (flushing) await flushing;
}

async function flush() {
  while (waiting.length) {
    const batch = waiting.splice(0, MAX_BATCH);
    try {
      await insertJobs(batch);
    } catch (error) {
      logger.warn({ err: error, deliveries: batch.length }, "webhook deliveries stored but not enqueued; the sweeper will enqueue them");
    }
  }
}

/** Inserts one job per delivery, the job's id being the delivery's; returns how many were new. */
async function insertJobs(deliveryIds: string[], options: { countNew?: boolean } = {}): Promise<number> {
  const boss = await getBoss();
  const ids = await boss.insert(
    QUEUES.webhookProcess,
    deliveryIds.map((deliveryId) => ({ id: deliveryId, data: { deliveryId } })),
    { returnId: options.countNew ?? false },
  );
  return ids?.length ?? 0;
}

/** A delivery younger than this is left to the enqueuer (whose insert may still be in flight). */
export const SWEEP_GRACE_MS = 30_000;

/**
 * Enqueues the processing of every delivery that is still pending, was never attempted and is older than the grace
 * period, in batches. A delivery whose job exists (queued, running, retrying) is untouched: its job id is taken.
 * Returns how many jobs it created.
 */
export async function sweepUnqueuedDeliveries(options: { graceMs?: number; batchSize?: number } = {}): Promise<number> {
  const graceMs = options.graceMs ?? SWEEP_GRACE_MS;
  const batchSize = options.batchSize ?? MAX_BATCH;
  const cutoff = new Date(Date.now() - graceMs);
  let created = 0;
  let after: { receivedAt: string; id: string } | null = null;
  for (;;) {
    const page: Array<{ id: string; received_at: string }> = (
      await getDb().execute<{ id: string; received_at: string }>(sql`
        select id, received_at::text as received_at from calendly_webhook_deliveries
        where status = 'pending' and attempts = 0 and received_at <= ${cutoff.toISOString()}::timestamptz
          ${after ? sql`and (received_at, id) > (${after.receivedAt}::timestamptz, ${after.id}::uuid)` : sql``}
        order by received_at, id
        limit ${batchSize}`)
    ).rows;
    if (!page.length) break;
    created += await insertJobs(
      page.map((row) => row.id),
      { countNew: true },
    );
    const last = page[page.length - 1];
    after = { receivedAt: last.received_at, id: last.id };
    if (page.length < batchSize) break;
  }
  if (created) logger.warn({ deliveries: created }, "webhook sweep: enqueued stored deliveries whose job was missing");
  return created;
}
