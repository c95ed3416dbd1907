// analytics: the analytics dashboard (GET /api/analytics/dashboard's feature function) for the admin and for one coach,
// with the indexes, against the same SQL with index scans switched off for the connection.
import { closeDb } from "@/lib/db";
import { scopeFilters, type AnalyticsFilters } from "@/features/analytics/analytics-filters";
import { getAnalyticsDashboard } from "@/features/analytics/get-analytics-dashboard";
import { getBookingSuccess } from "@/features/analytics/get-booking-success";
import { getCancellations } from "@/features/analytics/get-cancellations";
import { getKpis } from "@/features/analytics/get-kpis";
import { getQuestionInsights } from "@/features/analytics/get-question-insights";
import { getReschedulePatterns } from "@/features/analytics/get-reschedule-patterns";
import { getTimeSlots } from "@/features/analytics/get-time-slots";
import { getTrends } from "@/features/analytics/get-trends";
import { getUtilization } from "@/features/analytics/get-utilization";
import type { Benchmark } from "../lib/benchmark";
import { benchUrl } from "../lib/config";
import { benchPool, requireSeededDataset } from "../lib/schema";
import { measure, ms, summarize, type Summary } from "../lib/stats";

const SECTIONS: Record<string, (filters: AnalyticsFilters) => Promise<unknown>> = {
  kpis: getKpis,
  trends: getTrends,
  timeSlots: getTimeSlots,
  utilization: getUtilization,
  reschedules: getReschedulePatterns,
  cancellations: getCancellations,
  questions: getQuestionInsights,
  bookingSuccess: getBookingSuccess,
};

/** Points the app's pool at a URL (the pool is per URL: switching closes the old one). */
async function switchPoolTo(url: string) {
  await closeDb();
  process.env.DATABASE_URL = url;
}

const NO_INDEX_OPTIONS = "-c enable_indexscan=off -c enable_bitmapscan=off -c enable_indexonlyscan=off";

const benchmark: Benchmark = {
  name: "analytics",
  title: "analytics dashboard vs the same SQL without index scans",
  async run({ quick }) {
    const pool = benchPool(1);
    const meta = await requireSeededDataset(pool);
    const busiest = (await pool.query(`select coach_user_id as id, count(*)::int as sessions from calendly_scheduled_events group by 1 order by 2 desc limit 1`)).rows[0] as {
      id: string;
      sessions: number;
    };
    await pool.end();

    const now = new Date();
    const day = (offset: number) => new Date(now.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
    const periods: Array<{ key: string; label: string; from?: string; to?: string }> = [
      { key: "30d", label: "last 30 days (default)" },
      { key: "12m", label: "last 12 months", from: day(-364), to: day(0) },
      { key: "3y", label: "all 3 years", from: day(-912), to: day(183) },
    ];
    // BENCH_ANALYTICS_CASES=admin:30d,coach:3y runs only those cases (a long admin period can take minutes per run).
    const only = process.env.BENCH_ANALYTICS_CASES?.split(",").map((item) => item.trim());
    const admin = { id: "bench-admin", role: "admin" as const, timeZone: "America/New_York" };
    const coach = { id: busiest.id, role: "coach" as const, timeZone: "America/Chicago" };
    const iterations = quick ? 3 : 10;
    const baselineIterations = quick ? 1 : 3;
    const indexedUrl = benchUrl();
    const noIndexUrl = `${indexedUrl}${encodeURIComponent(` ${NO_INDEX_OPTIONS}`)}`;

    const rows: Array<Array<string | number>> = [];
    const results: Array<{ viewer: string; period: string; indexed: Summary; baseline: Summary; sections: Record<string, number> }> = [];
    for (const viewer of [
      { name: "admin", user: admin, scope: "any" as const },
      { name: "coach", user: coach, scope: "own" as const },
    ]) {
      for (const period of quick ? periods.slice(0, 1) : periods) {
        if (only && !only.includes(`${viewer.name}:${period.key}`)) continue;
        const filters = () => scopeFilters(viewer.user, viewer.scope, { from: period.from, to: period.to }, { now });
        await switchPoolTo(indexedUrl);
        const indexed = await measure(() => getAnalyticsDashboard(filters()), { iterations });
        // Where the time goes: each section alone (p50), to find the one to fix.
        const sections: Record<string, number> = {};
        for (const [name, section] of Object.entries(SECTIONS)) {
          const samples: number[] = [];
          for (let index = 0; index < (quick ? 1 : 3); index++) {
            const started = performance.now();
            await section(filters());
            samples.push(performance.now() - started);
          }
          sections[name] = summarize(samples).p50;
        }
        await switchPoolTo(noIndexUrl);
        const baseline = await measure(() => getAnalyticsDashboard(filters()), { iterations: baselineIterations, warmup: 1 });
        await switchPoolTo(indexedUrl);
        results.push({ viewer: viewer.name, period: period.label, indexed, baseline, sections });
        const slowest = Object.entries(sections).sort((a, b) => b[1] - a[1]).slice(0, 3);
        rows.push([
          viewer.name,
          period.label,
          ms(indexed.p50),
          ms(indexed.p95),
          ms(baseline.p50),
          `${(baseline.p50 / indexed.p50).toFixed(1)}×`,
          slowest.map(([name, value]) => `${name} ${ms(value)}`).join(", "),
        ]);
        process.stdout.write(`  ${viewer.name} · ${period.label}: p95 ${ms(indexed.p95)} ms (no indexes ${ms(baseline.p50)} ms)\n`);
      }
    }

    const target = (viewer: string, label: string, limit: number, pick: (rows: typeof results) => (typeof results)[number] | undefined) => {
      const result = pick(results.filter((row) => row.viewer === viewer));
      return result
        ? { what: `${viewer} dashboard, ${label} (${result.period}, p95)`, measured: `${ms(result.indexed.p95)} ms`, target: `< ${limit} ms`, ok: result.indexed.p95 < limit }
        : { what: `${viewer} dashboard, ${label}`, measured: "not run", target: `< ${limit} ms`, ok: false };
    };
    const byDefault = (rows: typeof results) => rows.find((row) => row.period === periods[0].label);
    const byWorst = (rows: typeof results) => (rows.length ? rows.reduce((worst, row) => (row.indexed.p95 > worst.indexed.p95 ? row : worst)) : undefined);
    return {
      name: "analytics",
      title: "analytics dashboard vs the same SQL without index scans",
      notes: [
        `Dataset: ${JSON.stringify(meta.counts ?? meta.seed)}.`,
        "Server time = `getAnalyticsDashboard(scopeFilters(...))`, the feature behind `GET /api/analytics/dashboard` (its eight sections run side by side on the pool); the sections column times each section alone (p50).",
        `Baseline in the same run: the same functions on a pool whose connections start with \`${NO_INDEX_OPTIONS}\` (sequential scans only: "without the indexes").`,
        `Coach = the busiest coach (${busiest.sessions.toLocaleString("en")} sessions in 3 years). ${iterations} timed runs (baseline ${baselineIterations}) after warm-ups.`,
      ],
      columns: ["Viewer", "Period", "p50 ms", "p95 ms", "No-index p50 ms", "Speed-up", "Slowest sections (ms, alone)"],
      rows,
      targets: [
        target("admin", "default period", 250, byDefault),
        target("admin", "worst period run", 250, byWorst),
        target("coach", "default period", 50, byDefault),
        target("coach", "worst period run", 50, byWorst),
      ],
      data: { coach: busiest, results },
    };
  },
};

export default benchmark;
