import { and, gte, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { apiRequestStats } from "@/lib/db/schema";

/** What the audit page shows of API usage: totals per route and status, and an hourly series of requests and errors. */
export interface ApiUsageDto {
  since: string;
  until: string;
  totals: { requests: number; clientErrors: number; serverErrors: number };
  byRoute: Array<{ routeKey: string; status: number; count: number; averageMs: number }>;
  hourly: Array<{ hour: string; requests: number; clientErrors: number; serverErrors: number }>;
}

export async function listApiUsage(options: { hours?: number; now?: Date } = {}): Promise<ApiUsageDto> {
  const hours = Math.min(Math.max(options.hours ?? 24, 1), 24 * 31);
  const until = options.now ?? new Date();
  const since = new Date(until.getTime() - hours * 3600_000);
  const db = getDb();
  const inWindow = and(gte(apiRequestStats.bucket, since));

  const byRoute = await db
    .select({
      routeKey: apiRequestStats.routeKey,
      status: apiRequestStats.status,
      count: sql<number>`sum(${apiRequestStats.count})::int`,
      durationMs: sql<number>`sum(${apiRequestStats.durationMsTotal})::float8`,
    })
    .from(apiRequestStats)
    .where(inWindow)
    .groupBy(apiRequestStats.routeKey, apiRequestStats.status)
    .orderBy(sql`sum(${apiRequestStats.count}) desc`, apiRequestStats.routeKey, apiRequestStats.status)
    .limit(500);

  const hourly = await db
    .select({
      hour: sql<Date>`date_trunc('hour', ${apiRequestStats.bucket})`,
      requests: sql<number>`sum(${apiRequestStats.count})::int`,
      clientErrors: sql<number>`coalesce(sum(${apiRequestStats.count}) filter (where ${apiRequestStats.status} between 400 and 499), 0)::int`,
      serverErrors: sql<number>`coalesce(sum(${apiRequestStats.count}) filter (where ${apiRequestStats.status} >= 500), 0)::int`,
    })
    .from(apiRequestStats)
    .where(inWindow)
    .groupBy(sql`1`)
    .orderBy(sql`1`);

  const totals = { requests: 0, clientErrors: 0, serverErrors: 0 };
  for (const row of byRoute) {
    totals.requests += row.count;
    if (row.status >= 500) totals.serverErrors += row.count;
    else if (row.status >= 400) totals.clientErrors += row.count;
  }
  return {
    since: since.toISOString(),
    until: until.toISOString(),
    totals,
    byRoute: byRoute.map((row) => ({ routeKey: row.routeKey, status: row.status, count: row.count, averageMs: row.count ? Math.round(Number(row.durationMs) / row.count) : 0 })),
    hourly: hourly.map((row) => ({ hour: new Date(row.hour).toISOString(), requests: row.requests, clientErrors: row.clientErrors, serverErrors: row.serverErrors })),
  };
}
