import { logger } from "@/lib/logger";
import { getBoss, stopBoss } from "./boss";
import { registerJobHandlers } from "./handlers";

/** Starts a worker in this process: job handlers, schedules and pg-boss maintenance. */
export async function startWorker() {
  const boss = await getBoss({ worker: true });
  await registerJobHandlers(boss);
  logger.info("worker started");
  return { stop: stopBoss };
}
