import { sql } from "drizzle-orm";
import type { AnalyticsFilters } from "./analytics-filters";
import { classifiedSessionsSql, quarterHourBinSql, queryRows } from "./session-state-sql";

/**
 * Popular time slots: booked sessions per weekday × hour of the viewer's time zone. The old half of a reschedule is
 * left out (the booking carries on at its new time), canceled bookings count (the slot was wanted).
 */
export interface TimeSlotCell {
  /** ISO weekday: 1 = Monday … 7 = Sunday. */
  weekday: number;
  hour: number;
  sessions: number;
}

export interface TimeSlotsDto {
  timeZone: string;
  cells: TimeSlotCell[];
  max: number;
}

export async function getTimeSlots(filters: AnalyticsFilters): Promise<TimeSlotsDto> {
  const { period } = filters;
  const cells = await queryRows<TimeSlotCell>(sql`
    select extract(isodow from bins.bin at time zone ${period.timeZone})::int as weekday,
      extract(hour from bins.bin at time zone ${period.timeZone})::int as hour,
      sum(bins.sessions)::int as sessions
    from (
      select ${quarterHourBinSql(sql`s.start_time`)} as bin, count(*) as sessions
      from ${classifiedSessionsSql(filters, period.start, period.end)} s
      where s.state <> 'rescheduled'
      group by 1
    ) bins
    group by 1, 2 order by 1, 2`);
  return { timeZone: period.timeZone, cells, max: cells.reduce((max, cell) => Math.max(max, cell.sessions), 0) };
}
