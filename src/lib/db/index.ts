import { drizzle, type NodePgDatabase } from "drizzle-orm/node-postgres";
import pg from "pg";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import * as schema from "./schema";

/**
 * The database of this process: a `pg` pool (to PostgreSQL, or to the embedded PGlite server that `npm start`
 * runs) wrapped by Drizzle. One pool per process, kept on globalThis so Next.js hot reloads do not leak pools.
 */
export type Database = NodePgDatabase<typeof schema> & { $client: pg.Pool };

const globalForDb = globalThis as unknown as { sessionlyDb?: { url: string; db: Database } };

export function databaseUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) {
    throw new AppError(
      "upstream_unavailable",
      "DATABASE_URL is not set: start Sessionly with `npm start` (it runs the embedded database) or set DATABASE_URL.",
    );
  }
  return url;
}

export function createDatabase(url: string, options: { max?: number } = {}): Database {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? env().DATABASE_POOL_SIZE,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    // No JIT and no parallel workers: PostgreSQL compiles any query whose cost estimate passes jit_above_cost, and
    // splits big scans across worker processes; for this app's short aggregates, which already run side by side
    // (the analytics dashboard's eight sections), both cost more than they save (docs/performance.md). Run once per
    // new connection before its first query; no-ops on PGlite.
    onConnect: async (client) => {
      await client.query("set jit = off").catch(() => {});
      await client.query("set max_parallel_workers_per_gather = 0").catch(() => {});
    },
  });
  // An idle client that loses its connection must not crash the process; the pool replaces it.
  pool.on("error", () => {});
  return drizzle(pool, { schema }) as Database;
}

export function getDb(): Database {
  const url = databaseUrl();
  if (!globalForDb.sessionlyDb || globalForDb.sessionlyDb.url !== url) {
    globalForDb.sessionlyDb = { url, db: createDatabase(url) };
  }
  return globalForDb.sessionlyDb.db;
}

export async function closeDb() {
  const current = globalForDb.sessionlyDb;
  globalForDb.sessionlyDb = undefined;
  if (current) await current.db.$client.end();
}

export { schema };
