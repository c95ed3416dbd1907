// webhook-ingest: signed Calendly deliveries through the real route handler (verify, durable insert, enqueue) on a
// loopback node:http server, at fixed rates and at max, against a bare node:http server doing one pg insert.
import { spawn } from "node:child_process";
import { createHash, randomUUID } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { encryptSecret } from "@/lib/crypto/token-cipher";
import { env } from "@/lib/env";
import { configureRateLimits } from "@/lib/security/rate-limit";
import { POST as webhookRoute } from "@/app/api/webhooks/calendly/route";
import { deliveryStoreStats } from "@/features/calendly/webhooks/store-deliveries";
import type { Benchmark } from "../lib/benchmark";
import { benchUrl } from "../lib/config";
import { installBenchQueue } from "../lib/app-queue";
import { readBody, serve, serveRoute, type RunningServer } from "../lib/http-adapter";
import { benchPool, ensureBenchSchemaExists } from "../lib/schema";

interface LoadResult {
  sent: number;
  lastSequence: number;
  requestsPerSecond: number;
  total: number;
  latency: { p50: number; p90: number; p99: number; max: number; mean: number };
  ok2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, { count: number }>;
}

function runLoad(spec: { url: string; runId: string; signingKey: string; seconds: number; connections: number; rate: number; firstSequence: number }): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.resolve(process.cwd(), "bench/lib/load-generator.ts"), JSON.stringify(spec)], {
      stdio: ["ignore", "pipe", "inherit"],
    });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    child.on("error", reject);
    child.on("exit", () => {
      const line = output.trim().split("\n").pop() ?? "{}";
      const parsed = JSON.parse(line) as LoadResult & { error?: string };
      if (parsed.error) reject(new Error(parsed.error));
      else resolve(parsed);
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const benchmark: Benchmark = {
  name: "webhook-ingest",
  title: "webhook ingest through the real route vs a bare node:http + pg insert",
  async run({ quick }) {
    const pool = benchPool(2);
    await ensureBenchSchemaExists(pool);
    const runId = `bench${Date.now().toString(36)}`;
    const signingKey = `bench-signing-key-${randomUUID()}`;
    const coachId = `bench-webhook-coach-${runId}`;
    const connectionId = randomUUID();
    await pool.query(`insert into "user" (id, name, email, role) values ($1, 'Webhook Bench Coach', $2, 'coach')`, [coachId, `${coachId}@bench.test`]);
    await pool.query(
      `insert into calendly_connections (id, user_id, calendly_user_uri, organization_uri, auth_kind, status, webhook_signing_key_encrypted, webhook_scope)
       values ($1, $2, $3, 'https://api.calendly.com/organizations/BENCHORG', 'pat', 'connected', $4, 'user')`,
      [connectionId, coachId, `https://api.calendly.com/users/${runId}`, encryptSecret(signingKey)],
    );
    await pool.query(`drop table if exists bench_baseline_deliveries`);
    await pool.query(`create table bench_baseline_deliveries (like calendly_webhook_deliveries including defaults including indexes including constraints)`);

    // The app as deployed: jobs enqueued in the delivery's transaction, rate-limit counters in Postgres (the webhook
    // bucket counts in memory per instance). The bucket (30,000/min per IP by default) is raised: all load comes from one
    // loopback IP here.
    await installBenchQueue();
    // The route's tables start clean, like the baseline's fresh copy: each run deletes its ~50,000 deliveries and jobs,
    // and this PostgreSQL runs with autovacuum off, so without this the dead rows piled up run after run (700,000 in
    // each table after a dozen runs) and the route's inserts and unique checks waded through them.
    for (const table of ["calendly_webhook_deliveries", "job_common", "job"]) await pool.query(`vacuum (analyze) ${table}`);
    configureRateLimits({ webhook: { points: 1_000_000_000, duration: 60 } });
    const app = await serveRoute(webhookRoute);

    const baselinePool = new pg.Pool({ connectionString: benchUrl(), max: env().DATABASE_POOL_SIZE });
    const baseline = await serve(async (req, res) => {
      const raw = (await readBody(req)).toString("utf8");
      const envelope = JSON.parse(raw) as { event: string; created_at: string; payload: { uri: string } };
      const dedupeKey = createHash("sha256").update(`${envelope.event}|${envelope.payload.uri}|${envelope.created_at}`).digest("hex");
      const result = await baselinePool.query(
        `insert into bench_baseline_deliveries (dedupe_key, event, payload) values ($1, $2, $3::jsonb) on conflict (dedupe_key) do nothing returning id`,
        [dedupeKey, envelope.event, raw],
      );
      res.writeHead(result.rowCount ? 202 : 200, { "content-type": "application/json" });
      res.end(JSON.stringify({ received: true, duplicate: !result.rowCount }));
    });

    const seconds = quick ? 3 : 15;
    const plan: Array<{ label: string; rate: number; connections: number }> = [
      { label: "max", rate: 0, connections: 20 },
      { label: "100 req/s", rate: 100, connections: 10 },
      { label: "250 req/s", rate: 250, connections: 20 },
      { label: "500 req/s", rate: 500, connections: 40 },
    ];
    let sequence = 0;
    const rows: Array<Array<string | number>> = [];
    const runs: Array<Record<string, unknown>> = [];
    const counts = async (target: "app" | "baseline") => {
      const query =
        target === "app"
          ? `select count(*)::int as rows, count(distinct payload->'payload'->>'uri')::int as distinct_uris from calendly_webhook_deliveries where connection_id = $1`
          : `select count(*)::int as rows, count(distinct payload->'payload'->>'uri')::int as distinct_uris from bench_baseline_deliveries where $1::text is not null`;
      return (await pool.query(query, [connectionId])).rows[0] as { rows: number; distinct_uris: number };
    };
    const jobs = async () =>
      ((await pool.query(`select count(*)::int as n from job where name = 'calendly-webhook-process' and data->>'deliveryId' in (select id::text from calendly_webhook_deliveries where connection_id = $1)`, [connectionId])).rows[0] as { n: number }).n;

    try {
      // Warm-up, not reported: the route's first requests load and compile modules and fill the key cache, which the
      // bare server does not have; without it the first step (max) measured mostly start-up.
      for (const target of ["baseline", "app"] as const) {
        const url = target === "app" ? `${app.url}/api/webhooks/calendly?connection=${connectionId}` : `${baseline.url}/baseline`;
        const warm = await runLoad({ url, runId, signingKey, seconds: quick ? 1 : 3, connections: 10, rate: 0, firstSequence: sequence });
        sequence = warm.lastSequence + 1;
      }
      await sleep(500);
      for (const step of plan) {
        for (const target of ["baseline", "app"] as const) {
          const server: RunningServer = target === "app" ? app : baseline;
          const before = await counts(target);
          const url = target === "app" ? `${server.url}/api/webhooks/calendly?connection=${connectionId}` : `${server.url}/baseline`;
          const result = await runLoad({ url, runId, signingKey, seconds, connections: step.connections, rate: step.rate, firstSequence: sequence });
          sequence = result.lastSequence + 1;
          await sleep(500); // responses cut off at the end of the run may still be committing
          const after = await counts(target);
          const stored = after.rows - before.rows;
          const duplicates = after.rows - after.distinct_uris - (before.rows - before.distinct_uris);
          const lost = Math.max(0, result.ok2xx - stored);
          runs.push({ target, step: step.label, ...result, stored, duplicates, lost });
          rows.push([
            step.label,
            target === "app" ? "route" : "bare http + pg",
            Math.round(result.requestsPerSecond),
            result.latency.p50,
            result.latency.p99,
            result.ok2xx,
            result.non2xx + result.errors + result.timeouts,
            stored,
            lost,
            duplicates,
          ]);
          process.stdout.write(`  ${step.label} · ${target}: ${Math.round(result.requestsPerSecond)} req/s, p99 ${result.latency.p99} ms, 2xx ${result.ok2xx}, stored ${stored}\n`);
        }
      }
      await sleep(1000);
      const enqueued = await jobs();
      const appStored = (await counts("app")).rows;
      const storeStats = deliveryStoreStats();
      const appRuns = runs.filter((run) => run.target === "app");
      const appMax = runs.find((run) => run.target === "app" && run.step === "max")!;
      const baselineMax = runs.find((run) => run.target === "baseline" && run.step === "max")!;
      const at500 = runs.find((run) => run.target === "app" && run.step === "500 req/s")!;
      const throughputShare = (appMax.requestsPerSecond as number) / (baselineMax.requestsPerSecond as number);
      const lost = appRuns.reduce((sum, run) => sum + (run.lost as number), 0);
      const duplicates = appRuns.reduce((sum, run) => sum + (run.duplicates as number), 0);
      const failures = appRuns.reduce((sum, run) => sum + (run.non2xx as number) + (run.errors as number) + (run.timeouts as number), 0);
      return {
        name: "webhook-ingest",
        title: "webhook ingest: real route vs bare node:http + one pg insert",
        notes: [
          "Route: `POST /api/webhooks/calendly?connection=…` (`apiRoute` wrapper with the Postgres rate-limit store, signature check against the connection's encrypted key, zod parse, autocommitted insert grouped with the deliveries arriving meanwhile (group commit), then a batched pg-boss insert of its job keyed by the delivery id) behind a `node:http` server on 127.0.0.1; pg-boss lives in schema `bench`.",
          "Baseline in the same run: a bare `node:http` server that parses the body and does one `insert … on conflict do nothing` into a copy of `calendly_webhook_deliveries`, same pool size.",
          `Load: autocannon in a child process, every request a distinct \`invitee.created\` delivery signed with the connection's key; ${seconds} s per step; fixed rates use autocannon's \`overallRate\`.`,
          "The webhook rate-limit bucket is raised for the run (default 1,200/min per IP would refuse most of this single-IP load).",
          `Group commit: ${storeStats.rows} route deliveries reached the database in ${storeStats.statements} insert statements (${(storeStats.rows / Math.max(1, storeStats.statements)).toFixed(1)} per statement on average; one each when they do not overlap).`,
          `After the run: ${appStored} delivery rows stored for the route, ${enqueued} \`calendly-webhook-process\` jobs enqueued for them.`,
        ],
        columns: ["Step", "Server", "req/s", "p50 ms", "p99 ms", "2xx", "Failed", "Rows stored", "Lost", "Duplicated"],
        rows,
        targets: [
          { what: "throughput at max vs baseline", measured: `${(throughputShare * 100).toFixed(0)}% (${Math.round(appMax.requestsPerSecond as number)} vs ${Math.round(baselineMax.requestsPerSecond as number)} req/s)`, target: "≥ 50%", ok: throughputShare >= 0.5 },
          { what: "p99 latency at 500 req/s", measured: `${(at500.latency as LoadResult["latency"]).p99} ms (achieved ${Math.round(at500.requestsPerSecond as number)} req/s)`, target: "< 50 ms", ok: (at500.latency as LoadResult["latency"]).p99 < 50 && (at500.requestsPerSecond as number) >= 475 },
          { what: "lost / duplicated rows (route)", measured: `${lost} lost, ${duplicates} duplicated, ${failures} failed requests`, target: "0 / 0", ok: lost === 0 && duplicates === 0 },
          { what: "one job per stored delivery", measured: `${enqueued} jobs for ${appStored} rows`, target: "equal", ok: enqueued === appStored },
        ],
        data: { runs, connectionId },
      };
    } finally {
      await app.stop();
      await baseline.stop();
      await baselinePool.end();
      await pool.query(`delete from job where name = 'calendly-webhook-process' and data->>'deliveryId' in (select id::text from calendly_webhook_deliveries where connection_id = $1)`, [connectionId]).catch(() => {});
      await pool.query(`delete from calendly_webhook_deliveries where connection_id = $1`, [connectionId]);
      await pool.query(`delete from "user" where id = $1`, [coachId]);
      await pool.query(`drop table if exists bench_baseline_deliveries`);
      await pool.end();
    }
  },
};

export default benchmark;
