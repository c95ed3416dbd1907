import { sql } from "drizzle-orm";
import type { AnalyticsFilters } from "./analytics-filters";
import { fillLeadTimes, leadTimeBucketSql, type LeadTimeBucket } from "./lead-time-buckets";
import { queryRows, sessionConditionsSql } from "./session-state-sql";

/**
 * Cancellations (never the old half of a reschedule) over the period: who canceled, the reasons grouped by their
 * normalized text, and how long before the session they came (a host cancellation after the start shows as such).
 */
export interface CancellationsDto {
  total: number;
  byHost: number;
  byInvitee: number;
  reasons: Array<{ reason: string; count: number }>;
  leadTimes: Array<{ bucket: LeadTimeBucket; label: string; count: number }>;
}

export const NO_REASON = "(no reason given)";

export async function getCancellations(filters: AnalyticsFilters): Promise<CancellationsDto> {
  const { period } = filters;
  const canceled = sql`${sessionConditionsSql(filters, period.start, period.end)} and e.status = 'canceled' and not e.rescheduled`;
  const [whoRows, reasonRows, leadRows] = await Promise.all([
    queryRows<{ host: number; invitee: number }>(sql`
      select count(*) filter (where e.canceler_type = 'host')::int as host, count(*) filter (where e.canceler_type is distinct from 'host')::int as invitee
      from calendly_scheduled_events e where ${canceled}`),
    queryRows<{ reason: string; count: number }>(sql`
      select coalesce(nullif(lower(regexp_replace(regexp_replace(trim(both from e.cancel_reason), '\\s+', ' ', 'g'), '[[:space:][:punct:]]+$', '')), ''), ${NO_REASON}) as reason, count(*)::int as count
      from calendly_scheduled_events e where ${canceled}
      group by 1 order by 2 desc, 1 limit 10`),
    queryRows<{ bucket: string; count: number }>(sql`
      select ${leadTimeBucketSql(sql`coalesce(e.canceled_at, e.calendly_updated_at)`, sql`e.start_time`)} as bucket, count(*)::int as count
      from calendly_scheduled_events e where ${canceled}
      group by 1`),
  ]);
  const byHost = whoRows[0]?.host ?? 0;
  const byInvitee = whoRows[0]?.invitee ?? 0;
  return { total: byHost + byInvitee, byHost, byInvitee, reasons: reasonRows, leadTimes: fillLeadTimes(leadRows) };
}
