// npm run bench:seed -- --sessions 1000000 [--coaches 200] [--realtors 5000] [--seed 42] [--anchor 2026-11-25] [--reset]
// Fills schema `bench` with a realistic, repeatable Sessionly dataset for the benchmarks (see docs/decisions/008).
import { parseArgs } from "node:util";
import type pg from "pg";
import { BENCH_SCHEMA } from "./lib/config";
import { benchPool, ensureBenchSchema, readMeta, writeMeta } from "./lib/schema";

/**
 * Everything is generated inside PostgreSQL with `generate_series` and multi-row `INSERT … SELECT` batches; every
 * "random" choice is `hashint8extended(row, seed)`, so the same flags give the same rows on any machine, in any batch
 * order. Times are relative to `--anchor` (default: today, UTC): 30 months of history and 6 months ahead.
 *
 * Mix: ≈10% canceled (30% by the host), ≈5% old halves of reschedule chains (one-on-one bookings, chains of up to 3
 * reschedules), ≈7% of past active sessions no-show; three invitees per session on average (a quarter of sessions are
 * group masterclasses with 2–16 invitees); every invitee answers the event type's questions.
 */
const { values: flags } = parseArgs({
  options: {
    sessions: { type: "string", default: "1000000" },
    coaches: { type: "string", default: "200" },
    realtors: { type: "string", default: "5000" },
    seed: { type: "string", default: "42" },
    anchor: { type: "string" },
    batch: { type: "string", default: "100000" },
    reset: { type: "boolean", default: false },
  },
});

const SESSIONS = Number(flags.sessions);
const COACHES = Number(flags.coaches);
const REALTORS = Number(flags.realtors);
const SEED = Number(flags.seed);
const BATCH = Math.max(4, Math.floor(Number(flags.batch) / 4) * 4);
const ANCHOR = flags.anchor ?? new Date().toISOString().slice(0, 10);
const HISTORY_DAYS = 913; // ≈30 months back
const SPAN_DAYS = 1096; // 3 years in all

if (![SESSIONS, COACHES, REALTORS, SEED].every((value) => Number.isInteger(value) && value > 0) || !/^\d{4}-\d{2}-\d{2}$/.test(ANCHOR)) {
  console.error("Usage: npm run bench:seed -- --sessions 1000000 [--coaches 200] [--realtors 5000] [--seed 42] [--anchor YYYY-MM-DD] [--reset]");
  process.exit(2);
}

// Coaches and realtors spread over these zones (offsets in minutes, standard time: only used to place sessions in
// local working hours, so DST is ignored on purpose).
const ZONES: Array<[string, number]> = [
  ["America/New_York", -300], ["America/Chicago", -360], ["America/Denver", -420], ["America/Los_Angeles", -480],
  ["America/Phoenix", -420], ["Europe/London", 0], ["Europe/Berlin", 60], ["Asia/Kolkata", 330],
  ["Australia/Sydney", 600], ["Asia/Tokyo", 540], ["America/Sao_Paulo", -180], ["Africa/Johannesburg", 120],
  ["Pacific/Auckland", 720], ["America/Toronto", -300], ["Asia/Singapore", 480], ["Europe/Madrid", 60],
];
const FIRST_NAMES = ["Jamie", "Sam", "Riley", "Alex", "Casey", "Dana", "Morgan", "Taylor", "Jordan", "Avery", "Quinn", "Harper", "Rowan", "Skyler", "Emerson", "Parker", "Reese", "Hayden", "Logan", "Peyton"];
const LAST_NAMES = ["Carter", "Patel", "Brooks", "Kim", "Morgan", "Whitfield", "Nguyen", "Garcia", "Okafor", "Schmidt", "Rossi", "Tanaka", "Silva", "Dubois", "Kowalski", "Haddad", "Larsen", "O'Brien", "Mehta", "Fischer", "Reyes", "Cohen", "Abe", "Novak", "Moreau"];
const FOCUS_CHOICES = ["Listing strategy", "Buyer conversion", "Pricing", "Marketing plan", "Negotiation", "Team building"];
const TEXT_OPENERS = ["I want help with", "Struggling with", "Looking to improve", "Need advice on", "Hoping to plan", "Questions about"];
const TEXT_TOPICS = ["open house leads", "a tricky listing price", "multiple offer situations", "my Q1 marketing", "first-time buyers", "luxury listings", "referral pipeline", "social media ads"];
const CANCEL_REASONS = ["Client showing ran late", "Closing got moved to this day.", "Feeling unwell, will rebook", "Double-booked with a listing appointment", "Coach is out sick today.", "Conflict with a training workshop", "Travel delay, apologies", "schedule conflict"];

const sqlText = (items: string[]) => `array[${items.map((item) => `'${item.replaceAll("'", "''")}'`).join(", ")}]`;

function log(message: string) {
  process.stdout.write(`[${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

async function createHelpers(pool: pg.Pool) {
  await pool.query(`
    create or replace function ${BENCH_SCHEMA}.bench_rand(i bigint, salt int) returns float8 language sql immutable parallel safe as
    $$ select (hashint8extended(i, ${SEED}::bigint * 1000 + salt) & 2147483647)::float8 / 2147483648.0 $$`);
  await pool.query(`drop table if exists ${BENCH_SCHEMA}.bench_zones`);
  await pool.query(`create table ${BENCH_SCHEMA}.bench_zones (n int primary key, zone text not null, offset_minutes int not null)`);
  await pool.query(
    `insert into ${BENCH_SCHEMA}.bench_zones select n - 1, zone, offset_minutes from unnest($1::text[], $2::int[]) with ordinality as z(zone, offset_minutes, n)`,
    [ZONES.map(([zone]) => zone), ZONES.map(([, offset]) => offset)],
  );
}

async function seedPeople(client: pg.PoolClient) {
  const name = (expr: string) =>
    `(${sqlText(FIRST_NAMES)})[1 + (${expr}) % ${FIRST_NAMES.length}] || ' ' || (${sqlText(LAST_NAMES)})[1 + ((${expr}) / ${FIRST_NAMES.length}) % ${LAST_NAMES.length}]`;
  await client.query(`insert into "user" (id, name, email, email_verified, role, time_zone)
    values ('bench-admin', 'Bench Admin', 'admin@bench.test', true, 'admin', 'America/New_York')`);
  await client.query(`insert into "user" (id, name, email, email_verified, role, time_zone)
    select 'bench-coach-' || lpad(c::text, 4, '0'), 'Coach ' || ${name("c * 7")}, 'coach' || c || '@bench.test', true, 'coach', z.zone
      from generate_series(1, ${COACHES}) c join ${BENCH_SCHEMA}.bench_zones z on z.n = c % 16`);
  await client.query(`insert into "user" (id, name, email, email_verified, role, time_zone)
    select 'bench-realtor-' || lpad(r::text, 5, '0'), ${name("r")}, 'realtor' || r || '@bench.test', true, 'realtor', z.zone
      from generate_series(1, ${REALTORS}) r join ${BENCH_SCHEMA}.bench_zones z on z.n = (r * 7) % 16`);
  await client.query(`insert into calendly_connections (id, user_id, calendly_user_uri, organization_uri, organization_role, calendly_name, calendly_email,
      calendly_slug, scheduling_url, time_zone, auth_kind, status, last_synced_at)
    select md5('bench-conn-' || c)::uuid, 'bench-coach-' || lpad(c::text, 4, '0'), 'https://api.calendly.com/users/' || upper(md5('bench-cu-' || c)),
      'https://api.calendly.com/organizations/BENCHORG', 'user', 'Coach ' || c, 'coach' || c || '@bench.test', 'coach-' || c,
      'https://calendly.com/coach-' || c, z.zone, 'pat', 'connected', now()
      from generate_series(1, ${COACHES}) c join ${BENCH_SCHEMA}.bench_zones z on z.n = c % 16`);
  const questions = JSON.stringify([
    { name: "What would you like to focus on?", type: "single_select", position: 0, enabled: true, required: true, answer_choices: FOCUS_CHOICES, include_other: false },
    { name: "Anything we should know beforehand?", type: "text", position: 1, enabled: true, required: false, answer_choices: [], include_other: false },
    { name: "Phone number", type: "phone_number", position: 2, enabled: true, required: false, answer_choices: [], include_other: false },
  ]);
  await client.query(
    `insert into calendly_event_types (uri, uuid, connection_id, coach_user_id, name, slug, kind, pooling_type, duration, description_plain, active,
       scheduling_url, scheduling_url_valid, custom_questions, offered, has_openings, calendly_updated_at)
     select 'https://api.calendly.com/event_types/' || md5('bench-et-' || c || '-' || k)::uuid, md5('bench-et-' || c || '-' || k)::uuid::text,
       md5('bench-conn-' || c)::uuid, 'bench-coach-' || lpad(c::text, 4, '0'),
       (array['Strategy call', 'Listing deep dive', 'Group masterclass'])[k + 1], (array['strategy-call', 'deep-dive', 'masterclass'])[k + 1],
       case when k = 2 then 'group' else 'solo' end, null, case when k = 0 then 30 else 60 end, 'Coaching for realtors', true,
       'https://calendly.com/coach-' || c || '/' || (array['strategy-call', 'deep-dive', 'masterclass'])[k + 1], true, $1::jsonb, true, true, now()
       from generate_series(1, ${COACHES}) c cross join generate_series(0, 2) k`,
    [questions],
  );
  // Offered hours for utilization: Monday–Friday 09:00–17:00 in the coach's zone.
  const rules = JSON.stringify(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].map((wday, index) => ({
      type: "wday",
      wday,
      intervals: index < 5 ? [{ from: "09:00", to: "17:00" }] : [],
    })),
  );
  await client.query(
    `insert into analytics_availability_schedules (uri, coach_user_id, name, is_default, time_zone, rules)
     select 'https://api.calendly.com/user_availability_schedules/' || md5('bench-sched-' || c)::uuid, 'bench-coach-' || lpad(c::text, 4, '0'),
       'Working hours', true, z.zone, $1::jsonb
       from generate_series(1, ${COACHES}) c join ${BENCH_SCHEMA}.bench_zones z on z.n = c % 16`,
    [rules],
  );
}

/** One batch of sessions [first, last] (multiples of 4 apart, so reschedule chains never cross a batch). */
async function seedSessionBatch(client: pg.PoolClient, first: number, last: number) {
  const r = (row: string, salt: number) => `${BENCH_SCHEMA}.bench_rand(${row}, ${salt})`;
  await client.query(`truncate ${BENCH_SCHEMA}.bench_seed_sessions`);
  await client.query(`
    insert into ${BENCH_SCHEMA}.bench_seed_sessions
    with base as (
      select i, i / 4 as g,
        least(${COACHES}, 1 + floor(${COACHES} * power(${r("i / 4", 1)}, 1.6)))::int as c,
        1 + floor(${REALTORS} * ${r("i / 4", 2)})::int as realtor,
        case when ${r("i / 4", 3)} < 0.25 then 2 when ${r("i / 4", 4)} < 0.6 then 0 else 1 end as k,
        floor(${SPAN_DAYS} * ${r("i", 5)})::int as day,
        8 * 60 + floor(20 * ${r("i", 6)})::int * 30 as local_minute,
        ${r("i", 7)} as status_roll,
        ${r("i", 8)} < 0.3 as by_host,
        1 + ${r("i", 9)} * 29 as lead_days,
        ${r("i", 10)} as cancel_point,
        ${r("i", 11)} < 0.07 as no_show_roll,
        2 + floor(15 * ${r("i", 12)})::int as group_size,
        ${r("i", 13)} as location_roll,
        floor(10 * ${r("i", 16)})::int as reason_roll
      from generate_series(${first}::bigint, ${last}::bigint) i
    ),
    timed as (
      select b.*, z.offset_minutes,
        ($1::date - ${HISTORY_DAYS}) + b.day + make_interval(mins => b.local_minute - z.offset_minutes) as local_start
      from base b join ${BENCH_SCHEMA}.bench_zones z on z.n = b.c % 16
    ),
    shaped as (
      select t.*,
        (t.local_start::timestamp at time zone 'UTC') as start_time,
        case when t.k = 0 then 30 else 60 end as duration,
        case
          when t.k <> 2 and t.i % 4 <> 3 and t.status_roll < 0.089 then 'rescheduled'
          when t.status_roll >= 0.089 and t.status_roll < 0.189 then 'canceled'
          else 'active'
        end as state
      from timed t
    )
    select s.i, s.c, s.realtor, s.k, s.state, s.by_host, s.start_time, s.start_time + make_interval(mins => s.duration) as end_time,
      s.start_time - make_interval(secs => s.lead_days * 86400) as created_at,
      case
        when s.state = 'active' then null
        when s.state = 'canceled' and s.by_host and s.cancel_point > 0.9 then s.start_time + interval '10 minutes'
        else s.start_time - make_interval(secs => s.lead_days * 86400 * (1 - least(s.cancel_point, 0.98)))
      end as canceled_at,
      s.state = 'active' and s.start_time + make_interval(mins => s.duration) < now() and s.no_show_roll as no_show,
      case when s.k = 2 then s.group_size else 1 end as invitee_count,
      s.location_roll, s.reason_roll,
      lag(s.state = 'rescheduled', 1, false) over (order by s.i) as follows_reschedule
    from shaped s`, [ANCHOR]);

  await client.query(`
    insert into calendly_scheduled_events (uuid, uri, connection_id, coach_user_id, event_type_uri, name, status, start_time, end_time, location,
      location_type, invitees_total, invitees_active, invitees_limit, guests, canceled_by, cancel_reason, canceler_type, canceled_at, rescheduled,
      no_show_invitees, calendly_created_at, calendly_updated_at, synced_at)
    select md5('bench-e-' || s.i)::uuid::text, 'https://api.calendly.com/scheduled_events/' || md5('bench-e-' || s.i)::uuid,
      md5('bench-conn-' || s.c)::uuid, 'bench-coach-' || lpad(s.c::text, 4, '0'),
      'https://api.calendly.com/event_types/' || md5('bench-et-' || s.c || '-' || s.k)::uuid,
      (array['Strategy call', 'Listing deep dive', 'Group masterclass'])[s.k + 1],
      case when s.state = 'active' then 'active' else 'canceled' end, s.start_time, s.end_time,
      case when s.location_roll < 0.6 then jsonb_build_object('type', 'zoom_conference', 'join_url', 'https://zoom.us/j/' || (s.i % 1000000000))
           when s.location_roll < 0.85 then jsonb_build_object('type', 'google_conference', 'join_url', 'https://meet.google.com/abc-' || (s.i % 100000))
           else jsonb_build_object('type', 'physical', 'location', 'Office ' || (s.c % 40)) end,
      case when s.location_roll < 0.6 then 'zoom_conference' when s.location_roll < 0.85 then 'google_conference' else 'physical' end,
      s.invitee_count, case when s.state = 'active' then s.invitee_count else 0 end, case when s.k = 2 then 16 else 1 end, '[]'::jsonb,
      case when s.state = 'canceled' then case when s.by_host then 'Coach ' || s.c else 'Invitee' end when s.state = 'rescheduled' then 'Invitee' end,
      case when s.state = 'canceled' and s.reason_roll < 8 then (${sqlText(CANCEL_REASONS)})[1 + s.reason_roll] end,
      case when s.state = 'canceled' and s.by_host then 'host' when s.state <> 'active' then 'invitee' end,
      s.canceled_at, s.state = 'rescheduled',
      -- What the invitee triggers would count (they do not fire during the load): every invitee of a no-show session is
      -- active and marked. Checked against a recount after the load.
      case when s.no_show then s.invitee_count else 0 end,
      s.created_at, coalesce(s.canceled_at, s.created_at), now()
    from ${BENCH_SCHEMA}.bench_seed_sessions s`);

  await client.query(`
    insert into calendly_invitees (uuid, uri, event_uuid, email, email_normalized, name, first_name, last_name, status, time_zone, questions_and_answers,
      rescheduled, old_invitee_uri, new_invitee_uri, canceled_by, cancel_reason, canceler_type, no_show_uri, no_show_at, no_show_version,
      scheduling_method, realtor_user_id, calendly_created_at, calendly_updated_at, synced_at)
    select iv.uuid, 'https://api.calendly.com/scheduled_events/' || md5('bench-e-' || s.i)::uuid || '/invitees/' || iv.uuid,
      md5('bench-e-' || s.i)::uuid::text, iv.email, iv.email, u.name, split_part(u.name, ' ', 1), split_part(u.name, ' ', 2),
      case when s.state = 'active' then 'active' else 'canceled' end, u.time_zone,
      jsonb_build_array(
        jsonb_build_object('question', 'What would you like to focus on?', 'answer', (${sqlText(FOCUS_CHOICES)})[1 + floor(6 * ${r("iv.key", 17)})::int], 'position', 0),
        jsonb_build_object('question', 'Anything we should know beforehand?', 'answer',
          (${sqlText(TEXT_OPENERS)})[1 + floor(6 * ${r("iv.key", 18)})::int] || ' ' || (${sqlText(TEXT_TOPICS)})[1 + floor(8 * ${r("iv.key", 19)})::int], 'position', 1),
        jsonb_build_object('question', 'Phone number', 'answer', '+1 555 01' || lpad((iv.realtor % 100)::text, 2, '0'), 'position', 2)),
      s.state = 'rescheduled',
      case when j = 1 and s.follows_reschedule then 'https://api.calendly.com/scheduled_events/' || md5('bench-e-' || (s.i - 1))::uuid || '/invitees/' || md5('bench-i-' || (s.i - 1) || '-1')::uuid end,
      case when s.state = 'rescheduled' then 'https://api.calendly.com/scheduled_events/' || md5('bench-e-' || (s.i + 1))::uuid || '/invitees/' || md5('bench-i-' || (s.i + 1) || '-1')::uuid end,
      case when s.state = 'canceled' then case when s.by_host then 'Coach ' || s.c else u.name end when s.state = 'rescheduled' then u.name end,
      case when s.state = 'canceled' and s.reason_roll < 8 then (${sqlText(CANCEL_REASONS)})[1 + s.reason_roll] end,
      case when s.state = 'canceled' and s.by_host then 'host' when s.state <> 'active' then 'invitee' end,
      case when s.no_show then 'https://api.calendly.com/invitee_no_shows/' || md5('bench-ns-' || s.i || '-' || j)::uuid end,
      case when s.no_show then s.end_time + interval '10 minutes' end,
      case when s.no_show then s.end_time + interval '10 minutes' end,
      case when ${r("iv.key", 20)} < 0.1 then 'api' end,
      iv.realtor_user_id, s.created_at + make_interval(secs => j), coalesce(s.canceled_at, s.created_at) + make_interval(secs => j), now()
    from ${BENCH_SCHEMA}.bench_seed_sessions s
    cross join lateral generate_series(1, s.invitee_count) j
    cross join lateral (
      select md5('bench-i-' || s.i || '-' || j)::uuid::text as uuid, s.i * 20 + j as key,
        case when j = 1 then s.realtor else 1 + floor(${REALTORS} * ${r("s.i * 20 + j", 14)})::int end as realtor,
        case when ${r("s.i * 20 + j", 15)} < 0.05 and j > 1 then null
             else 'bench-realtor-' || lpad((case when j = 1 then s.realtor else 1 + floor(${REALTORS} * ${r("s.i * 20 + j", 14)})::int end)::text, 5, '0') end as realtor_user_id,
        case when ${r("s.i * 20 + j", 15)} < 0.05 and j > 1 then 'guest' || (s.i * 20 + j) || '@outside.test'
             else 'realtor' || (case when j = 1 then s.realtor else 1 + floor(${REALTORS} * ${r("s.i * 20 + j", 14)})::int end) || '@bench.test' end as email
    ) iv
    left join "user" u0 on u0.id = iv.realtor_user_id
    cross join lateral (select coalesce(u0.name, 'Guest ' || iv.key) as name, coalesce(u0.time_zone, 'UTC') as time_zone) u`);
}

async function seedBookingAttempts(client: pg.PoolClient) {
  const r = (row: string, salt: number) => `${BENCH_SCHEMA}.bench_rand(${row}, ${salt})`;
  const attempts = Math.ceil(SESSIONS / 10);
  await client.query(`
    insert into booking_attempts (coach_user_id, realtor_user_id, event_type_uri, method, started_at, completed_at)
    select 'bench-coach-' || lpad(c::text, 4, '0'), 'bench-realtor-' || lpad((1 + floor(${REALTORS} * ${r("a", 22)})::int)::text, 5, '0'),
      'https://api.calendly.com/event_types/' || md5('bench-et-' || c || '-0')::uuid,
      case when ${r("a", 23)} < 0.7 then 'popup' else 'api' end, t, case when ${r("a", 24)} < 0.72 then t + interval '3 minutes' end
    from generate_series(1, ${attempts}) a
    cross join lateral (select least(${COACHES}, 1 + floor(${COACHES} * power(${r("a", 21)}, 1.6)))::int as c,
      ($1::date - ${HISTORY_DAYS}) + make_interval(secs => ${SPAN_DAYS} * 86400 * ${r("a", 25)}) as t) x`, [ANCHOR]);
}

/** Secondary indexes of a table (not the ones behind primary keys or unique constraints), to drop during the load. */
async function secondaryIndexes(client: pg.PoolClient, table: string): Promise<Array<{ name: string; definition: string }>> {
  const result = await client.query(
    `select i.indexname as name, i.indexdef as definition from pg_indexes i
      where i.schemaname = $1 and i.tablename = $2
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname and c.connamespace = $1::regnamespace)`,
    [BENCH_SCHEMA, table],
  );
  return result.rows;
}

async function main() {
  const started = performance.now();
  const pool = benchPool(2);
  try {
    const params = { sessions: SESSIONS, coaches: COACHES, realtors: REALTORS, seed: SEED, anchor: ANCHOR };
    const meta = await readMeta(pool);
    if (!flags.reset && meta?.seed && JSON.stringify(meta.seed) === JSON.stringify(params)) {
      log(`schema ${BENCH_SCHEMA} already holds this dataset (${JSON.stringify(params)}); use --reset to rebuild it.`);
      return;
    }
    const { migrationHash } = await ensureBenchSchema(pool, { reset: true });
    log(`schema ${BENCH_SCHEMA} rebuilt from the app's migrations (${migrationHash}); seeding ${JSON.stringify(params)}`);
    await createHelpers(pool);

    const client = await pool.connect();
    try {
      await client.query(`set search_path = ${BENCH_SCHEMA}`);
      await client.query("set synchronous_commit = off");
      await client.query("set maintenance_work_mem = '512MB'");
      // Foreign keys are checked once the load is complete (the generator is built to satisfy them), not per row; the
      // no-show count triggers do not fire either, so the generator fills no_show_invitees itself (checked below).
      await client.query("set session_replication_role = replica");
      await seedPeople(client);
      log(`people: 1 admin, ${COACHES} coaches (with connections, event types, schedules), ${REALTORS} realtors`);

      await client.query(`create unlogged table ${BENCH_SCHEMA}.bench_seed_sessions (i bigint, c int, realtor int, k int, state text, by_host boolean,
        start_time timestamptz, end_time timestamptz, created_at timestamptz, canceled_at timestamptz, no_show boolean, invitee_count int,
        location_roll float8, reason_roll int, follows_reschedule boolean)`);
      const dropped: Array<{ name: string; definition: string }> = [];
      for (const table of ["calendly_scheduled_events", "calendly_invitees"]) {
        for (const index of await secondaryIndexes(client, table)) {
          await client.query(`drop index ${BENCH_SCHEMA}."${index.name}"`);
          dropped.push(index);
        }
      }
      for (let first = 0; first < SESSIONS; first += BATCH) {
        const last = Math.min(SESSIONS, first + BATCH) - 1;
        const batchStarted = performance.now();
        await seedSessionBatch(client, first, last);
        log(`sessions ${first.toLocaleString("en")}–${last.toLocaleString("en")} with their invitees (${((performance.now() - batchStarted) / 1000).toFixed(1)} s)`);
      }
      await client.query(`drop table ${BENCH_SCHEMA}.bench_seed_sessions`);
      // What the search-term triggers would have kept (they do not fire during the load either).
      await client.query(`insert into calendly_invitee_search_terms (term, invitees)
        select term, count(*)::int from (select lower(name) as term from calendly_invitees union all select email_normalized from calendly_invitees) t group by term`);
      await seedBookingAttempts(client);
      await client.query("set session_replication_role = origin");
      // The Q&A rollup (docs/decisions/007): its triggers did not fire either; rebuilt in bulk by the same SQL
      // function a migration of existing data uses (a few minutes at 1M sessions).
      const rollupStarted = performance.now();
      await client.query("set work_mem = '256MB'");
      await client.query("select analytics_answer_counts_rebuild()");
      await client.query("reset work_mem");
      log(`Q&A rollup rebuilt (${((performance.now() - rollupStarted) / 1000).toFixed(1)} s)`);
      log(`rebuilding ${dropped.length} secondary indexes`);
      await client.query("set max_parallel_maintenance_workers = 2");
      for (const index of dropped) await client.query(index.definition);
    } finally {
      client.release();
    }
    const drift = await pool.query(`select count(*)::int as sessions from ${BENCH_SCHEMA}.calendly_scheduled_events e
      left join (select event_uuid, count(*)::int as marked from ${BENCH_SCHEMA}.calendly_invitees where no_show_uri is not null and status = 'active' group by 1) c
        on c.event_uuid = e.uuid
      where e.no_show_invitees <> coalesce(c.marked, 0)`);
    if (drift.rows[0].sessions > 0) throw new Error(`no_show_invitees disagrees with the invitees on ${drift.rows[0].sessions} sessions`);
    const termDrift = await pool.query(`select count(*)::int as terms from ${BENCH_SCHEMA}.calendly_invitee_search_terms t
      full join (select term, count(*)::int as invitees from (select lower(name) as term from ${BENCH_SCHEMA}.calendly_invitees
                 union all select email_normalized from ${BENCH_SCHEMA}.calendly_invitees) x group by term) c using (term)
      where t.invitees is distinct from c.invitees`);
    if (termDrift.rows[0].terms > 0) throw new Error(`calendly_invitee_search_terms disagrees with the invitees on ${termDrift.rows[0].terms} terms`);
    log("vacuum analyze (visibility map for index-only scans, planner statistics)");
    for (const table of ["user", "calendly_connections", "calendly_event_types", "calendly_scheduled_events", "calendly_invitees", "booking_attempts", "analytics_availability_schedules", "calendly_invitee_search_terms", "analytics_answer_counts", "analytics_answer_counts_org"]) {
      await pool.query(`vacuum (analyze) ${BENCH_SCHEMA}."${table}"`);
    }
    const counts = await pool.query(`select
      (select count(*) from ${BENCH_SCHEMA}.calendly_scheduled_events)::int as sessions,
      (select count(*) from ${BENCH_SCHEMA}.calendly_invitees)::int as invitees,
      (select count(*) filter (where status = 'canceled' and not rescheduled) from ${BENCH_SCHEMA}.calendly_scheduled_events)::int as canceled,
      (select count(*) filter (where rescheduled) from ${BENCH_SCHEMA}.calendly_scheduled_events)::int as rescheduled,
      (select count(distinct event_uuid) from ${BENCH_SCHEMA}.calendly_invitees where no_show_uri is not null)::int as no_show_sessions,
      (select count(*) filter (where status = 'active' and end_time < now()) from ${BENCH_SCHEMA}.calendly_scheduled_events)::int as past_active,
      pg_size_pretty(pg_total_relation_size('${BENCH_SCHEMA}.calendly_scheduled_events') + pg_total_relation_size('${BENCH_SCHEMA}.calendly_invitees')) as size`);
    const summary = counts.rows[0];
    const seconds = (performance.now() - started) / 1000;
    await writeMeta(pool, { seed: params, seeded_at: new Date().toISOString(), seed_seconds: Math.round(seconds), counts: summary });
    log(
      `done in ${seconds.toFixed(1)} s: ${summary.sessions} sessions (${((100 * summary.canceled) / summary.sessions).toFixed(1)}% canceled, ` +
        `${((100 * summary.rescheduled) / summary.sessions).toFixed(1)}% rescheduled, ${((100 * summary.no_show_sessions) / Math.max(1, summary.past_active)).toFixed(1)}% of past active no-show), ` +
        `${summary.invitees} invitees, ${summary.size}`,
    );
  } finally {
    await pool.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
