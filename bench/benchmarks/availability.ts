// availability: a realtor's week view of a coach's event type (GET /api/calendly/availability's feature function) on
// the emulator with 50 ms injected latency: warm and cold cache, against the same views with the cache disabled.
import { randomUUID } from "node:crypto";
import { DateTime } from "luxon";
import { startEmulator } from "@emulator/server";
import { resetEnvCache } from "@/lib/env";
import { encryptSecret } from "@/lib/crypto/token-cipher";
import { syncEventTypes } from "@/features/calendly/event-types/sync-event-types";
import { availabilityQuerySchema, getEventTypeAvailability } from "@/features/booking/get-event-type-availability";
import type { Benchmark } from "../lib/benchmark";
import { recordTraffic } from "../lib/calendly-traffic";
import { benchPool, ensureBenchSchemaExists } from "../lib/schema";
import { measure, ms, summarize } from "../lib/stats";

const COACH_EMAIL = "coach.morgan@sessionly.test";
const LATENCY_MS = 50;
const AVAILABLE_TIMES = "/event_type_available_times";

const benchmark: Benchmark = {
  name: "availability",
  title: "week view: cached availability vs no cache, emulator at +50 ms",
  async run({ quick }) {
    const pool = benchPool(2);
    await ensureBenchSchemaExists(pool);
    const emulator = await startEmulator({ port: 0, fixture: "empty", log: () => {} });
    process.env.EMULATOR_PUBLIC_URL = emulator.url;
    delete process.env.CALENDLY_API_BASE;
    delete process.env.CALENDLY_AUTH_BASE;
    resetEnvCache();
    const traffic = recordTraffic(emulator.url);

    const suffix = Date.now().toString(36);
    const coachId = `bench-availability-coach-${suffix}`;
    const realtorId = `bench-availability-realtor-${suffix}`;
    const connectionId = randomUUID();
    const coach = emulator.users().find((user) => user.email === COACH_EMAIL)!;
    await pool.query(`insert into "user" (id, name, email, role) values ($1, 'Morgan Reyes', $2, 'coach'), ($3, 'Jamie Carter', $4, 'realtor')`, [
      coachId,
      `${coachId}@bench.test`,
      realtorId,
      `${realtorId}@bench.test`,
    ]);
    await pool.query(
      `insert into calendly_connections (id, user_id, calendly_user_uri, organization_uri, auth_kind, status, access_token_encrypted, time_zone)
       values ($1, $2, $3, 'https://api.calendly.com/organizations/BENCH', 'pat', 'connected', $4, 'America/New_York')`,
      [connectionId, coachId, coach.uri, encryptSecret(emulator.tokenFor(COACH_EMAIL))],
    );
    const saved = { fresh: process.env.AVAILABILITY_CACHE_FRESH_SECONDS, stale: process.env.AVAILABILITY_CACHE_STALE_SECONDS };
    try {
      await syncEventTypes(connectionId);
      await pool.query(`update calendly_event_types set offered = true, scheduling_url_valid = true, has_openings = true where connection_id = $1 and active`, [connectionId]);
      const eventTypes = (await pool.query(`select uuid from calendly_event_types where connection_id = $1 and active and kind = 'solo' order by duration limit 2`, [connectionId])).rows.map(
        (row: { uuid: string }) => row.uuid,
      );
      const addFault = await fetch(`${emulator.url}/__emulator/faults`, {
        method: "POST",
        headers: { authorization: `Bearer ${emulator.adminToken}`, "content-type": "application/json" },
        body: JSON.stringify({ routes: [{ route: "*", latency_ms: LATENCY_MS }] }),
      });
      if (!addFault.ok) throw new Error(`could not inject latency: ${addFault.status}`);

      const realtor = { id: realtorId, role: "realtor" as const };
      const zone = "America/Chicago";
      const monday = DateTime.now().setZone(zone).startOf("week").plus({ weeks: 1 });
      const week = (offset: number, eventType = eventTypes[0]) =>
        availabilityQuerySchema.parse({
          event_type: eventType,
          from: monday.plus({ weeks: offset }).toISODate(),
          to: monday.plus({ weeks: offset, days: 6 }).toISODate(),
          tz: zone,
        });
      const view = (offset = 0, eventType = eventTypes[0]) => getEventTypeAvailability(realtor, week(offset, eventType));
      const clearCache = () => pool.query(`delete from booking_availability_cache where coach_user_id = $1`, [coachId]);
      const calls = () => traffic.requests.filter((request) => request.path === AVAILABLE_TIMES).length;
      const iterations = quick ? 5 : 30;

      // Baseline: the cache switched off (every entry expires at once), so every view asks Calendly.
      setCacheEnabled(false, saved);
      await clearCache();
      const uncached = await measure(() => view(), { iterations, warmup: 1 });
      const uncachedSlots = (await view()).totals.slots;
      setCacheEnabled(true, saved);

      // Cold: the coach's entries gone (as after a webhook for them), one view.
      const coldSamples: number[] = [];
      for (let index = 0; index < iterations; index++) {
        await clearCache();
        const started = performance.now();
        await view();
        coldSamples.push(performance.now() - started);
      }
      const cold = summarize(coldSamples);

      // Warm: the same week again and again.
      await clearCache();
      await view();
      await view();
      await view();
      // CPU time of this process per warm view (the emulator is not called on a hit): what a view costs the server
      // whatever else the machine runs, next to the wall-clock percentiles.
      const cpuBefore = process.cpuUsage();
      const warm = await measure(() => view(), { iterations: iterations * 2, warmup: 0 });
      const cpuUsed = process.cpuUsage(cpuBefore);
      const warmCpuMs = (cpuUsed.user + cpuUsed.system) / 1000 / warm.samples;
      const warmSlots = (await view()).totals.slots;

      // Calendly calls per 100 views: realtors browsing 4 weeks of 2 event types, cached vs uncached.
      const browse = Array.from({ length: 100 }, (_, index) => ({ offset: (index * 7) % 4, eventType: eventTypes[index % eventTypes.length] }));
      await clearCache();
      traffic.reset();
      for (const step of browse) await view(step.offset, step.eventType);
      const cachedCalls = calls();
      setCacheEnabled(false, saved);
      traffic.reset();
      for (const step of browse.slice(0, quick ? 20 : 100)) await view(step.offset, step.eventType);
      const uncachedCalls = Math.round((calls() * 100) / (quick ? 20 : 100));
      setCacheEnabled(true, saved);

      // Ten realtors opening the same cold week at once: one Calendly call per window, not ten.
      await clearCache();
      traffic.reset();
      await Promise.all(Array.from({ length: 10 }, () => view(1)));
      const concurrentCalls = calls();

      const rows: Array<Array<string | number>> = [
        ["no cache (baseline)", ms(uncached.p50), ms(uncached.p95), "1.0×", uncachedSlots],
        ["cold (entries invalidated)", ms(cold.p50), ms(cold.p95), `${(uncached.p50 / cold.p50).toFixed(1)}×`, ""],
        ["warm (fresh hit)", ms(warm.p50), ms(warm.p95), `${(uncached.p50 / warm.p50).toFixed(1)}×`, warmSlots],
      ];
      return {
        name: "availability",
        title: "week view: cached availability vs no cache, emulator at +50 ms",
        notes: [
          `Server time = \`getEventTypeAvailability(realtor, {event_type, from: Monday, to: Sunday, tz: ${zone}})\`, the feature behind \`GET /api/calendly/availability\` (7-day Calendly windows on a fixed grid: a week in a non-UTC zone spans 2 windows, fetched in parallel).`,
          `Emulator (\`empty\` fixture, coach Morgan Reyes) with ${LATENCY_MS} ms injected on every API route through \`/__emulator/faults\`. Baseline in the same run: the same calls with the cache's fresh and stale periods set to ~0 (every view asks Calendly).`,
          `Warm view CPU time (this process, user + system, mean of ${warm.samples}): ${warmCpuMs.toFixed(2)} ms per view; the rest of the wall time is waiting for Postgres and for the CPU on a shared machine.`,
          `Calendly calls per 100 views: 100 views cycling over 4 weeks × ${eventTypes.length} event types; uncached: ${uncachedCalls}. Ten concurrent cold views of one week made ${concurrentCalls} calls.`,
        ],
        columns: ["View", "p50 ms", "p95 ms", "Speed-up vs no cache (p50)", "Open slots"],
        rows,
        targets: [
          { what: "warm week view (p95)", measured: `${ms(warm.p95)} ms`, target: "< 10 ms", ok: warm.p95 < 10 },
          { what: "Calendly calls per 100 views", measured: `${cachedCalls} (no cache: ${uncachedCalls})`, target: "≤ 10", ok: cachedCalls <= 10 },
          { what: "concurrent cold views of one week", measured: `${concurrentCalls} calls for 10 views`, target: "one per window (2)", ok: concurrentCalls <= 2 },
        ],
        data: { uncached, cold, warm, warmCpuMs, cachedCalls, uncachedCalls, concurrentCalls, eventTypes },
      };
    } finally {
      setCacheEnabled(true, saved);
      traffic.restore();
      await emulator.stop();
      await pool.query(`delete from booking_availability_cache where coach_user_id = $1`, [coachId]);
      await pool.query(`delete from booking_availability_invalidations where coach_user_id = $1`, [coachId]);
      await pool.query(`delete from "user" where id in ($1, $2)`, [coachId, realtorId]);
      await pool.end();
    }
  },
};

/** Switches the cache off (every entry expires at once) or back to its configured periods. */
function setCacheEnabled(enabled: boolean, saved: { fresh?: string; stale?: string }) {
  for (const [name, value] of [["AVAILABILITY_CACHE_FRESH_SECONDS", saved.fresh], ["AVAILABILITY_CACHE_STALE_SECONDS", saved.stale]] as const) {
    if (!enabled) process.env[name] = "0.000001";
    else if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  // The app reads its configuration once (src/lib/env.ts): parse it again with the new periods.
  resetEnvCache();
}

export default benchmark;
