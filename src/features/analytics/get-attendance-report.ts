import { sql } from "drizzle-orm";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { rate, type AnalyticsFilters } from "./analytics-filters";
import { classifiedSessionsSql, queryRows, sessionConditionsSql } from "./session-state-sql";

/**
 * Attendance reports over sessions whose start falls in the period. Per realtor, each booking (invitee) counts once:
 * attended, no-show, canceled or rescheduled. Per coach, each session counts once, with the states of the KPIs.
 * The attendance rate leaves canceled and rescheduled bookings out (docs/DOMAIN.md).
 */
export const attendanceQuerySchema = z.object({
  by: z.enum(["realtor", "coach"]).default("realtor"),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});

export interface AttendanceRow {
  /** Sessionly user id of the realtor or coach; null for an invitee who is not a Sessionly realtor. */
  userId: string | null;
  name: string;
  email: string | null;
  booked: number;
  attended: number;
  noShows: number;
  canceled: number;
  rescheduled: number;
  upcoming: number;
  attendanceRate: number | null;
}

export interface AttendanceReportDto {
  by: "realtor" | "coach";
  period: { from: string; to: string; timeZone: string };
  rows: AttendanceRow[];
  total: number;
  limit: number;
  offset: number;
}

interface Row {
  user_id: string | null;
  name: string | null;
  email: string | null;
  booked: number;
  attended: number;
  no_shows: number;
  canceled: number;
  rescheduled: number;
  upcoming: number;
  total_rows: number;
}

export const MAX_EXPORT_ROWS = 50_000;

export async function getAttendanceReport(filters: AnalyticsFilters, options: { by: "realtor" | "coach"; limit: number; offset: number }): Promise<AttendanceReportDto> {
  const { period } = filters;
  if (options.by === "coach" && filters.realtorUserId) throw new AppError("forbidden", "You can see your own attendance only.");
  const page = sql`order by booked desc, name nulls last limit ${options.limit} offset ${options.offset}`;
  const rows =
    options.by === "realtor"
      ? await queryRows<Row>(sql`
          with bookings as (
            select coalesce(i.realtor_user_id, 'email:' || i.email_normalized) as person_key, i.realtor_user_id, i.name, i.email_normalized,
              case
                when i.rescheduled or (e.status = 'canceled' and e.rescheduled) then 'rescheduled'
                when i.status = 'canceled' or e.status = 'canceled' then 'canceled'
                when e.start_time > ${filters.now.toISOString()}::timestamptz then 'upcoming'
                when i.no_show_uri is not null then 'no_show'
                when e.end_time > ${filters.now.toISOString()}::timestamptz then 'upcoming'
                else 'attended'
              end as state
            from calendly_scheduled_events e join calendly_invitees i on i.event_uuid = e.uuid
            where ${sessionConditionsSql(filters, period.start, period.end)}
              ${filters.realtorUserId ? sql`and i.realtor_user_id = ${filters.realtorUserId}` : sql``}
          )
          select max(b.realtor_user_id) as user_id, coalesce(max(u.name), max(b.name)) as name, coalesce(max(u.email), max(b.email_normalized)) as email,
            count(*)::int as booked,
            count(*) filter (where b.state = 'attended')::int as attended,
            count(*) filter (where b.state = 'no_show')::int as no_shows,
            count(*) filter (where b.state = 'canceled')::int as canceled,
            count(*) filter (where b.state = 'rescheduled')::int as rescheduled,
            count(*) filter (where b.state = 'upcoming')::int as upcoming,
            (count(*) over ())::int as total_rows
          from bookings b left join "user" u on u.id = b.realtor_user_id
          group by b.person_key ${page}`)
      : await queryRows<Row>(sql`
          select s.coach_user_id as user_id, max(u.name) as name, max(u.email) as email,
            count(*)::int as booked,
            count(*) filter (where s.state = 'completed')::int as attended,
            count(*) filter (where s.state = 'no_show')::int as no_shows,
            count(*) filter (where s.state in ('canceled_host', 'canceled_invitee'))::int as canceled,
            count(*) filter (where s.state = 'rescheduled')::int as rescheduled,
            count(*) filter (where s.state in ('upcoming', 'in_progress'))::int as upcoming,
            (count(*) over ())::int as total_rows
          from ${classifiedSessionsSql(filters, period.start, period.end)} s left join "user" u on u.id = s.coach_user_id
          group by s.coach_user_id ${page}`);
  return {
    by: options.by,
    period: { from: period.fromDate, to: period.toDate, timeZone: period.timeZone },
    rows: rows.map((row) => ({
      userId: row.user_id,
      name: row.name ?? "Unknown",
      email: row.email,
      booked: row.booked,
      attended: row.attended,
      noShows: row.no_shows,
      canceled: row.canceled,
      rescheduled: row.rescheduled,
      upcoming: row.upcoming,
      attendanceRate: rate(row.attended, row.attended + row.no_shows),
    })),
    total: rows[0]?.total_rows ?? 0,
    limit: options.limit,
    offset: options.offset,
  };
}
