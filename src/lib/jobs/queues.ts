/**
 * Every background queue, with its retry policy. Failed jobs (after their retries) move to the dead-letter queue,
 * which admins see at /admin/jobs.
 */
export const DEAD_LETTER_QUEUE = "dead-letter";

export const QUEUES = {
  webhookProcess: "calendly-webhook-process",
  backfill: "calendly-backfill",
  reconcile: "calendly-reconcile",
  reconcileAll: "calendly-reconcile-all",
} as const;

export type QueueName = (typeof QUEUES)[keyof typeof QUEUES];

export interface QueuePolicy {
  retryLimit: number;
  retryDelay: number;
  retryBackoff: boolean;
  expireInSeconds: number;
}

export const QUEUE_POLICIES: Record<QueueName, QueuePolicy> = {
  [QUEUES.webhookProcess]: { retryLimit: 8, retryDelay: 2, retryBackoff: true, expireInSeconds: 120 },
  [QUEUES.backfill]: { retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 3600 },
  [QUEUES.reconcile]: { retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 1800 },
  [QUEUES.reconcileAll]: { retryLimit: 1, retryDelay: 60, retryBackoff: false, expireInSeconds: 300 },
};

/** Reconciliation of every connected coach, by default every 15 minutes (cron, UTC). */
export const RECONCILE_CRON = process.env.RECONCILE_CRON ?? "*/15 * * * *";
