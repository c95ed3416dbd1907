import { sql, type SQL } from "drizzle-orm";
import type { AnalyticsFilters } from "./analytics-filters";
import { queryRows, sessionConditionsSql } from "./session-state-sql";

/**
 * Q&A analysis over the answers of invitees booked in the period (the old half of a reschedule is left out: its
 * answers carry over to the new booking). Choice questions (Calendly `single_select` / `multi_select`, found on the
 * event type) get their top answers; free-text questions get their most frequent terms, and only terms found in at
 * least two answers, so one person's words never show on their own. Phone-number answers are never analyzed.
 */
export interface QuestionInsight {
  question: string;
  kind: "choice" | "text";
  responses: number;
  top: Array<{ value: string; count: number }>;
}

export interface QuestionInsightsDto {
  questions: QuestionInsight[];
}

/** Never counted as free-text terms (the rollup's trigger SQL has the same list: `analytics_answer_stop_words()`). */
export const STOP_WORDS = [
  "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "had", "her", "was", "one", "our", "out", "has", "him", "his",
  "how", "its", "may", "new", "now", "see", "two", "who", "did", "get", "let", "she", "too", "use", "with", "that", "this", "from",
  "have", "they", "will", "your", "what", "when", "want", "would", "there", "their", "about", "which", "into", "just", "like",
  "more", "some", "than", "then", "them", "been", "were", "also", "how", "help", "need", "i'm", "it's", "don't", "very", "much",
];

const TOP_PER_QUESTION = 8;
const MAX_QUESTIONS = 20;

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const ceilTo = (date: Date, step: number) => new Date(Math.ceil(date.getTime() / step) * step);
const floorTo = (date: Date, step: number) => new Date(Math.floor(date.getTime() / step) * step);
const iso = (date: Date) => sql`${date.toISOString()}::timestamptz`;

/**
 * Q&A analysis read from the rollup (`analytics_answer_counts`, `analytics_answer_counts_org`, kept by triggers; see
 * docs/decisions/007): whole UTC hours of the period come from the rollup (whole UTC days from the org-wide day rows
 * when no coach or event type is picked), the partial hours at the edges of a +5:30 / +5:45 viewer's period are read
 * live in the same form, and the sum goes through the same top-20 / top-8 / "two answers or more" steps as the live
 * query, so the result is the live query's. The live query answers instead when a realtor is picked (a small set), when
 * the period holds no whole hour, and when a shown question is select-typed on one event type and free text on another
 * (the rollup keeps the lines of select-typed answers and the terms of free-text ones only).
 */
export async function getQuestionInsights(filters: AnalyticsFilters): Promise<QuestionInsightsDto> {
  return (await getQuestionInsightsFromRollup(filters)) ?? getQuestionInsightsLive(filters);
}

/** The rollup read; null when the live query must answer (see getQuestionInsights). */
export async function getQuestionInsightsFromRollup(filters: AnalyticsFilters): Promise<QuestionInsightsDto | null> {
  if (filters.realtorUserId) return null;
  const { start, end } = filters.period;
  const hourStart = ceilTo(start, HOUR_MS);
  const hourEnd = floorTo(end, HOUR_MS);
  if (hourStart >= hourEnd) return null;

  const parts: SQL[] = [];
  if (!filters.coachUserId && !filters.eventTypeUri) {
    const dayStart = ceilTo(hourStart, DAY_MS);
    const dayEnd = floorTo(hourEnd, DAY_MS);
    const hourRanges: Array<[Date, Date]> = dayStart < dayEnd ? [[hourStart, dayStart], [dayEnd, hourEnd]] : [[hourStart, hourEnd]];
    if (dayStart < dayEnd) {
      parts.push(sql`select question, kind, value, count from analytics_answer_counts_org
        where grain = 'day' and bucket >= ${iso(dayStart)} and bucket < ${iso(dayEnd)}`);
    }
    for (const [from, to] of hourRanges) {
      if (from >= to) continue;
      parts.push(sql`select question, kind, value, count from analytics_answer_counts_org
        where grain = 'hour' and bucket >= ${iso(from)} and bucket < ${iso(to)}`);
    }
  } else {
    const conditions: SQL[] = [sql`hour >= ${iso(hourStart)}`, sql`hour < ${iso(hourEnd)}`];
    if (filters.coachUserId) conditions.push(sql`coach_user_id = ${filters.coachUserId}`);
    if (filters.eventTypeUri) conditions.push(sql`event_type_uri = ${filters.eventTypeUri}`);
    parts.push(sql`select question, kind, value, count from analytics_answer_counts where ${sql.join(conditions, sql` and `)}`);
  }
  // The partial hours at the period's edges, live, in the rollup's form (the same SQL function the triggers use).
  for (const [from, to] of [[start, hourStart], [hourEnd, end]] as Array<[Date, Date]>) {
    if (from >= to) continue;
    parts.push(sql`select r.question, r.kind, r.value, r.count
      from calendly_scheduled_events e
      join calendly_invitees i on i.event_uuid = e.uuid and not i.rescheduled
      left join calendly_event_types t on t.uri = e.event_type_uri
      cross join lateral analytics_answer_rows(i.questions_and_answers, analytics_question_types(t.custom_questions)) r
      where ${sessionConditionsSql(filters, from, to)}`);
  }
  const rows = await queryRows<{ question: string; kind: "choice" | "text"; responses: number; mixed: boolean; value: string | null; count: number | null }>(sql`
    with counted as materialized (
      select question, kind, value, sum(count)::int as count from (${sql.join(parts, sql` union all `)}) parts group by question, kind, value
    ),
    questions as (
      select question,
        case when coalesce(sum(count) filter (where kind = 'select'), 0) > 0 then 'choice' else 'text' end as kind,
        coalesce(sum(count) filter (where kind = 'phone'), 0) > 0 as is_phone,
        coalesce(sum(count) filter (where kind = 'select'), 0) > 0 and coalesce(sum(count) filter (where kind = 'other'), 0) > 0 as mixed,
        sum(count)::int as responses
      from counted where kind in ('select', 'phone', 'other') and count <> 0
      group by question
      order by responses desc, question limit ${MAX_QUESTIONS}
    ),
    ranked as (
      select c.question, c.value, c.count, row_number() over (partition by c.question order by c.count desc, c.value) as position
      from counted c join questions q on q.question = c.question
      where (q.kind = 'choice' and c.kind = 'choice' and c.count > 0) or (q.kind = 'text' and not q.is_phone and c.kind = 'term' and c.count >= 2)
    )
    select q.question, q.kind, q.responses, q.mixed and not q.is_phone as mixed, r.value, r.count
    from questions q left join ranked r on r.question = q.question and r.position <= ${TOP_PER_QUESTION}
    where not q.is_phone
    order by q.responses desc, q.question, r.position`);
  if (rows.some((row) => row.mixed)) return null;
  return toDto(rows);
}

/** The reference: Q&A computed on read from the period's invitees. */
export async function getQuestionInsightsLive(filters: AnalyticsFilters): Promise<QuestionInsightsDto> {
  const { period } = filters;
  const realtorCondition = filters.realtorUserId ? sql`and i.realtor_user_id = ${filters.realtorUserId}` : sql``;
  const answers = sql`
    select qa.value ->> 'question' as question, qa.value ->> 'answer' as answer, i.uuid as invitee_uuid, e.event_type_uri
    from calendly_scheduled_events e
    join calendly_invitees i on i.event_uuid = e.uuid
    cross join lateral jsonb_array_elements(i.questions_and_answers) qa
    where ${sessionConditionsSql(filters, period.start, period.end)} and not i.rescheduled ${realtorCondition}
      and coalesce(qa.value ->> 'answer', '') <> '' and qa.value ->> 'question' is not null`;
  const stopWords = sql.join(STOP_WORDS.map((word) => sql`${word}`), sql`, `);
  const rows = await queryRows<{ question: string; kind: "choice" | "text"; responses: number; value: string | null; count: number | null }>(sql`
    with answers as materialized (${answers}),
    -- Each question's Calendly type, read once per event type of the period (its first question of that name); an
    -- answer to a question the event type no longer has counts as free text ('string').
    question_types as (
      select distinct on (et.uri, cq.value ->> 'name') et.uri as event_type_uri, cq.value ->> 'name' as question, cq.value ->> 'type' as type
      from calendly_event_types et cross join lateral jsonb_array_elements(et.custom_questions) with ordinality cq(value, position)
      where et.uri in (select distinct event_type_uri from answers)
      order by et.uri, cq.value ->> 'name', cq.position
    ),
    questions as (
      select a.question, case when bool_or(coalesce(t.type, 'string') in ('single_select', 'multi_select')) then 'choice' else 'text' end as kind,
        bool_or(coalesce(t.type, 'string') = 'phone_number') as is_phone, count(*)::int as responses
      from answers a left join question_types t on t.event_type_uri = a.event_type_uri and t.question = a.question
      group by a.question
      order by responses desc, a.question limit ${MAX_QUESTIONS}
    ),
    values_counted as (
      select a.question, trim(both from choice) as value, count(*)::int as count
      from answers a join questions q on q.question = a.question and q.kind = 'choice'
      cross join lateral regexp_split_to_table(a.answer, E'\\n') choice
      where trim(both from choice) <> ''
      group by 1, 2
      union all
      -- Terms counted once per invitee: distinct (question, term, invitee) first, so both steps hash (no sort).
      select question, value, count(*)::int as count
      from (
        select distinct a.question, term as value, a.invitee_uuid
        from answers a join questions q on q.question = a.question and q.kind = 'text' and not q.is_phone
        cross join lateral regexp_split_to_table(lower(a.answer), '[^[:alnum:]'']+') term
        where length(term) >= 3 and term !~ '^[0-9]+$' and term not in (${stopWords})
      ) terms
      group by 1, 2
      having count(*) >= 2
    ),
    ranked as (
      select question, value, count, row_number() over (partition by question order by count desc, value) as position from values_counted
    )
    select q.question, q.kind, q.responses, r.value, r.count
    from questions q left join ranked r on r.question = q.question and r.position <= ${TOP_PER_QUESTION}
    where not q.is_phone
    order by q.responses desc, q.question, r.position`);
  return toDto(rows);
}

function toDto(rows: Array<{ question: string; kind: "choice" | "text"; responses: number; value: string | null; count: number | null }>): QuestionInsightsDto {
  const byQuestion = new Map<string, QuestionInsight>();
  for (const row of rows) {
    let insight = byQuestion.get(row.question);
    if (!insight) {
      insight = { question: row.question, kind: row.kind, responses: row.responses, top: [] };
      byQuestion.set(row.question, insight);
    }
    if (row.value !== null && row.count !== null) insight.top.push({ value: row.value, count: row.count });
  }
  return { questions: [...byQuestion.values()] };
}
