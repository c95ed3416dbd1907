import { sql, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db";
import type { AnalyticsFilters } from "./analytics-filters";

/**
 * The one definition of a session's state in SQL (docs/DOMAIN.md), shared by every aggregate:
 * - `rescheduled`: canceled as the old half of a reschedule chain (never a cancellation);
 * - `canceled_host` / `canceled_invitee`: canceled otherwise, by who canceled (host cancellations after the start too);
 * - `upcoming` / `in_progress`: active, not yet ended (counted as booked only);
 * - `no_show`: active, started, and every active invitee marked no-show (for group sessions: nobody came);
 * - `completed`: active, ended, and at least one active invitee attended.
 * "Marked no-show" is `e.no_show_invitees` (active invitees marked, kept by triggers on calendly_invitees), so the
 * state reads only columns of the covering analytics indexes: a period is an index-only scan (docs/decisions/007).
 */
export type SessionState = "rescheduled" | "canceled_host" | "canceled_invitee" | "upcoming" | "in_progress" | "no_show" | "completed";

export function sessionStateSql(now: Date): SQL {
  const nowParam = sql`${now.toISOString()}::timestamptz`;
  return sql`case
    when e.status = 'canceled' and e.rescheduled then 'rescheduled'
    when e.status = 'canceled' and e.canceler_type = 'host' then 'canceled_host'
    when e.status = 'canceled' then 'canceled_invitee'
    when e.start_time > ${nowParam} then 'upcoming'
    when e.invitees_active > 0 and e.no_show_invitees >= e.invitees_active then 'no_show'
    when e.end_time > ${nowParam} then 'in_progress'
    else 'completed'
  end`;
}

/** `where` conditions on `calendly_scheduled_events e` for the filters, over [start, end). */
export function sessionConditionsSql(filters: AnalyticsFilters, start: Date, end: Date): SQL {
  const parts: SQL[] = [sql`e.start_time >= ${start.toISOString()}::timestamptz`, sql`e.start_time < ${end.toISOString()}::timestamptz`];
  if (filters.coachUserId) parts.push(sql`e.coach_user_id = ${filters.coachUserId}`);
  if (filters.eventTypeUri) parts.push(sql`e.event_type_uri = ${filters.eventTypeUri}`);
  if (filters.realtorUserId) {
    parts.push(sql`exists (select 1 from calendly_invitees ri where ri.event_uuid = e.uuid and ri.realtor_user_id = ${filters.realtorUserId})`);
  }
  return sql.join(parts, sql` and `);
}

/**
 * A subquery of the filtered sessions with their state: `uuid, coach_user_id, start_time, end_time, state`.
 * `offset 0` keeps Postgres from flattening it into the caller: flattened, the state's `case` is evaluated again in
 * every `count(*) filter (where s.state = …)` (seven times per row for the KPIs: 134 → 52 ms for 55,000 sessions).
 */
export function classifiedSessionsSql(filters: AnalyticsFilters, start: Date, end: Date): SQL {
  return sql`(
    select e.uuid, e.coach_user_id, e.start_time, e.end_time, ${sessionStateSql(filters.now)} as state
    from calendly_scheduled_events e
    where ${sessionConditionsSql(filters, start, end)}
    offset 0
  )`;
}

export async function queryRows<T>(query: SQL): Promise<T[]> {
  const result = await getDb().execute(query);
  return result.rows as T[];
}

/**
 * The 15-minute UTC bin of an instant. Every time zone's offset is a whole number of quarter hours and clocks change
 * on a quarter hour, so all instants of a bin share the same local date, weekday and hour in any zone: grouping by bin
 * first and converting each bin's start to the viewer's zone gives the same buckets as converting every session, with
 * ~3,000 conversions for 30 days instead of one per session (admin heatmap at 1M: ~75 → ~25 ms).
 */
export function quarterHourBinSql(instant: SQL): SQL {
  return sql`date_bin('15 minutes', ${instant}, timestamptz '2000-01-01 00:00:00+00')`;
}
