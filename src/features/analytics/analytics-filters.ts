import { DateTime, IANAZone } from "luxon";
import { z } from "zod";
import type { CurrentUser } from "@/lib/auth/session";
import type { Scope } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";

/**
 * The filters every analytics query shares: a period of whole days in the viewer's time zone (with the previous
 * period of the same length for comparison), an optional coach and event type, and the viewer's scope.
 */
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2026-03-01.");
export const MAX_PERIOD_DAYS = 3 * 366 + 1;

export const analyticsQuerySchema = z
  .object({
    from: isoDate.optional(),
    to: isoDate.optional(),
    coach: z.string().min(1).max(200).optional(),
    eventType: z.string().url().max(500).optional(),
    bucket: z.enum(["day", "week", "month"]).optional(),
  })
  .refine((value) => !value.from || !value.to || value.from <= value.to, { message: "The start date must be on or before the end date.", path: ["from"] });
export type AnalyticsQuery = z.output<typeof analyticsQuerySchema>;

export interface AnalyticsPeriod {
  /** Inclusive local dates as the viewer picked them. */
  fromDate: string;
  toDate: string;
  timeZone: string;
  /** Instants: [start, end). */
  start: Date;
  end: Date;
  previousStart: Date;
  previousEnd: Date;
  days: number;
}

/** The filters after scoping: the SQL layer trusts these. */
export interface AnalyticsFilters {
  period: AnalyticsPeriod;
  /** Only this coach's sessions (always set for a coach viewer). */
  coachUserId: string | null;
  /** Only this realtor's invitees (always set for a realtor viewer). */
  realtorUserId: string | null;
  eventTypeUri: string | null;
  bucket: "day" | "week" | "month";
  now: Date;
}

export function viewerTimeZone(zone: string | null | undefined): string {
  return zone && IANAZone.isValidZone(zone) ? zone : "UTC";
}

/** A period of whole local days in `timeZone`; defaults to the 30 days ending today. */
export function resolvePeriod(input: { from?: string; to?: string }, timeZone: string, now: Date = new Date()): AnalyticsPeriod {
  const zone = viewerTimeZone(timeZone);
  const today = DateTime.fromJSDate(now, { zone }).startOf("day");
  const toDay = input.to ? DateTime.fromISO(input.to, { zone }) : today;
  const fromDay = input.from ? DateTime.fromISO(input.from, { zone }) : toDay.minus({ days: 29 });
  if (!toDay.isValid || !fromDay.isValid) throw new AppError("validation_failed", "The dates are not valid calendar dates.", { fields: { from: ["Not a valid date."] } });
  const days = Math.round(toDay.diff(fromDay, "days").days) + 1;
  if (days < 1) throw new AppError("validation_failed", "The start date must be on or before the end date.", { fields: { from: ["After the end date."] } });
  if (days > MAX_PERIOD_DAYS) throw new AppError("validation_failed", "Pick a period of at most three years.", { fields: { from: ["Period too long."] } });
  const start = fromDay.startOf("day");
  const end = toDay.plus({ days: 1 }).startOf("day");
  const previousStart = start.minus({ days });
  return {
    fromDate: start.toISODate()!,
    toDate: toDay.toISODate()!,
    timeZone: zone,
    start: start.toJSDate(),
    end: end.toJSDate(),
    previousStart: previousStart.toJSDate(),
    previousEnd: start.toJSDate(),
    days,
  };
}

/**
 * Applies the viewer's scope: a coach (scope `own`) sees only their own sessions and asking for another coach answers
 * 404; a realtor sees only their own attendance; an admin (scope `any`) may filter by any coach.
 */
export function scopeFilters(
  viewer: Pick<CurrentUser, "id" | "role" | "timeZone">,
  scope: Scope,
  query: AnalyticsQuery,
  options: { now?: Date; allowRealtor?: boolean } = {},
): AnalyticsFilters {
  const now = options.now ?? new Date();
  const period = resolvePeriod(query, viewerTimeZone(viewer.timeZone), now);
  let coachUserId = query.coach ?? null;
  let realtorUserId: string | null = null;
  if (scope !== "any") {
    if (viewer.role === "coach") {
      if (coachUserId && coachUserId !== viewer.id) throw new AppError("not_found", "That coach was not found.");
      coachUserId = viewer.id;
    } else if (viewer.role === "realtor" && options.allowRealtor) {
      realtorUserId = viewer.id;
    } else {
      throw new AppError("forbidden", "Analytics are for coaches and admins; you can see your own attendance.");
    }
  }
  return { period, coachUserId, realtorUserId, eventTypeUri: query.eventType ?? null, bucket: query.bucket ?? defaultBucket(period.days), now };
}

export function defaultBucket(days: number): "day" | "week" | "month" {
  if (days <= 62) return "day";
  if (days <= 366) return "week";
  return "month";
}

/** A ratio, or null when there is nothing to divide by (shown as "—", never as 0%). */
export function rate(numerator: number, denominator: number): number | null {
  return denominator > 0 ? numerator / denominator : null;
}
