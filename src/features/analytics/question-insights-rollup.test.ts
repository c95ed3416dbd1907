import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDb, schema } from "@/lib/db";
import { scrubInvitees } from "@/features/privacy/scrub-invitees";
import { createUser } from "../../../tests/helpers/users";
import { scopeFilters, type AnalyticsFilters } from "./analytics-filters";
import { getQuestionInsights, getQuestionInsightsFromRollup, getQuestionInsightsLive, STOP_WORDS } from "./get-question-insights";
import { insertInvitee, insertSession, resetAnalyticsTables } from "./testing/analytics-fixtures";

// The Q&A rollup (analytics_answer_counts / _org, kept by triggers in src/lib/db/schema/sql/after-init.sql) must give
// exactly what the live query gives, after any sequence of writes, for any viewer, filter, period and time zone.
const NOW = new Date("2026-06-01T00:00:00Z");
const ZONES = ["UTC", "America/Chicago", "Asia/Kolkata", "Asia/Kathmandu"];
const COACHES = ["rollup-coach-a", "rollup-coach-b", "rollup-coach-c"];
const ET = (name: string) => `https://api.calendly.test/event_types/rollup-${name}`;
const GOAL = "What would you like to focus on?";
const NOTES = "Anything we should know beforehand?";
const PHONE = "Phone number";
const QUESTIONS_A = [
  { name: GOAL, type: "single_select", position: 0 },
  { name: NOTES, type: "text", position: 1 },
  { name: PHONE, type: "phone_number", position: 2 },
  { name: "Budget", type: "single_select", position: 3 },
];
const QUESTIONS_B = [
  { name: GOAL, type: "multi_select", position: 0 },
  { name: NOTES, type: "paragraph", position: 1 },
  { name: PHONE, type: "phone_number", position: 2 },
  { name: "Budget", type: "single_select", position: 3 },
];
const GOALS = ["Pricing", "Listing strategy", "Negotiation", " Pricing ", "Pricing\nNegotiation", "Team building\n\nPricing", ""];
const WORDS = ["open", "house", "leads", "pricing", "the", "and", "luxury", "listings", "2026", "don't", "it's", "Q1", "referral", "pipeline", "ab", "Open", "HOUSE"];
const PHONES = ["+1 555 0100", "+1 555 0101", "555-0199"];

let connectionId: string;

async function createEventType(name: string, customQuestions: unknown[]) {
  await getDb().insert(schema.eventTypes).values({
    uri: ET(name),
    uuid: `rollup-${name}`,
    connectionId,
    coachUserId: COACHES[0],
    name,
    duration: 30,
    active: true,
    schedulingUrl: `https://calendly.test/coach/${name}`,
    customQuestions,
  });
}

function filtersFor(timeZone: string, query: { from: string; to: string; coach?: string; eventType?: string }, viewer?: string): AnalyticsFilters {
  if (viewer) return scopeFilters({ id: viewer, role: "coach", timeZone }, "own", query, { now: NOW });
  return scopeFilters({ id: "admin", role: "admin", timeZone }, "any", query, { now: NOW });
}

async function rollupSnapshot() {
  const detail = await getDb().execute(sql`select coach_user_id, hour::text, event_type_uri, question, kind, value, count from analytics_answer_counts order by 1, 2, 3, 4, 5, 6`);
  const org = await getDb().execute(sql`select grain, bucket::text, question, kind, value, count from analytics_answer_counts_org order by 1, 2, 3, 4, 5`);
  return { detail: detail.rows, org: org.rows };
}

/** The trigger-kept rollup equals a rebuild from scratch, and reading it equals the live query for every view. */
async function expectRollupMatchesLive(periods: Array<{ from: string; to: string }>, options: { expectRollup?: boolean } = {}) {
  const kept = await rollupSnapshot();
  expect(kept.detail.every((row) => Number(row.count) > 0)).toBe(true);
  await getDb().execute(sql`select analytics_answer_counts_rebuild()`);
  expect(await rollupSnapshot()).toEqual(kept);
  for (const timeZone of ZONES) {
    for (const period of periods) {
      const views: Array<[string, AnalyticsFilters]> = [
        ["admin", filtersFor(timeZone, period)],
        ["admin, coach b", filtersFor(timeZone, { ...period, coach: COACHES[1] })],
        ["admin, event type b", filtersFor(timeZone, { ...period, eventType: ET("b") })],
        ["coach a", filtersFor(timeZone, period, COACHES[0])],
        ["coach a, event type a", filtersFor(timeZone, { ...period, eventType: ET("a") }, COACHES[0])],
      ];
      for (const [label, filters] of views) {
        const live = await getQuestionInsightsLive(filters);
        const fromRollup = await getQuestionInsightsFromRollup(filters);
        const context = `${label}, ${timeZone}, ${period.from}..${period.to}`;
        if (options.expectRollup !== false) expect(fromRollup, context).not.toBeNull();
        if (fromRollup) expect(fromRollup, context).toEqual(live);
        expect(await getQuestionInsights(filters), context).toEqual(live);
      }
    }
  }
}

/** A small deterministic PRNG (mulberry32), so a failure can be replayed. */
function prng(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function randomAnswers(random: () => number) {
  const pick = <T,>(items: T[]) => items[Math.floor(random() * items.length)];
  const answers: Array<{ question: string; answer: string }> = [];
  if (random() < 0.9) answers.push({ question: GOAL, answer: pick(GOALS) });
  if (random() < 0.8) answers.push({ question: NOTES, answer: Array.from({ length: 1 + Math.floor(random() * 6) }, () => pick(WORDS)).join(random() < 0.5 ? " " : ", ") });
  if (random() < 0.6) answers.push({ question: PHONE, answer: pick(PHONES) });
  if (random() < 0.2) answers.push({ question: "Budget", answer: pick(["Under 1k", "1k-5k"]) });
  if (random() < 0.05) answers.push({ question: NOTES, answer: "open house again" }); // the same question twice
  return answers;
}

const PERIODS = [
  { from: "2026-03-01", to: "2026-03-10" },
  { from: "2026-03-03", to: "2026-03-03" },
  { from: "2026-03-02", to: "2026-03-05" },
];

beforeEach(async () => {
  await resetAnalyticsTables();
  const owner = await createUser({ email: `rollup.coach.${Math.random().toString(36).slice(2, 8)}@example.com`, role: "coach", name: "Rollup Coach" });
  const [connection] = await getDb()
    .insert(schema.calendlyConnections)
    .values({ userId: owner.id, calendlyUserUri: `https://api.calendly.test/users/${owner.id}`, organizationUri: "https://api.calendly.test/organizations/o", authKind: "pat" })
    .returning({ id: schema.calendlyConnections.id });
  connectionId = connection.id;
  await createEventType("a", QUESTIONS_A);
  await createEventType("b", QUESTIONS_B);
});

describe("Q&A rollup", () => {
  it("has the live query's stop words", async () => {
    const result = await getDb().execute<{ words: string[] }>(sql`select analytics_answer_stop_words() as words`);
    expect(result.rows[0].words).toEqual(STOP_WORDS);
  });

  it("counts choices per answer and terms once per invitee, by UTC hour, and follows every write", { timeout: 180_000 }, async () => {
    const first = await insertSession({ coachUserId: COACHES[0], start: "2026-03-03T10:15:00Z", eventTypeUri: ET("a") });
    const second = await insertSession({ coachUserId: COACHES[1], start: "2026-03-03T10:45:00Z", eventTypeUri: ET("a") });
    const one = await insertInvitee({ eventUuid: first, answers: [{ question: GOAL, answer: "Pricing" }, { question: NOTES, answer: "Open house, open house leads" }, { question: PHONE, answer: "+1 555 0100" }] });
    await insertInvitee({ eventUuid: second, answers: [{ question: GOAL, answer: " Pricing " }, { question: NOTES, answer: "open house" }, { question: PHONE, answer: "+1 555 0100" }] });
    const org = await getDb().execute(sql`select question, kind, value, count from analytics_answer_counts_org where grain = 'hour' order by 1, 2, 3`);
    expect(org.rows).toEqual([
      { question: NOTES, kind: "other", value: "", count: 2 },
      { question: NOTES, kind: "term", value: "house", count: 2 },
      { question: NOTES, kind: "term", value: "leads", count: 1 },
      { question: NOTES, kind: "term", value: "open", count: 2 },
      { question: PHONE, kind: "phone", value: "", count: 2 },
      { question: GOAL, kind: "choice", value: "Pricing", count: 2 },
      { question: GOAL, kind: "select", value: "", count: 2 },
    ]);
    const insights = await getQuestionInsights(filtersFor("UTC", { from: "2026-03-03", to: "2026-03-03" }));
    expect(insights.questions).toEqual([
      { question: NOTES, kind: "text", responses: 2, top: [{ value: "house", count: 2 }, { value: "open", count: 2 }] },
      { question: GOAL, kind: "choice", responses: 2, top: [{ value: "Pricing", count: 2 }] },
    ]);
    await expectRollupMatchesLive(PERIODS);

    // Answer edit, erasure, the old half of a reschedule, a move to another session, hour, coach and event type.
    await getDb().update(schema.invitees).set({ questionsAndAnswers: [{ question: GOAL, answer: "Negotiation", position: 0 }] }).where(eq(schema.invitees.uri, one));
    await expectRollupMatchesLive(PERIODS);
    await scrubInvitees(getDb(), sql`i.uri = ${one}`, { reason: "erasure" });
    await expectRollupMatchesLive(PERIODS);
    const third = await insertInvitee({ eventUuid: first, answers: [{ question: NOTES, answer: "luxury listings" }] });
    await getDb().update(schema.invitees).set({ rescheduled: true }).where(eq(schema.invitees.uri, third));
    await expectRollupMatchesLive(PERIODS);
    await getDb().update(schema.invitees).set({ rescheduled: false, eventUuid: second }).where(eq(schema.invitees.uri, third));
    await expectRollupMatchesLive(PERIODS);
    await getDb().update(schema.scheduledEvents).set({ startTime: new Date("2026-03-04T18:40:00Z"), coachUserId: COACHES[2], eventTypeUri: ET("b") }).where(eq(schema.scheduledEvents.uuid, second));
    await expectRollupMatchesLive(PERIODS);
    await getDb().delete(schema.scheduledEvents).where(eq(schema.scheduledEvents.uuid, second));
    await expectRollupMatchesLive(PERIODS);
    expect((await rollupSnapshot()).detail).toEqual([]);
  });

  it("re-resolves question types when an event type's questions change, appear or go away", { timeout: 120_000 }, async () => {
    const session = await insertSession({ coachUserId: COACHES[0], start: "2026-03-03T10:00:00Z", eventTypeUri: ET("c") });
    for (let i = 0; i < 3; i++) {
      await insertInvitee({ eventUuid: session, answers: [{ question: GOAL, answer: "Pricing\nNegotiation" }, { question: NOTES, answer: "pricing help pricing" }] });
    }
    await expectRollupMatchesLive(PERIODS); // no event type yet: every answer is free text
    await createEventType("c", QUESTIONS_A);
    await expectRollupMatchesLive(PERIODS);
    await getDb().update(schema.eventTypes).set({ customQuestions: [{ name: NOTES, type: "multi_select", position: 0 }, { name: GOAL, type: "phone_number", position: 1 }] }).where(eq(schema.eventTypes.uri, ET("c")));
    await expectRollupMatchesLive(PERIODS);
    await getDb().delete(schema.eventTypes).where(eq(schema.eventTypes.uri, ET("c")));
    await expectRollupMatchesLive(PERIODS);
  });

  it("falls back to the live query when a question is a choice on one event type and free text on another", async () => {
    const a = await insertSession({ coachUserId: COACHES[0], start: "2026-03-03T10:00:00Z", eventTypeUri: ET("a") });
    const plain = await insertSession({ coachUserId: COACHES[0], start: "2026-03-03T11:00:00Z" });
    await insertInvitee({ eventUuid: a, answers: [{ question: GOAL, answer: "Pricing" }] });
    await insertInvitee({ eventUuid: plain, answers: [{ question: GOAL, answer: "Pricing" }] });
    const filters = filtersFor("UTC", { from: "2026-03-03", to: "2026-03-03" });
    expect(await getQuestionInsightsFromRollup(filters)).toBeNull();
    expect((await getQuestionInsights(filters)).questions).toEqual([{ question: GOAL, kind: "choice", responses: 2, top: [{ value: "Pricing", count: 2 }] }]);
  });

  for (const seed of [1, 2, 3]) {
    it(`equals the live query on a randomized dataset and after random writes (seed ${seed})`, { timeout: 180_000 }, async () => {
      const random = prng(seed);
      const pick = <T,>(items: T[]) => items[Math.floor(random() * items.length)];
      const randomStart = () => new Date(Date.UTC(2026, 2, 1) + Math.floor(random() * 11 * 24 * 60) * 60_000 - 12 * 3600_000);
      const sessions: string[] = [];
      const invitees: string[] = [];
      for (let s = 0; s < 40; s++) {
        const status = random() < 0.15 ? "canceled" : "active";
        const eventUuid = await insertSession({ coachUserId: pick(COACHES), start: randomStart().toISOString(), eventTypeUri: pick([ET("a"), ET("b"), ET("b"), ET("a")]), status });
        sessions.push(eventUuid);
        const group = random() < 0.25 ? 2 + Math.floor(random() * 4) : 1;
        for (let i = 0; i < group; i++) {
          invitees.push(await insertInvitee({ eventUuid, status, rescheduled: status === "canceled" && random() < 0.3, answers: randomAnswers(random) }));
        }
      }
      await expectRollupMatchesLive(PERIODS);
      for (let step = 0; step < 30; step++) {
        const roll = random();
        const invitee = pick(invitees);
        const session = pick(sessions);
        if (roll < 0.2) {
          await getDb().update(schema.invitees).set({ questionsAndAnswers: randomAnswers(random).map((answer, position) => ({ ...answer, position })) }).where(eq(schema.invitees.uri, invitee));
        } else if (roll < 0.3) {
          await getDb().update(schema.invitees).set({ rescheduled: random() < 0.5, status: "canceled" }).where(eq(schema.invitees.uri, invitee));
        } else if (roll < 0.4) {
          await scrubInvitees(getDb(), sql`i.uri = ${invitee}`, { reason: "erasure" });
        } else if (roll < 0.5) {
          await getDb().update(schema.invitees).set({ eventUuid: session }).where(eq(schema.invitees.uri, invitee));
        } else if (roll < 0.6) {
          await getDb().delete(schema.invitees).where(eq(schema.invitees.uri, invitee));
        } else if (roll < 0.7) {
          await getDb().update(schema.scheduledEvents).set({ startTime: randomStart() }).where(eq(schema.scheduledEvents.uuid, session));
        } else if (roll < 0.78) {
          await getDb().update(schema.scheduledEvents).set({ coachUserId: pick(COACHES), eventTypeUri: pick([ET("a"), ET("b")]) }).where(eq(schema.scheduledEvents.uuid, session));
        } else if (roll < 0.84) {
          await getDb().update(schema.scheduledEvents).set({ status: "canceled", cancelerType: "host" }).where(eq(schema.scheduledEvents.uuid, session));
        } else if (roll < 0.9) {
          await getDb().delete(schema.scheduledEvents).where(eq(schema.scheduledEvents.uuid, session));
        } else if (roll < 0.95) {
          const questions = random() < 0.5 ? QUESTIONS_A : QUESTIONS_B;
          await getDb().update(schema.eventTypes).set({ customQuestions: questions }).where(eq(schema.eventTypes.uri, pick([ET("a"), ET("b")])));
        } else {
          const eventUuid = await insertSession({ coachUserId: pick(COACHES), start: randomStart().toISOString(), eventTypeUri: ET("b") });
          sessions.push(eventUuid);
          invitees.push(await insertInvitee({ eventUuid, answers: randomAnswers(random) }));
        }
        if (step % 10 === 9) await expectRollupMatchesLive(PERIODS);
      }
      // Every question type flip between the two event types keeps types consistent, so the rollup always answers.
      await expectRollupMatchesLive([...PERIODS, { from: "2026-02-27", to: "2026-03-12" }]);
    });
  }

  it("adds up concurrent writes to the same rollup rows, including one that deletes a row another re-creates (PostgreSQL)", async ({ skip }) => {
    if (process.env.SESSIONLY_EMBEDDED_DB === "1") skip("PGlite runs one backend session: transactions never overlap");
    const first = await insertSession({ coachUserId: COACHES[0], start: "2026-03-03T10:05:00Z", eventTypeUri: ET("a") });
    const second = await insertSession({ coachUserId: COACHES[1], start: "2026-03-03T10:35:00Z", eventTypeUri: ET("a") });
    const only = await insertInvitee({ eventUuid: first, answers: [{ question: GOAL, answer: "Pricing" }, { question: NOTES, answer: "open house leads" }] });
    const insert = (eventUuid: string, name: string): [string, string[]] => [
      `insert into calendly_invitees (uuid, uri, event_uuid, email, email_normalized, name, status, questions_and_answers, calendly_created_at, calendly_updated_at)
       values ($1, $2, $3, $4, $4, 'Concurrent', 'active', $5::jsonb, now(), now())`,
      [name, `https://api.calendly.test/invitees/${name}`, eventUuid, `${name}@example.com`,
        JSON.stringify([{ question: GOAL, answer: "Pricing", position: 0 }, { question: NOTES, answer: "open house leads", position: 1 }])],
    ];
    const pool = getDb().$client;
    const [one, two] = [await pool.connect(), await pool.connect()];
    try {
      // 1. Two inserts into the same org hour / day rows: the second waits on the first's rows, then adds to them.
      await one.query("begin");
      await two.query("begin");
      await one.query(...insert(first, `concurrent-a-${Date.now()}`));
      const waiting = two.query(...insert(second, `concurrent-b-${Date.now()}`));
      await new Promise((resolve) => setTimeout(resolve, 100));
      await one.query("commit");
      await waiting;
      await two.query("commit");
      // 2. A delete that takes a session's rows to 0 (and deletes them) while another transaction adds to them.
      await one.query("begin");
      await two.query("begin");
      await one.query("delete from calendly_invitees where event_uuid = $1", [first]);
      const adding = two.query(...insert(first, `concurrent-c-${Date.now()}`));
      await new Promise((resolve) => setTimeout(resolve, 100));
      await one.query("commit");
      await adding;
      await two.query("commit");
    } finally {
      one.release();
      two.release();
    }
    expect(only).toBeTruthy();
    const detail = await getDb().execute<{ count: number }>(sql`select count from analytics_answer_counts where coach_user_id = ${COACHES[0]} and kind = 'select'`);
    expect(detail.rows).toEqual([{ count: 1 }]);
    await expectRollupMatchesLive(PERIODS);
  });
});
