import { sql } from "drizzle-orm";
import { rate, type AnalyticsFilters } from "./analytics-filters";
import { queryRows } from "./session-state-sql";

/** Bookings started in Sessionly vs completed, per coach, over attempts started in the period. */
export interface BookingSuccessRow {
  coachUserId: string;
  coachName: string;
  started: number;
  completed: number;
  startedByPopup: number;
  startedByApi: number;
  successRate: number | null;
}

export interface BookingSuccessDto {
  coaches: BookingSuccessRow[];
  total: { started: number; completed: number; successRate: number | null };
}

export async function getBookingSuccess(filters: AnalyticsFilters): Promise<BookingSuccessDto> {
  const { period } = filters;
  const conditions = [sql`b.started_at >= ${period.start.toISOString()}::timestamptz`, sql`b.started_at < ${period.end.toISOString()}::timestamptz`];
  if (filters.coachUserId) conditions.push(sql`b.coach_user_id = ${filters.coachUserId}`);
  if (filters.eventTypeUri) conditions.push(sql`b.event_type_uri = ${filters.eventTypeUri}`);
  if (filters.realtorUserId) conditions.push(sql`b.realtor_user_id = ${filters.realtorUserId}`);
  const rows = await queryRows<{ coach_user_id: string; coach_name: string | null; started: number; completed: number; popup: number; api: number }>(sql`
    select b.coach_user_id, max(u.name) as coach_name, count(*)::int as started,
      count(*) filter (where b.completed_at is not null)::int as completed,
      count(*) filter (where b.method = 'popup')::int as popup,
      count(*) filter (where b.method = 'api')::int as api
    from booking_attempts b left join "user" u on u.id = b.coach_user_id
    where ${sql.join(conditions, sql` and `)}
    group by b.coach_user_id order by started desc`);
  const coaches = rows.map((row) => ({
    coachUserId: row.coach_user_id,
    coachName: row.coach_name ?? "Unknown coach",
    started: row.started,
    completed: row.completed,
    startedByPopup: row.popup,
    startedByApi: row.api,
    successRate: rate(row.completed, row.started),
  }));
  const started = coaches.reduce((sum, row) => sum + row.started, 0);
  const completed = coaches.reduce((sum, row) => sum + row.completed, 0);
  return { coaches, total: { started, completed, successRate: rate(completed, started) } };
}
