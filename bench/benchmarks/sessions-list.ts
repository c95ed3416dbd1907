// sessions-list: GET /api/calendly/scheduled_events's feature function (listSessions, keyset pages) against the same
// query paged with OFFSET, for a coach and for the admin, on the seeded dataset.
import { sql, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { listSessions } from "@/features/sessions/list-sessions";
import { resolveFilters, sessionFilterConditions, type ResolvedFilters } from "@/features/sessions/list-sessions";
import { listSessionsQuerySchema, type ListSessionsQuery, type SessionSort } from "@/features/sessions/list-sessions-query";
import { encodeCursor } from "@/features/sessions/session-cursor";
import type { SessionViewer } from "@/features/sessions/session-access";
import { sessionColumns, sessionJoins } from "@/features/sessions/session-row";
import type { Benchmark } from "../lib/benchmark";
import { benchPool, requireSeededDataset } from "../lib/schema";
import { measure, ms, type Summary } from "../lib/stats";

const PAGE_SIZE = 25;
const DEEP_PAGE = 5000;

// The list's ORDER BY, as list-sessions.ts builds it (status rank: active, canceled, rescheduled).
const STATUS_RANK = sql`(case when e.status = 'active' then 0 when e.rescheduled then 2 else 1 end)`;
function orderColumns(sort: SessionSort): Array<{ expression: SQL; time: boolean }> {
  if (sort === "created") return [{ expression: sql`e.calendly_created_at`, time: true }];
  if (sort === "status") return [{ expression: STATUS_RANK, time: false }, { expression: sql`e.start_time`, time: true }];
  return [{ expression: sql`e.start_time`, time: true }];
}
function orderBy(sort: SessionSort, dir: "asc" | "desc"): SQL {
  const direction = dir === "asc" ? sql`asc` : sql`desc`;
  return sql.join([...orderColumns(sort).map((column) => sql`${column.expression} ${direction}`), sql`e.uuid ${direction}`], sql`, `);
}

/** The baseline: the same columns, joins, filters (as listSessions resolves them) and order, with `LIMIT … OFFSET`. */
async function offsetPage(viewer: SessionViewer, query: ListSessionsQuery, page: number, now: Date, resolved: ResolvedFilters) {
  const conditions = sessionFilterConditions(viewer, query, now, resolved);
  const result = await getDb().execute(sql`
    select ${sessionColumns(viewer)} from calendly_scheduled_events e ${sessionJoins}
     where ${sql.join(conditions, sql` and `)}
     order by ${orderBy(query.sort, query.dir)}
     limit ${query.size} offset ${(page - 1) * query.size}`);
  return result.rows;
}

/** The `after` cursor that opens page `page` (the keys of the last row of the page before), found once, untimed. */
async function cursorForPage(viewer: SessionViewer, query: ListSessionsQuery, page: number, now: Date, resolved: ResolvedFilters): Promise<string | null> {
  if (page <= 1) return null;
  const columns = orderColumns(query.sort);
  const keys = sql.join(
    columns.map((column, index) =>
      column.time
        ? sql`to_char(${column.expression} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as k${sql.raw(String(index))}`
        : sql`${column.expression} as k${sql.raw(String(index))}`,
    ),
    sql`, `,
  );
  const result = await getDb().execute(sql`
    select e.uuid, ${keys} from calendly_scheduled_events e
     where ${sql.join(sessionFilterConditions(viewer, query, now, resolved), sql` and `)}
     order by ${orderBy(query.sort, query.dir)} limit 1 offset ${(page - 1) * query.size - 1}`);
  const row = result.rows[0] as Record<string, unknown> | undefined;
  if (!row) return null;
  return encodeCursor({
    sort: query.sort,
    dir: query.dir,
    keys: columns.map((column, index) => (column.time ? String(row[`k${index}`]) : Number(row[`k${index}`]))),
    uuid: String(row.uuid),
  });
}

interface Case {
  viewer: "admin" | "coach";
  label: string;
  query: Record<string, string>;
  page: number;
}

const benchmark: Benchmark = {
  name: "sessions-list",
  title: "session list (keyset) vs the same query with OFFSET",
  async run({ quick }) {
    const pool = benchPool(1);
    const meta = await requireSeededDataset(pool);
    // The busiest coach (coach 1 holds ≈4% of all sessions) and one of their event types.
    const coachRow = (
      await pool.query(`select e.coach_user_id as id, count(*)::int as sessions from calendly_scheduled_events e group by 1 order by 2 desc limit 1`)
    ).rows[0] as { id: string; sessions: number };
    const eventTypeUuid = (await pool.query(`select uuid from calendly_event_types where coach_user_id = $1 order by name limit 1`, [coachRow.id])).rows[0].uuid as string;
    const searchRare = (await pool.query(`select email_normalized from calendly_invitees where realtor_user_id is not null order by uuid limit 1`)).rows[0].email_normalized as string;
    await pool.end();

    const now = new Date();
    const monthAgo = new Date(now.getTime() - 30 * 86_400_000).toISOString().slice(0, 10);
    const twoMonthsAgo = new Date(now.getTime() - 60 * 86_400_000).toISOString().slice(0, 10);
    const viewers: Record<Case["viewer"], SessionViewer> = {
      admin: { user: { id: "bench-admin", role: "admin", timeZone: "America/New_York", name: "Bench Admin" }, scope: "any" },
      coach: { user: { id: coachRow.id, role: "coach", timeZone: "America/Chicago", name: "Coach" }, scope: "own" },
    };
    const coachPages = Math.floor(coachRow.sessions / PAGE_SIZE);
    const cases: Case[] = [];
    for (const viewer of ["admin", "coach"] as const) {
      const deep = viewer === "admin" ? DEEP_PAGE : Math.min(DEEP_PAGE, coachPages);
      cases.push(
        { viewer, label: "first page (start ↑)", query: {}, page: 1 },
        { viewer, label: "first page (start ↓)", query: { dir: "desc" }, page: 1 },
        { viewer, label: "sort created", query: { sort: "created" }, page: 1 },
        { viewer, label: "sort status", query: { sort: "status" }, page: 1 },
        { viewer, label: "status upcoming", query: { status: "upcoming" }, page: 1 },
        { viewer, label: "status past", query: { status: "past", dir: "desc" }, page: 1 },
        { viewer, label: "status canceled", query: { status: "canceled" }, page: 1 },
        { viewer, label: "status rescheduled", query: { status: "rescheduled" }, page: 1 },
        { viewer, label: "status no-show", query: { status: "no_show", dir: "desc" }, page: 1 },
        { viewer, label: "date range (1 month)", query: { from: twoMonthsAgo, to: monthAgo }, page: 1 },
        { viewer, label: "event type", query: { eventType: eventTypeUuid }, page: 1 },
        { viewer, label: "search common name", query: { q: "carter" }, page: 1 },
        { viewer, label: "search one realtor's email", query: { q: searchRare }, page: 1 },
        { viewer, label: `deep page ${deep} (start)`, query: {}, page: deep },
        { viewer, label: `deep page ${deep} (created)`, query: { sort: "created" }, page: deep },
        { viewer, label: `deep page ${deep} (status)`, query: { sort: "status" }, page: deep },
      );
      if (viewer === "admin") cases.push({ viewer, label: "coach filter", query: { coach: coachRow.id }, page: 1 });
    }

    const iterations = quick ? 5 : 30;
    const offsetIterations = (page: number) => (quick ? 2 : page > 100 ? 5 : 15);
    const rows: Array<Array<string | number>> = [];
    const results: Array<{ viewer: string; label: string; page: number; keyset: Summary; offset: Summary; returned: number }> = [];
    for (const testCase of cases) {
      const viewer = viewers[testCase.viewer];
      const base = listSessionsQuerySchema.parse({ size: String(PAGE_SIZE), ...testCase.query });
      const resolved = await resolveFilters(viewer, base);
      const after = await cursorForPage(viewer, base, testCase.page, now, resolved);
      const query = after ? { ...base, after } : base;
      let returned = 0;
      const keyset = await measure(
        async () => {
          returned = (await listSessions(viewer, query, { now })).sessions.length;
        },
        { iterations },
      );
      const offset = await measure(() => offsetPage(viewer, base, testCase.page, now, resolved), { iterations: offsetIterations(testCase.page), warmup: 1 });
      results.push({ viewer: testCase.viewer, label: testCase.label, page: testCase.page, keyset, offset, returned });
      rows.push([testCase.viewer, testCase.label, testCase.page, returned, ms(keyset.p50), ms(keyset.p95), ms(offset.p50), `${(offset.p50 / keyset.p50).toFixed(1)}×`]);
      process.stdout.write(`  ${testCase.viewer} · ${testCase.label}: keyset p95 ${ms(keyset.p95)} ms, offset p50 ${ms(offset.p50)} ms\n`);
    }

    const worstP95 = results.reduce((worst, result) => (result.keyset.p95 > worst.keyset.p95 ? result : worst));
    const deepAdmin = results.filter((result) => result.viewer === "admin" && result.page === DEEP_PAGE);
    const slowestDeepRatio = Math.min(...deepAdmin.map((result) => result.offset.p50 / result.keyset.p50));
    return {
      name: "sessions-list",
      title: "session list: keyset pages vs OFFSET",
      notes: [
        `Dataset: ${JSON.stringify((meta.counts as Record<string, unknown>) ?? meta.seed)}.`,
        `Server time = \`listSessions(viewer, query)\` (the feature behind \`GET /api/calendly/scheduled_events\`: SQL, rows to DTOs), page size ${PAGE_SIZE}; ${iterations} timed runs after 2 warm-ups. Session lookup and rate limiting of the route wrapper are not included.`,
        `Baseline: the same columns, joins, filters and ORDER BY with \`LIMIT ${PAGE_SIZE} OFFSET (page-1)×${PAGE_SIZE}\`, in the same run (p50 of ${quick ? 2 : "5–15"} runs); the search form and event type URI that listSessions looks up first are looked up once, untimed, for it.`,
        `Coach = the busiest coach (${coachRow.sessions.toLocaleString("en")} sessions, ${coachPages} pages): their deep page is their last full page.`,
      ],
      columns: ["Viewer", "Case", "Page", "Rows", "Keyset p50 ms", "Keyset p95 ms", "OFFSET p50 ms", "OFFSET ÷ keyset"],
      rows,
      targets: [
        { what: "p95 server time, every case", measured: `${ms(worstP95.keyset.p95)} ms (worst: ${worstP95.viewer} · ${worstP95.label})`, target: "< 30 ms", ok: worstP95.keyset.p95 < 30 },
        { what: `keyset vs OFFSET at page ${DEEP_PAGE} (admin, slowest sort)`, measured: `${slowestDeepRatio.toFixed(1)}×`, target: "≥ 20×", ok: slowestDeepRatio >= 20 },
      ],
      data: { coach: coachRow, results },
    };
  },
};

export default benchmark;
