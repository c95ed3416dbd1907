// npm run worker - background jobs (webhook processing, reconciliation, reminders); run several for scale-out
import { EnvError, parseEnv } from "../src/lib/env";

async function main() {
  parseEnv(process.env);
  if (!process.env.DATABASE_URL) {
    throw new Error("DATABASE_URL is not set: the worker joins an existing database (npm start runs one for you).");
  }
  process.env.SESSIONLY_SERVICE ??= "worker";
  const { startWorker } = await import("../src/lib/jobs/worker");
  const worker = await startWorker();
  const stop = async () => {
    await worker.stop();
    process.exit(0);
  };
  process.on("SIGINT", () => void stop());
  process.on("SIGTERM", () => void stop());
}

main().catch((error) => {
  process.stderr.write(`${error instanceof EnvError ? error.message : `Worker could not start: ${(error as Error).message}`}\n`);
  process.exit(1);
});
