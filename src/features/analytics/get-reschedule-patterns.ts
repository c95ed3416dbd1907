import { sql } from "drizzle-orm";
import type { AnalyticsFilters } from "./analytics-filters";
import { fillLeadTimes, leadTimeBucketSql, type LeadTimeBucket } from "./lead-time-buckets";
import { queryRows, sessionConditionsSql } from "./session-state-sql";

/**
 * Rescheduling patterns over the period: how many times each chain was rescheduled (chains counted by their latest
 * booking, whose session starts in the period), how long before the old session the reschedule happened, and who
 * reschedules repeatedly.
 */
export interface ReschedulePatternsDto {
  rescheduledSessions: number;
  chains: number;
  averageReschedulesPerChain: number | null;
  chainLengths: Array<{ reschedules: string; chains: number }>;
  leadTimes: Array<{ bucket: LeadTimeBucket; label: string; count: number }>;
  repeatReschedulers: Array<{ name: string; reschedules: number }>;
}

export async function getReschedulePatterns(filters: AnalyticsFilters): Promise<ReschedulePatternsDto> {
  const { period } = filters;
  const conditions = sessionConditionsSql(filters, period.start, period.end);
  const realtorCondition = filters.realtorUserId ? sql`and i.realtor_user_id = ${filters.realtorUserId}` : sql``;
  const [chainRows, leadRows, repeatRows] = await Promise.all([
    queryRows<{ reschedules: number; chains: number }>(sql`
      with recursive chain as (
        select i.uri as tail_uri, i.old_invitee_uri as previous_uri, 0 as depth
        from calendly_scheduled_events e join calendly_invitees i on i.event_uuid = e.uuid
        where ${conditions} and i.old_invitee_uri is not null and i.new_invitee_uri is null ${realtorCondition}
        union all
        select chain.tail_uri, previous.old_invitee_uri, chain.depth + 1
        -- A replaced booking is marked rescheduled (Calendly's rescheduled flag): the condition lets the step use the
        -- small calendly_invitees_analytics_rescheduled_uri_idx.
        from chain join calendly_invitees previous on previous.uri = chain.previous_uri and previous.rescheduled
        where chain.previous_uri is not null and chain.depth < 50
      )
      select reschedules::int, count(*)::int as chains
      from (select tail_uri, count(*) filter (where previous_uri is not null) as reschedules from chain group by tail_uri) per_chain
      group by 1 order by 1`),
    queryRows<{ bucket: string; count: number }>(sql`
      select ${leadTimeBucketSql(sql`coalesce(e.canceled_at, e.calendly_updated_at)`, sql`e.start_time`)} as bucket, count(*)::int as count
      from calendly_scheduled_events e
      where ${conditions} and e.status = 'canceled' and e.rescheduled
      group by 1`),
    queryRows<{ name: string; reschedules: number }>(sql`
      select coalesce(max(u.name), max(i.name)) as name, count(*)::int as reschedules
      from calendly_scheduled_events e
      join calendly_invitees i on i.event_uuid = e.uuid
      left join "user" u on u.id = i.realtor_user_id
      where ${conditions} and i.rescheduled ${realtorCondition}
      group by coalesce(i.realtor_user_id, i.email_normalized)
      having count(*) >= 2
      order by 2 desc, 1 limit 10`),
  ]);
  const chains = chainRows.reduce((sum, row) => sum + row.chains, 0);
  const reschedules = chainRows.reduce((sum, row) => sum + row.chains * row.reschedules, 0);
  const lengths = new Map<string, number>();
  for (const row of chainRows) {
    const key = row.reschedules >= 3 ? "3+" : String(row.reschedules);
    lengths.set(key, (lengths.get(key) ?? 0) + row.chains);
  }
  const leadTimes = fillLeadTimes(leadRows);
  return {
    rescheduledSessions: leadTimes.reduce((sum, row) => sum + row.count, 0),
    chains,
    averageReschedulesPerChain: chains ? reschedules / chains : null,
    chainLengths: ["1", "2", "3+"].map((key) => ({ reschedules: key, chains: lengths.get(key) ?? 0 })),
    leadTimes,
    repeatReschedulers: repeatRows,
  };
}
