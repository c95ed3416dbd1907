import { sql } from "drizzle-orm";
import { rate, type AnalyticsFilters } from "./analytics-filters";
import { offeredMinutes, type ScheduleForOffer } from "./offered-minutes";
import { classifiedSessionsSql, queryRows } from "./session-state-sql";

/**
 * Utilization per coach = booked hours ÷ offered hours over the period. Booked hours are the durations of sessions
 * that were not canceled or rescheduled (upcoming, in progress, completed, no-show: the time was held). Offered hours
 * come from the coach's cached default availability schedule, in that schedule's own time zone.
 */
export interface UtilizationRow {
  coachUserId: string;
  coachName: string;
  bookedHours: number;
  offeredHours: number | null;
  utilization: number | null;
  sessions: number;
  scheduleName: string | null;
  scheduleTimeZone: string | null;
  scheduleFetchedAt: string | null;
}

export interface UtilizationDto {
  coaches: UtilizationRow[];
  /** Org-wide (or the filtered coach's) totals over coaches that have a cached schedule. */
  total: { bookedHours: number; offeredHours: number; utilization: number | null };
}

interface CoachRow {
  coach_user_id: string;
  coach_name: string | null;
  booked_minutes: number;
  sessions: number;
  schedule_name: string | null;
  schedule_time_zone: string | null;
  rules: ScheduleForOffer["rules"] | null;
  fetched_at: string | Date | null;
}

export async function getUtilization(filters: AnalyticsFilters): Promise<UtilizationDto> {
  const { period } = filters;
  const coachCondition = filters.coachUserId ? sql`u.id = ${filters.coachUserId}` : sql`u.role = 'coach'`;
  const rows = await queryRows<CoachRow>(sql`
    with booked as (
      select s.coach_user_id,
        coalesce(sum(extract(epoch from (s.end_time - s.start_time)) / 60) filter (where s.state not in ('canceled_host', 'canceled_invitee', 'rescheduled')), 0)::float8 as booked_minutes,
        count(*)::int as sessions
      from ${classifiedSessionsSql(filters, period.start, period.end)} s
      group by s.coach_user_id
    ),
    schedules as (
      select distinct on (coach_user_id) coach_user_id, name, time_zone, rules, fetched_at
      from analytics_availability_schedules
      order by coach_user_id, is_default desc, name
    )
    select u.id as coach_user_id, u.name as coach_name, coalesce(b.booked_minutes, 0)::float8 as booked_minutes, coalesce(b.sessions, 0)::int as sessions,
      sc.name as schedule_name, sc.time_zone as schedule_time_zone, sc.rules, sc.fetched_at
    from "user" u
    left join booked b on b.coach_user_id = u.id
    left join schedules sc on sc.coach_user_id = u.id
    where ${coachCondition}`);
  let totalBooked = 0;
  let totalOffered = 0;
  const coaches = rows.map((row): UtilizationRow => {
    const bookedHours = Number(row.booked_minutes) / 60;
    const offeredHours = row.rules && row.schedule_time_zone ? offeredMinutes({ timeZone: row.schedule_time_zone, rules: row.rules }, period.start, period.end) / 60 : null;
    if (offeredHours !== null) {
      totalBooked += bookedHours;
      totalOffered += offeredHours;
    }
    return {
      coachUserId: row.coach_user_id,
      coachName: row.coach_name ?? "Unknown coach",
      bookedHours: round(bookedHours),
      offeredHours: offeredHours === null ? null : round(offeredHours),
      utilization: offeredHours === null ? null : rate(bookedHours, offeredHours),
      sessions: row.sessions,
      scheduleName: row.schedule_name,
      scheduleTimeZone: row.schedule_time_zone,
      scheduleFetchedAt: row.fetched_at ? new Date(row.fetched_at).toISOString() : null,
    };
  });
  coaches.sort((a, b) => (b.utilization ?? -1) - (a.utilization ?? -1) || b.bookedHours - a.bookedHours || a.coachName.localeCompare(b.coachName));
  return { coaches, total: { bookedHours: round(totalBooked), offeredHours: round(totalOffered), utilization: rate(totalBooked, totalOffered) } };
}

function round(hours: number): number {
  return Math.round(hours * 100) / 100;
}
