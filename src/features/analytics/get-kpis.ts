import { sql } from "drizzle-orm";
import { rate, type AnalyticsFilters } from "./analytics-filters";
import { classifiedSessionsSql, queryRows } from "./session-state-sql";

/** Session counts and the four rates of docs/DOMAIN.md over sessions whose start falls in a period. */
export interface KpiValues {
  booked: number;
  completed: number;
  noShows: number;
  canceledByHost: number;
  canceledByInvitee: number;
  canceled: number;
  rescheduled: number;
  upcoming: number;
  noShowRate: number | null;
  attendanceRate: number | null;
  cancellationRate: number | null;
  rescheduleRate: number | null;
}

export interface KpisDto {
  current: KpiValues;
  previous: KpiValues;
  period: { from: string; to: string; timeZone: string };
  previousPeriod: { from: string; to: string };
}

interface CountsRow {
  is_current: boolean;
  booked: number;
  completed: number;
  no_shows: number;
  canceled_host: number;
  canceled_invitee: number;
  rescheduled: number;
  upcoming: number;
}

export function kpiValuesFrom(row: Omit<CountsRow, "is_current"> | undefined): KpiValues {
  const booked = row?.booked ?? 0;
  const completed = row?.completed ?? 0;
  const noShows = row?.no_shows ?? 0;
  const canceledByHost = row?.canceled_host ?? 0;
  const canceledByInvitee = row?.canceled_invitee ?? 0;
  const rescheduled = row?.rescheduled ?? 0;
  const canceled = canceledByHost + canceledByInvitee;
  return {
    booked,
    completed,
    noShows,
    canceledByHost,
    canceledByInvitee,
    canceled,
    rescheduled,
    upcoming: row?.upcoming ?? 0,
    noShowRate: rate(noShows, completed + noShows),
    attendanceRate: rate(completed, completed + noShows),
    cancellationRate: rate(canceled, booked),
    rescheduleRate: rate(rescheduled, booked),
  };
}

export async function getKpis(filters: AnalyticsFilters): Promise<KpisDto> {
  const { period } = filters;
  // One scan over both periods: the previous period ends where the current one starts.
  const rows = await queryRows<CountsRow>(sql`
    select s.start_time >= ${period.start.toISOString()}::timestamptz as is_current,
      count(*)::int as booked,
      count(*) filter (where s.state = 'completed')::int as completed,
      count(*) filter (where s.state = 'no_show')::int as no_shows,
      count(*) filter (where s.state = 'canceled_host')::int as canceled_host,
      count(*) filter (where s.state = 'canceled_invitee')::int as canceled_invitee,
      count(*) filter (where s.state = 'rescheduled')::int as rescheduled,
      count(*) filter (where s.state in ('upcoming', 'in_progress'))::int as upcoming
    from ${classifiedSessionsSql(filters, period.previousStart, period.end)} s
    group by 1`);
  const previousEndDate = new Date(period.previousEnd.getTime() - 1);
  return {
    current: kpiValuesFrom(rows.find((row) => row.is_current)),
    previous: kpiValuesFrom(rows.find((row) => !row.is_current)),
    period: { from: period.fromDate, to: period.toDate, timeZone: period.timeZone },
    previousPeriod: { from: localDate(period.previousStart, period.timeZone), to: localDate(previousEndDate, period.timeZone) },
  };
}

function localDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(instant);
}
