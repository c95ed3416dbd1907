import type { PgBoss } from "pg-boss";
import { QUEUES, lowAvailabilityCron, reminderSweepCron } from "@/lib/jobs/queues";
import { checkLowAvailability } from "./low-availability-alerts";
import { processReminder, sweepDueReminders } from "./reminders";
import { failStaleClaims, sendOutboxMessage } from "./send-outbox-message";

/** The notification queues' workers and schedules (registered by src/lib/jobs/handlers.ts; tests call it too). */
export async function registerNotificationHandlers(boss: PgBoss, options: { schedules?: boolean } = {}) {
  await boss.work<{ messageId: string }>(QUEUES.notificationSend, { batchSize: 1, localConcurrency: 2, pollingIntervalSeconds: 0.5 }, async ([job]) => {
    await sendOutboxMessage(job.data.messageId);
  });

  await boss.work<{ reminderId: string }>(QUEUES.notificationReminder, { pollingIntervalSeconds: 1 }, async ([job]) => {
    const result = await processReminder(job.data.reminderId);
    // Woke before its minute (clock skew between the queue and the notification clock): look again at the due time.
    if (result.outcome === "not_due" && result.dueInMs) {
      await boss.send(QUEUES.notificationReminder, { reminderId: job.data.reminderId }, { startAfter: Math.ceil(result.dueInMs / 1000) });
    }
  });

  await boss.work(QUEUES.notificationReminderSweep, { pollingIntervalSeconds: 1 }, async () => {
    await sweepDueReminders();
    await failStaleClaims();
  });

  await boss.work(QUEUES.notificationLowAvailability, { pollingIntervalSeconds: 5 }, async () => {
    await checkLowAvailability();
  });

  if (options.schedules ?? true) {
    await boss.schedule(QUEUES.notificationReminderSweep, reminderSweepCron(), {}, { tz: "UTC" });
    await boss.schedule(QUEUES.notificationLowAvailability, lowAvailabilityCron(), {}, { tz: "UTC" });
  }
}
