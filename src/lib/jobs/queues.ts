import { env } from "@/lib/env";

/**
 * Every background queue, with its retry policy. Failed jobs (after their retries) move to the dead-letter queue,
 * which admins see at /admin/jobs.
 */
export const DEAD_LETTER_QUEUE = "dead-letter";

export const QUEUES = {
  webhookProcess: "calendly-webhook-process",
  webhookSweep: "calendly-webhook-sweep",
  backfill: "calendly-backfill",
  reconcile: "calendly-reconcile",
  reconcileAll: "calendly-reconcile-all",
  notificationSend: "notification-send",
  notificationReminder: "notification-reminder",
  notificationReminderSweep: "notification-reminder-sweep",
  notificationLowAvailability: "notification-low-availability",
  privacyRetention: "privacy-retention",
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
  [QUEUES.webhookSweep]: { retryLimit: 0, retryDelay: 30, retryBackoff: false, expireInSeconds: 120 },
  [QUEUES.backfill]: { retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 3600 },
  [QUEUES.reconcile]: { retryLimit: 3, retryDelay: 60, retryBackoff: true, expireInSeconds: 1800 },
  [QUEUES.reconcileAll]: { retryLimit: 1, retryDelay: 60, retryBackoff: false, expireInSeconds: 300 },
  [QUEUES.notificationSend]: { retryLimit: 6, retryDelay: 30, retryBackoff: true, expireInSeconds: 120 },
  [QUEUES.notificationReminder]: { retryLimit: 5, retryDelay: 30, retryBackoff: true, expireInSeconds: 120 },
  [QUEUES.notificationReminderSweep]: { retryLimit: 0, retryDelay: 30, retryBackoff: false, expireInSeconds: 120 },
  [QUEUES.notificationLowAvailability]: { retryLimit: 2, retryDelay: 300, retryBackoff: true, expireInSeconds: 1800 },
  [QUEUES.privacyRetention]: { retryLimit: 2, retryDelay: 600, retryBackoff: true, expireInSeconds: 3600 },
};

/*
 * Schedules (cron, UTC), validated with the rest of the configuration (src/lib/env.ts) and read when the worker
 * registers them.
 */

/** Due reminders are re-polled every minute (a safety net behind each reminder's own job), low availability daily. */
export const reminderSweepCron = () => env().REMINDER_SWEEP_CRON;
export const lowAvailabilityCron = () => env().LOW_AVAILABILITY_CRON;

/**
 * Stored webhook deliveries whose processing job is missing (the process stopped between the delivery's insert and its
 * job's) are enqueued by a sweep, by default every minute.
 */
export const webhookSweepCron = () => env().WEBHOOK_SWEEP_CRON;

/** Reconciliation of every connected coach, by default every 15 minutes (cron, UTC). */
export const reconcileCron = () => env().RECONCILE_CRON;

/** Retention purge of invitee personal data (src/features/privacy/run-retention.ts), by default daily at 03:30 UTC. */
export const retentionCron = () => env().RETENTION_CRON;
