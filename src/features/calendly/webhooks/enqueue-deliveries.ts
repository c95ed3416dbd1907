import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { getBoss } from "@/lib/jobs/boss";
import { QUEUES } from "@/lib/jobs/queues";
import { logger } from "@/lib/logger";

/**
 * How a stored delivery gets its processing job. The delivery insert commits on its own (one round trip, the only
 * thing a 2xx waits for to be durable); its job is then inserted by a group enqueuer that sends every delivery
 * stored meanwhile in one pg-boss `insert`; a sweeper (`sweepUnqueuedDeliveries`, scheduled in the worker) enqueues
 * any delivery whose job never made it (crash or database error between the two statements).
 *
 * Exactly once: each job's id is its delivery's id, and pg-boss inserts jobs `on conflict do nothing`, so the
 * enqueuer and the sweeper can both enqueue the same delivery and only one job exists. Processing itself is idempotent
 * and skips a delivery already processed.
 */
const MAX_BATCH = 500;

interface Waiter {
  deliveryId: string;
  resolve: (enqueued: boolean) => void;
}

const waiting: Waiter[] = [];
let flushing = false;

/**
 * Enqueues the processing of a stored delivery, in a batch with the others stored meanwhile: while one batch is being
 * inserted the next ones gather, so under load there is about one job insert per round trip, not per delivery.
 * Resolves `false` (never throws) when the insert failed: the delivery is durable and the sweeper will enqueue it.
 */
export function enqueueDeliveryProcessing(deliveryId: string): Promise<boolean> {
  return new Promise((resolve) => {
    waiting.push({ deliveryId, resolve });
    if (!flushing) void flush();
  });
}

async function flush() {
  flushing = true;
  try {
    while (waiting.length) {
      const batch = waiting.splice(0, MAX_BATCH);
      try {
        await insertJobs(batch.map((waiter) => waiter.deliveryId));
        for (const waiter of batch) waiter.resolve(true);
      } catch (error) {
        logger.warn({ err: error, deliveries: batch.length }, "webhook deliveries stored but not enqueued; the sweeper will enqueue them");
        for (const waiter of batch) waiter.resolve(false);
      }
    }
  } finally {
    flushing = false;
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
