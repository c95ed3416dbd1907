import { sql } from "drizzle-orm";
import { DateTime } from "luxon";
import type { AnalyticsFilters } from "./analytics-filters";
import { classifiedSessionsSql, quarterHourBinSql, queryRows } from "./session-state-sql";

/** Sessions per day / week (Monday) / month of the viewer's time zone, every bucket of the period present. */
export interface TrendPoint {
  /** First local date of the bucket (YYYY-MM-DD). */
  bucket: string;
  booked: number;
  completed: number;
  noShows: number;
  canceled: number;
  rescheduled: number;
}

export interface TrendsDto {
  bucket: "day" | "week" | "month";
  timeZone: string;
  points: TrendPoint[];
}

export async function getTrends(filters: AnalyticsFilters): Promise<TrendsDto> {
  const { period, bucket } = filters;
  const unit = sql.raw(`'${bucket}'`);
  const rows = await queryRows<{ bucket: string } & Omit<TrendPoint, "bucket" | "noShows"> & { no_shows: number }>(sql`
    select to_char(date_trunc(${unit}, bins.bin at time zone ${period.timeZone}), 'YYYY-MM-DD') as bucket,
      sum(bins.booked)::int as booked, sum(bins.completed)::int as completed, sum(bins.no_shows)::int as no_shows,
      sum(bins.canceled)::int as canceled, sum(bins.rescheduled)::int as rescheduled
    from (
      select ${quarterHourBinSql(sql`s.start_time`)} as bin,
        count(*) as booked,
        count(*) filter (where s.state = 'completed') as completed,
        count(*) filter (where s.state = 'no_show') as no_shows,
        count(*) filter (where s.state in ('canceled_host', 'canceled_invitee')) as canceled,
        count(*) filter (where s.state = 'rescheduled') as rescheduled
      from ${classifiedSessionsSql(filters, period.start, period.end)} s
      group by 1
    ) bins
    group by 1 order by 1`);
  const byBucket = new Map(rows.map((row) => [row.bucket, row]));
  const points: TrendPoint[] = [];
  const last = DateTime.fromISO(period.toDate, { zone: period.timeZone });
  for (let cursor = DateTime.fromISO(period.fromDate, { zone: period.timeZone }).startOf(bucket === "week" ? "week" : bucket); cursor <= last; cursor = cursor.plus({ [`${bucket}s`]: 1 })) {
    const key = cursor.toISODate()!;
    const row = byBucket.get(key);
    points.push({ bucket: key, booked: row?.booked ?? 0, completed: row?.completed ?? 0, noShows: row?.no_shows ?? 0, canceled: row?.canceled ?? 0, rescheduled: row?.rescheduled ?? 0 });
  }
  return { bucket, timeZone: period.timeZone, points };
}
