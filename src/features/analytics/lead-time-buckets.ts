import { sql, type SQL } from "drizzle-orm";

/** How long before the session a cancellation or reschedule happened, in fixed buckets (negative = after the start). */
export const LEAD_TIME_BUCKETS = ["after_start", "under_24h", "1_to_3_days", "3_to_7_days", "over_7_days"] as const;
export type LeadTimeBucket = (typeof LEAD_TIME_BUCKETS)[number];
export const LEAD_TIME_LABELS: Record<LeadTimeBucket, string> = {
  after_start: "After the start",
  under_24h: "Less than 24 hours",
  "1_to_3_days": "1–3 days",
  "3_to_7_days": "3–7 days",
  over_7_days: "More than 7 days",
};

export function leadTimeBucketSql(changedAt: SQL, startTime: SQL): SQL {
  return sql`case
    when ${changedAt} >= ${startTime} then 'after_start'
    when ${startTime} - ${changedAt} < interval '24 hours' then 'under_24h'
    when ${startTime} - ${changedAt} < interval '3 days' then '1_to_3_days'
    when ${startTime} - ${changedAt} < interval '7 days' then '3_to_7_days'
    else 'over_7_days'
  end`;
}

export function fillLeadTimes(rows: Array<{ bucket: string; count: number }>): Array<{ bucket: LeadTimeBucket; label: string; count: number }> {
  const counts = new Map(rows.map((row) => [row.bucket, row.count]));
  return LEAD_TIME_BUCKETS.map((bucket) => ({ bucket, label: LEAD_TIME_LABELS[bucket], count: counts.get(bucket) ?? 0 }));
}
