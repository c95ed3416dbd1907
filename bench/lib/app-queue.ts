import { PgBoss } from "pg-boss";
import { ensureQueues } from "@/lib/jobs/boss";
import { BENCH_SCHEMA } from "./config";

/**
 * The app's pg-boss, but in schema `bench` (the app hard-codes `pgboss`, which `npm run test:pg` drops and rebuilds):
 * started here and installed where `getBoss()` looks for this process's instance, so `enqueue(…, { tx })` in the code
 * under test runs unchanged.
 */
export async function installBenchQueue(): Promise<PgBoss> {
  const url = process.env.DATABASE_URL!;
  const boss = new PgBoss({ connectionString: url, schema: BENCH_SCHEMA, max: 2, supervise: false, schedule: false, migrate: true });
  boss.on("error", () => {});
  await boss.start();
  await ensureQueues(boss);
  (globalThis as unknown as { sessionlyBoss?: { url: string; boss: Promise<PgBoss> } }).sessionlyBoss = { url, boss: Promise.resolve(boss) };
  return boss;
}
