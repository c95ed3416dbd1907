import { sql } from "drizzle-orm";
import { fromDrizzle, PgBoss } from "pg-boss";
import { databaseUrl } from "@/lib/db";
import { logger } from "@/lib/logger";
import { DEAD_LETTER_QUEUE, QUEUE_POLICIES, QUEUES, type QueueName } from "./queues";

/**
 * pg-boss on the application's own Postgres (jobs live next to the data, so a job can be enqueued in the same
 * transaction as the change that causes it). Web processes only send; `npm run worker` processes and schedules.
 */
const globalForBoss = globalThis as unknown as { sessionlyBoss?: { url: string; boss: Promise<PgBoss> } };

async function createBoss(url: string, options: { worker: boolean }): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: url,
    schema: "pgboss",
    max: options.worker ? 4 : 2,
    supervise: options.worker,
    schedule: options.worker,
    migrate: true,
  });
  boss.on("error", (error) => logger.error({ err: error }, "job queue error"));
  await boss.start();
  await ensureQueues(boss);
  return boss;
}

export async function ensureQueues(boss: PgBoss) {
  const existing = new Set((await boss.getQueues()).map((queue) => queue.name));
  if (!existing.has(DEAD_LETTER_QUEUE)) await boss.createQueue(DEAD_LETTER_QUEUE, { retentionSeconds: 30 * 24 * 3600 });
  for (const name of Object.values(QUEUES)) {
    if (existing.has(name)) continue;
    const policy = QUEUE_POLICIES[name];
    await boss.createQueue(name, { ...policy, deadLetter: DEAD_LETTER_QUEUE });
  }
}

/** This process's pg-boss (started on first use). */
export function getBoss(options: { worker?: boolean } = {}): Promise<PgBoss> {
  const url = databaseUrl();
  if (!globalForBoss.sessionlyBoss || globalForBoss.sessionlyBoss.url !== url) {
    const boss = createBoss(url, { worker: options.worker ?? false });
    boss.catch(() => {
      globalForBoss.sessionlyBoss = undefined;
    });
    globalForBoss.sessionlyBoss = { url, boss };
  }
  return globalForBoss.sessionlyBoss.boss;
}

export async function stopBoss() {
  const current = globalForBoss.sessionlyBoss;
  globalForBoss.sessionlyBoss = undefined;
  if (current) await (await current.boss).stop({ graceful: true, close: true, timeout: 10_000 });
}

type DrizzleTransaction = Parameters<typeof fromDrizzle>[0];

/** Enqueues a job; pass the Drizzle transaction to make the job part of it (outbox semantics). */
export async function enqueue(
  queue: QueueName,
  data: object,
  options: { tx?: DrizzleTransaction; singletonKey?: string; startAfter?: Date | number; id?: string } = {},
): Promise<string | null> {
  const boss = await getBoss();
  const { tx, ...rest } = options;
  return boss.send(queue, data, { ...rest, ...(tx ? { db: fromDrizzle(tx, sql) } : {}) });
}
