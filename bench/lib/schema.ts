import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { BENCH_SCHEMA, benchUrl } from "./config";

/**
 * The app's migrations applied into schema `bench`: drizzle-kit writes foreign keys as `"public"."table"`, so the SQL
 * is rewritten to the bench schema before it runs (otherwise bench rows would point at `public`). A hash of the
 * migration files is kept in `bench.bench_meta`, so a changed migration rebuilds the schema.
 */
const MIGRATIONS_DIR = path.resolve(process.cwd(), "drizzle");

function migrationStatements(): { statements: string[]; hash: string } {
  const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS_DIR, "meta", "_journal.json"), "utf8")) as { entries: Array<{ tag: string }> };
  const hash = crypto.createHash("sha256");
  const statements: string[] = [];
  for (const entry of journal.entries) {
    const text = fs.readFileSync(path.join(MIGRATIONS_DIR, `${entry.tag}.sql`), "utf8");
    hash.update(text);
    for (const part of text.split("--> statement-breakpoint")) {
      const statement = part.replaceAll('"public".', `"${BENCH_SCHEMA}".`).trim();
      if (statement) statements.push(statement);
    }
  }
  return { statements, hash: hash.digest("hex").slice(0, 16) };
}

export function benchPool(max = 4): pg.Pool {
  const pool = new pg.Pool({ connectionString: benchUrl(), max });
  pool.on("error", () => {});
  return pool;
}

export async function readMeta(pool: pg.Pool): Promise<Record<string, unknown> | null> {
  const exists = await pool.query(`select to_regclass('${BENCH_SCHEMA}.bench_meta') as name`);
  if (!exists.rows[0].name) return null;
  const result = await pool.query(`select key, value from ${BENCH_SCHEMA}.bench_meta`);
  return Object.fromEntries(result.rows.map((row: { key: string; value: unknown }) => [row.key, row.value]));
}

export async function writeMeta(pool: pg.Pool, values: Record<string, unknown>) {
  for (const [key, value] of Object.entries(values)) {
    await pool.query(
      `insert into ${BENCH_SCHEMA}.bench_meta (key, value) values ($1, $2::jsonb) on conflict (key) do update set value = excluded.value`,
      [key, JSON.stringify(value)],
    );
  }
}

/** Creates (or, when the migrations changed or `reset` is asked, recreates) schema `bench` with the app's tables. */
export async function ensureBenchSchema(pool: pg.Pool, options: { reset?: boolean } = {}): Promise<{ rebuilt: boolean; migrationHash: string }> {
  const { statements, hash } = migrationStatements();
  const meta = await readMeta(pool);
  if (!options.reset && meta?.migration_hash === hash) return { rebuilt: false, migrationHash: hash };
  const client = await pool.connect();
  try {
    await client.query(`drop schema if exists ${BENCH_SCHEMA} cascade`);
    await client.query(`create schema ${BENCH_SCHEMA}`);
    await client.query(`set search_path = ${BENCH_SCHEMA}`);
    await client.query("begin");
    for (const statement of statements) await client.query(statement);
    await client.query(`create table ${BENCH_SCHEMA}.bench_meta (key text primary key, value jsonb not null)`);
    await client.query("commit");
  } catch (error) {
    await client.query("rollback").catch(() => {});
    throw error;
  } finally {
    client.release();
  }
  await writeMeta(pool, { migration_hash: hash, schema_built_at: new Date().toISOString() });
  return { rebuilt: true, migrationHash: hash };
}

/** Fails with a clear message when the dataset is missing or was built from older migrations. */
export async function requireSeededDataset(pool: pg.Pool): Promise<Record<string, unknown>> {
  const meta = await readMeta(pool);
  if (!meta?.seed) throw new Error("No bench dataset: run `npm run bench:seed -- --sessions 1000000` (or `--sessions 20000` for a smoke run) first.");
  const { hash } = migrationStatements();
  if (meta.migration_hash !== hash) {
    console.warn(`warning: the migrations changed since the dataset was seeded (${String(meta.migration_hash)} → ${hash}); re-seed with --reset for exact indexes.`);
  }
  return meta;
}

/** The schema for benchmarks that bring their own rows: built when missing, never dropped (it may hold the dataset). */
export async function ensureBenchSchemaExists(pool: pg.Pool): Promise<void> {
  const meta = await readMeta(pool);
  if (!meta) {
    await ensureBenchSchema(pool);
    return;
  }
  const { hash } = migrationStatements();
  if (meta.migration_hash !== hash) console.warn(`warning: schema ${BENCH_SCHEMA} was built from older migrations; \`npm run bench:seed -- --reset\` rebuilds it.`);
}
