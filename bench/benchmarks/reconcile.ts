// reconcile: one coach with 10,000 events on the emulator: the full backfill, then a scheduled reconciliation pass
// when nothing changed. Counts Calendly calls, 429s, invitee fetches per event and rows written.
import { randomUUID } from "node:crypto";
import { startEmulator } from "@emulator/server";
import type { Clock } from "@emulator/core/clock";
import type { RateLimitState } from "@emulator/auth/rate-limit";
import { resetEnvCache } from "@/lib/env";
import { encryptSecret } from "@/lib/crypto/token-cipher";
import { reconcileConnection } from "@/features/calendly/sync/reconcile-connection";
import type { Benchmark } from "../lib/benchmark";
import { installBenchQueue } from "../lib/app-queue";
import { recordTraffic } from "../lib/calendly-traffic";
import { benchPool, ensureBenchSchemaExists } from "../lib/schema";
import { BENCH_COACH_EMAIL, reconcileFixture } from "../fixtures/reconcile-fixture";

/**
 * A clock that runs `scale` times faster than real time. Calendly's limit is per user per minute on the emulator's
 * clock, so 500 calls per emulated minute are 500 per 60/scale real seconds: a 10,000-event backfill (≈10,100 calls,
 * ≥ 20 minutes at the real limit) runs in a few real minutes with exactly the same limit arithmetic.
 */
function fastClock(scale: number): Clock {
  const realStart = Date.now();
  let base = realStart;
  const now = () => base + (Date.now() - realStart) * scale;
  return {
    now,
    set: (at) => void (base += new Date(at).getTime() - now()),
    advance: (ms) => void (base += ms),
    offsetMs: () => now() - Date.now(),
    isFrozen: () => false,
  };
}

const RATE_LIMIT_PER_MINUTE = 500;
const INVITEES_PATH = /^\/scheduled_events\/[^/]+\/invitees$/;

const benchmark: Benchmark = {
  name: "reconcile",
  title: "backfill and no-change reconciliation of one coach with 10,000 events",
  async run({ quick }) {
    const events = Number(process.env.BENCH_RECONCILE_EVENTS ?? (quick ? 300 : 10_000));
    const scale = quick ? 10 : 20;
    process.env.CALENDLY_MAX_RATE_LIMIT_WAIT_MS = String(Math.ceil(61_000 / scale) + 250); // read through env(), reset below

    const pool = benchPool(2);
    await ensureBenchSchemaExists(pool);
    const clock = fastClock(scale);
    const loadStarted = performance.now();
    const emulator = await startEmulator({ port: 0, fixture: reconcileFixture(events), clock, rateLimitPerMinute: RATE_LIMIT_PER_MINUTE, log: () => {} });
    const fixtureSeconds = (performance.now() - loadStarted) / 1000;
    process.env.EMULATOR_PUBLIC_URL = emulator.url;
    delete process.env.CALENDLY_API_BASE;
    delete process.env.CALENDLY_AUTH_BASE;
    resetEnvCache();

    // Rate-limit windows as the emulator saw them: the most calls accepted in one window, and every 429.
    const windows = { maxAccepted: 0, limited: 0 };
    const limiter = emulator.runtime.rateLimiter;
    const hit = limiter.hit.bind(limiter);
    limiter.hit = (key: string, limit: number, at: number): RateLimitState => {
      const state = hit(key, limit, at);
      if (state.limited) windows.limited++;
      else windows.maxAccepted = Math.max(windows.maxAccepted, limit - state.remaining);
      return state;
    };
    const traffic = recordTraffic(emulator.url);

    const coach = emulator.users().find((user) => user.email === BENCH_COACH_EMAIL)!;
    const coachId = `bench-reconcile-coach-${Date.now().toString(36)}`;
    const connectionId = randomUUID();
    const runStarted = new Date();
    await pool.query(`insert into "user" (id, name, email, role) values ($1, 'Reconcile Bench Coach', $2, 'coach')`, [coachId, `${coachId}@bench.test`]);
    await pool.query(
      `insert into calendly_connections (id, user_id, calendly_user_uri, organization_uri, auth_kind, status, access_token_encrypted, time_zone)
       values ($1, $2, $3, 'https://api.calendly.com/organizations/BENCH', 'pat', 'connected', $4, 'America/New_York')`,
      [connectionId, coachId, coach.uri, encryptSecret(coach.personalAccessTokens[0])],
    );
    const boss = await installBenchQueue();

    const rowsOf = async (sinceXid: string) =>
      (
        await pool.query(
          `select
             (select count(*) from calendly_scheduled_events where coach_user_id = $1)::int as events,
             (select count(*) from calendly_invitees i join calendly_scheduled_events e on e.uuid = i.event_uuid where e.coach_user_id = $1)::int as invitees,
             (select count(*) from calendly_scheduled_events where coach_user_id = $1 and xmin::text::bigint >= $2::bigint)::int as events_written,
             (select count(*) from calendly_invitees i join calendly_scheduled_events e on e.uuid = i.event_uuid
               where e.coach_user_id = $1 and i.xmin::text::bigint >= $2::bigint)::int as invitees_written,
             (select count(*) from calendly_event_types where coach_user_id = $1 and xmin::text::bigint >= $2::bigint)::int as event_types_written`,
          [coachId, sinceXid],
        )
      ).rows[0] as { events: number; invitees: number; events_written: number; invitees_written: number; event_types_written: number };
    const currentXid = async () => String((await pool.query(`select (txid_current() % 4294967296)::text as xid`)).rows[0].xid);

    try {
      // 1. Backfill (what connecting runs).
      let xid = await currentXid();
      let started = performance.now();
      const backfill = await reconcileConnection(connectionId, { kind: "backfill", trigger: "connect", now: new Date(clock.now()) });
      const backfillSeconds = (performance.now() - started) / 1000;
      const backfillRequests = [...traffic.requests];
      const backfillWindows = { ...windows };
      const afterBackfill = await rowsOf(xid);
      const inviteeFetches = new Map<string, number>();
      for (const request of backfillRequests) {
        if (request.status === 200 && INVITEES_PATH.test(request.path)) inviteeFetches.set(request.path, (inviteeFetches.get(request.path) ?? 0) + 1);
      }
      const fetchedTwice = [...inviteeFetches.values()].filter((count) => count > 1).length;
      const neverFetched = afterBackfill.events - inviteeFetches.size;

      // 2. A scheduled pass right after, with nothing changed at Calendly.
      traffic.reset();
      Object.assign(windows, { maxAccepted: 0, limited: 0 });
      xid = await currentXid();
      const passNow = new Date(clock.now());
      started = performance.now();
      const pass = await reconcileConnection(connectionId, { kind: "reconcile", trigger: "schedule", now: passNow });
      const passSeconds = (performance.now() - started) / 1000;
      const passRequests = [...traffic.requests];
      const afterPass = await rowsOf(xid);
      const recentlyEnded = (
        await pool.query(`select count(*)::int as n from calendly_scheduled_events where coach_user_id = $1 and abs(extract(epoch from (end_time - $2::timestamptz))) < 48 * 3600`, [
          coachId,
          passNow.toISOString(),
        ])
      ).rows[0].n as number;
      const endedInLast48h = (
        await pool.query(`select count(*)::int as n from calendly_scheduled_events where coach_user_id = $1 and end_time <= $2::timestamptz and end_time > $2::timestamptz - interval '48 hours'`, [
          coachId,
          passNow.toISOString(),
        ])
      ).rows[0].n as number;
      const passInviteeCalls = passRequests.filter((request) => INVITEES_PATH.test(request.path)).length;
      const passListCalls = passRequests.filter((request) => request.path === "/scheduled_events").length;
      const budget = Math.floor(events / 100) + 10;
      const backfill429 = backfillRequests.filter((request) => request.status === 429).length;

      return {
        name: "reconcile",
        title: `backfill, then a no-change reconciliation, of one coach with ${events.toLocaleString("en")} events`,
        notes: [
          `Emulator fixture \`bench/fixtures/reconcile-fixture.ts\`: ${events.toLocaleString("en")} one-on-one sessions (one invitee each) from 25 days ago to 175 days ahead (loaded in ${fixtureSeconds.toFixed(1)} s).`,
          `Calendly's per-user limit (${RATE_LIMIT_PER_MINUTE}/min) is enforced by the emulator on a clock running ${scale}× real time; the client waits on 429s (its wait cap scaled to match). A rate window is ${(60 / scale).toFixed(0)} real seconds; the backfill is limited by Calendly's pace only if a window reaches ${RATE_LIMIT_PER_MINUTE} calls (otherwise by Sessionly's own work per event, which this machine's load inflates).`,
          "Requests are counted at the HTTP layer (every attempt, including 429s); rows written are rows whose `xmin` is newer than the pass's start.",
          `No-change pass: ${recentlyEnded} events end within ±48 h of now, ${endedInLast48h} of them in the last 48 h; the pass re-reads the invitees of at most RECONCILE_NO_SHOW_CHECKS (10) of the sessions under way or ended in the last 48 h, a rotating slice (no-show marks change the invitee, not the event; webhooks carry them).`,
        ],
        columns: ["Pass", "Events seen", "Calendly calls", "of which invitee lists", "429s", "Most calls in one rate window", "Rows written (events / invitees / event types)", "Real s", "Events/s"],
        rows: [
          [
            "backfill",
            backfill.eventsSeen,
            backfillRequests.length,
            backfillRequests.filter((request) => INVITEES_PATH.test(request.path)).length,
            backfill429,
            backfillWindows.maxAccepted,
            `${afterBackfill.events_written} / ${afterBackfill.invitees_written} / ${afterBackfill.event_types_written}`,
            backfillSeconds.toFixed(1),
            (backfill.eventsSeen / backfillSeconds).toFixed(1),
          ],
          [
            "no-change reconcile",
            pass.eventsSeen,
            passRequests.length,
            passInviteeCalls,
            passRequests.filter((request) => request.status === 429).length,
            windows.maxAccepted,
            `${afterPass.events_written} / ${afterPass.invitees_written} / ${afterPass.event_types_written}`,
            passSeconds.toFixed(1),
            (pass.eventsSeen / passSeconds).toFixed(1),
          ],
        ],
        targets: [
          { what: "backfill stays under the per-user limit", measured: `${backfill429} × 429, at most ${backfillWindows.maxAccepted} accepted per window`, target: `0 × 429 (≤ ${RATE_LIMIT_PER_MINUTE}/min)`, ok: backfill429 === 0 },
          { what: "backfill fetches each event's invitees once", measured: `${inviteeFetches.size} of ${afterBackfill.events} events fetched, ${fetchedTwice} more than once, ${neverFetched} never`, target: "each exactly once", ok: fetchedTwice === 0 && neverFetched === 0 },
          { what: "no-change pass: Calendly calls", measured: `${passRequests.length} (${passListCalls} event pages + ${passInviteeCalls} invitee lists)`, target: `≤ events/100 + 10 = ${budget}`, ok: passRequests.length <= budget },
          { what: "no-change pass: rows written", measured: `${afterPass.events_written + afterPass.invitees_written + afterPass.event_types_written}`, target: "0", ok: afterPass.events_written + afterPass.invitees_written + afterPass.event_types_written === 0 },
        ],
        data: { events, scale, backfill, pass, backfillWindows, afterBackfill, afterPass, recentlyEnded, endedInLast48h, fetchedTwice, neverFetched },
      };
    } finally {
      traffic.restore();
      await emulator.stop();
      await boss.stop({ graceful: false, close: true }).catch(() => {});
      (globalThis as unknown as { sessionlyBoss?: unknown }).sessionlyBoss = undefined;
      await pool.query(`delete from calendly_scheduled_events where coach_user_id = $1`, [coachId]);
      await pool.query(`delete from "user" where id = $1`, [coachId]);
      await pool.query(`delete from job where created_on >= $1`, [runStarted]).catch(() => {});
      await pool.end();
    }
  },
};

export default benchmark;
