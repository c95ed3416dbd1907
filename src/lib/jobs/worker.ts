import { followEmulatorClock } from "@/features/notifications/notification-clock";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";
import { enqueue, getBoss, stopBoss } from "./boss";
import { registerJobHandlers } from "./handlers";
import { QUEUES } from "./queues";

/** Starts a worker in this process: job handlers, schedules and pg-boss maintenance. */
export async function startWorker() {
  const boss = await getBoss({ worker: true });
  await registerJobHandlers(boss);
  const config = env();
  // NOTIFICATION_CLOCK=emulator: reminders follow the emulator's clock; a jump re-checks due reminders at once.
  const follower =
    config.NOTIFICATION_CLOCK === "emulator" && config.usesEmulator
      ? followEmulatorClock({
          baseUrl: config.EMULATOR_PUBLIC_URL,
          adminToken: config.EMULATOR_ADMIN_TOKEN,
          onJump: async (offsetMs) => {
            logger.info({ offsetMs }, "emulator clock moved: sweeping due reminders");
            await enqueue(QUEUES.notificationReminderSweep, {});
          },
        })
      : null;
  logger.info({ notificationClock: follower ? "emulator" : "real" }, "worker started");
  return {
    stop: async () => {
      follower?.stop();
      await stopBoss();
    },
  };
}
