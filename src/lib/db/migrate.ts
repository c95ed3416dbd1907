import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate } from "drizzle-orm/node-postgres/migrator";
import type { Database } from "./index";

// Any constant shared by every Sessionly instance: only one of them migrates at a time.
const MIGRATION_LOCK = 7_240_101;

/**
 * Applies pending drizzle-kit migrations. Drizzle runs them in one transaction, so a failing migration leaves the
 * schema as it was; the advisory lock keeps several instances starting at once from racing.
 */
export async function runMigrations(db: Database, migrationsFolder = path.resolve(process.cwd(), "drizzle")) {
  const client = await db.$client.connect();
  try {
    await client.query("select pg_advisory_lock($1)", [MIGRATION_LOCK]);
    try {
      await migrate(db, { migrationsFolder });
    } finally {
      await client.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

export async function checkDatabase(db: Database): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}
