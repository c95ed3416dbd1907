import type { PgBoss } from "pg-boss";
import { logger } from "@/lib/logger";
import { listLiveConnections } from "@/features/calendly/connection/connection-repository";
import { processWebhookDelivery, recordDeliveryFailure } from "@/features/calendly/webhooks/process-webhook-delivery";
import { sweepUnqueuedDeliveries } from "@/features/calendly/webhooks/enqueue-deliveries";
import { reconcileConnection } from "@/features/calendly/sync/reconcile-connection";
import { registerNotificationHandlers } from "@/features/notifications/notification-jobs";
import { enqueue } from "./boss";
import { runRetention } from "@/features/privacy/run-retention";
import { QUEUES, reconcileCron, retentionCron, webhookSweepCron } from "./queues";

/**
 * What each queue does. The worker registers these; tests call them the same way. A thrown error fails the job,
 * pg-boss retries it with back-off, and after the last retry it lands in the dead-letter queue.
 */
interface ConnectionJob {
  connectionId: string;
  trigger?: "connect" | "schedule" | "manual";
}

export async function registerJobHandlers(boss: PgBoss) {
  await boss.work<{ deliveryId: string }>(QUEUES.webhookProcess, { batchSize: 1, localConcurrency: 3, pollingIntervalSeconds: 0.5 }, async (jobs) => {
    for (const job of jobs) {
      try {
        await processWebhookDelivery(job.data.deliveryId);
      } catch (error) {
        await recordDeliveryFailure(job.data.deliveryId, error);
        throw error;
      }
    }
  });

  // Deliveries stored but never enqueued (a crash between the two statements of the receiving route).
  await boss.work(QUEUES.webhookSweep, { pollingIntervalSeconds: 5 }, async () => {
    await sweepUnqueuedDeliveries();
  });
  await boss.schedule(QUEUES.webhookSweep, webhookSweepCron(), {}, { tz: "UTC" });

  await boss.work<ConnectionJob>(QUEUES.backfill, { pollingIntervalSeconds: 1 }, async ([job]) => {
    await reconcileConnection(job.data.connectionId, { kind: "backfill", trigger: job.data.trigger ?? "connect" });
  });

  await boss.work<ConnectionJob>(QUEUES.reconcile, { pollingIntervalSeconds: 1 }, async ([job]) => {
    await reconcileConnection(job.data.connectionId, { kind: "reconcile", trigger: job.data.trigger ?? "schedule" });
  });

  await boss.work(QUEUES.reconcileAll, { pollingIntervalSeconds: 5 }, async () => {
    const connections = await listLiveConnections();
    for (const connection of connections) {
      await enqueue(QUEUES.reconcile, { connectionId: connection.id, trigger: "schedule" }, { singletonKey: `reconcile:${connection.id}` });
    }
    logger.info({ connections: connections.length }, "scheduled reconciliation fanned out");
  });

  await boss.schedule(QUEUES.reconcileAll, reconcileCron(), {}, { tz: "UTC" });

  await boss.work(QUEUES.privacyRetention, { pollingIntervalSeconds: 30 }, async () => {
    await runRetention({ dryRun: false, trigger: "job" });
  });
  await boss.schedule(QUEUES.privacyRetention, retentionCron(), {}, { tz: "UTC" });

  await registerNotificationHandlers(boss);
}
