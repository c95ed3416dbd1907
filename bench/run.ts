// npm run bench [-- NAME ...] [--quick]: runs the benchmarks (all by default), prints each table and writes
// bench/results/NAME.md and NAME.json (plus summary.md). See docs/decisions/008-benchmarks.md for the method.
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { configureAppEnvironment } from "./lib/config";
import type { Benchmark } from "./lib/benchmark";
import { writeReport } from "./lib/report";

const BENCHMARKS = ["webhook-ingest", "sessions-list", "analytics", "availability", "reconcile", "bundle"] as const;
type BenchmarkName = (typeof BENCHMARKS)[number];

const { values, positionals } = parseArgs({ allowPositionals: true, options: { quick: { type: "boolean", default: false } } });
const unknown = positionals.filter((name) => !(BENCHMARKS as readonly string[]).includes(name));
if (unknown.length) {
  console.error(`Unknown benchmark ${unknown.join(", ")}; choose from ${BENCHMARKS.join(", ")}.`);
  process.exit(2);
}
const selected = (positionals.length ? positionals : BENCHMARKS) as BenchmarkName[];

async function main() {
  // Before any app module loads: the app reads its configuration from the environment.
  configureAppEnvironment();
  const outputs: string[] = [];
  let failed = 0;
  for (const name of selected) {
    const started = performance.now();
    process.stdout.write(`\n▶ ${name}${values.quick ? " (quick)" : ""}\n`);
    try {
      const benchmark = ((await import(`./benchmarks/${name}.ts`)) as { default: Benchmark }).default;
      const report = await benchmark.run({ quick: values.quick ?? false });
      const markdown = writeReport(report);
      outputs.push(markdown);
      process.stdout.write(`\n${markdown}\n(${((performance.now() - started) / 1000).toFixed(1)} s)\n`);
    } catch (error) {
      failed++;
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      outputs.push(`## ${name}\n\nFailed: ${message.split("\n")[0]}\n`);
      process.stderr.write(`✗ ${name} failed: ${message}\n`);
    }
  }
  const dir = path.resolve(process.cwd(), "bench", "results");
  fs.mkdirSync(dir, { recursive: true });
  if (selected.length > 1) fs.writeFileSync(path.join(dir, "summary.md"), outputs.join("\n"));
  const { closeDb } = await import("@/lib/db");
  const { stopBoss } = await import("@/lib/jobs/boss");
  await stopBoss().catch(() => {});
  await closeDb().catch(() => {});
  process.exit(failed ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
