import { sql } from "drizzle-orm";
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

const STOP_WORDS = [
  "the", "and", "for", "are", "but", "not", "you", "all", "any", "can", "had", "her", "was", "one", "our", "out", "has", "him", "his",
  "how", "its", "may", "new", "now", "see", "two", "who", "did", "get", "let", "she", "too", "use", "with", "that", "this", "from",
  "have", "they", "will", "your", "what", "when", "want", "would", "there", "their", "about", "which", "into", "just", "like",
  "more", "some", "than", "then", "them", "been", "were", "also", "how", "help", "need", "i'm", "it's", "don't", "very", "much",
];

const TOP_PER_QUESTION = 8;
const MAX_QUESTIONS = 20;

export async function getQuestionInsights(filters: AnalyticsFilters): Promise<QuestionInsightsDto> {
  const { period } = filters;
  const realtorCondition = filters.realtorUserId ? sql`and i.realtor_user_id = ${filters.realtorUserId}` : sql``;
  const answers = sql`
    select qa.value ->> 'question' as question, qa.value ->> 'answer' as answer, i.uuid as invitee_uuid, e.event_type_uri
    from calendly_scheduled_events e
    join calendly_invitees i on i.event_uuid = e.uuid
    cross join lateral jsonb_array_elements(i.questions_and_answers) qa
    where ${sessionConditionsSql(filters, period.start, period.end)} and not i.rescheduled ${realtorCondition}
      and coalesce(qa.value ->> 'answer', '') <> ''`;
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
      order by responses desc limit ${MAX_QUESTIONS}
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
