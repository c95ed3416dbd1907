import { sql } from "drizzle-orm";
import { afterAll, describe, expect, it } from "vitest";
import { closeDb, getDb } from "@/lib/db";
import { runMigrations } from "@/lib/db/migrate";

describe("database", () => {
  afterAll(closeDb);

  it("has the migrated auth tables", async () => {
    const result = await getDb().execute<{ table_name: string }>(
      sql`select table_name from information_schema.tables where table_schema = 'public' order by table_name`,
    );
    const tables = result.rows.map((row) => row.table_name);
    expect(tables).toEqual(expect.arrayContaining(["account", "session", "user", "verification"]));
  });

  it("re-running migrations is a no-op", async () => {
    await expect(runMigrations(getDb())).resolves.toBeUndefined();
    const applied = await getDb().execute<{ count: number }>(sql`select count(*)::int as count from drizzle.__drizzle_migrations`);
    expect(applied.rows[0].count).toBeGreaterThanOrEqual(1);
  });

  it("runs parameterised queries from many connections without mixing them up", async () => {
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) => getDb().execute<{ n: number; s: string }>(sql`select ${i}::int as n, ${"v" + i}::text as s`)),
    );
    results.forEach((result, i) => expect(result.rows[0]).toEqual({ n: i, s: `v${i}` }));
  });
});
