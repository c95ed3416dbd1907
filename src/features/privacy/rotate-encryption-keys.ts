import { sql } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { decryptSecret, encryptSecret, keyRing, type KeyRing } from "@/lib/crypto/token-cipher";

/**
 * Re-encrypts every `*_encrypted` column of the database with the newest key of `TOKEN_ENCRYPTION_KEYS`. Columns are
 * found from the catalog, so a table added later is covered without a change here. Idempotent: values already under
 * the newest key are left alone. Each write is a compare-and-set on the old ciphertext, so a token refreshed while
 * the rotation runs is never overwritten with the older one.
 */
export interface ColumnRotation {
  table: string;
  column: string;
  scanned: number;
  reencrypted: number;
  alreadyCurrent: number;
  /** Values no key in the ring decrypts (their key was removed before they were re-encrypted). */
  failed: number;
  /** Values that changed under us (e.g. a token refresh) and were skipped: they are already under the newest key. */
  changedConcurrently: number;
}

export interface RotationReport {
  currentKeyId: string;
  columns: ColumnRotation[];
  totals: { scanned: number; reencrypted: number; alreadyCurrent: number; failed: number; changedConcurrently: number };
}

type Executor = Pick<Database, "execute">;

export async function encryptedColumns(db: Executor): Promise<Array<{ table: string; column: string; keyColumns: string[] }>> {
  const columns = await db.execute<{ table_name: string; column_name: string }>(sql`
    select c.table_name, c.column_name
      from information_schema.columns c
      join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
     where c.table_schema = 'public' and c.column_name like '%\\_encrypted' and c.data_type in ('text', 'character varying')
     order by c.table_name, c.column_name`);
  const result: Array<{ table: string; column: string; keyColumns: string[] }> = [];
  for (const row of columns.rows) {
    const keys = await db.execute<{ column_name: string }>(sql`
      select a.attname as column_name
        from pg_index i
        join pg_attribute a on a.attrelid = i.indrelid and a.attnum = any(i.indkey)
       where i.indrelid = ${`public."${row.table_name}"`}::regclass and i.indisprimary
       order by a.attnum`);
    if (keys.rows.length === 0) throw new Error(`Table ${row.table_name} has no primary key; cannot re-encrypt ${row.column_name} safely.`);
    result.push({ table: row.table_name, column: row.column_name, keyColumns: keys.rows.map((key) => key.column_name) });
  }
  return result;
}

export async function rotateEncryptionKeys(db: Executor, options: { ring?: KeyRing; batchSize?: number } = {}): Promise<RotationReport> {
  const ring = options.ring ?? keyRing();
  const batchSize = options.batchSize ?? 500;
  const report: RotationReport = { currentKeyId: ring.current.id, columns: [], totals: { scanned: 0, reencrypted: 0, alreadyCurrent: 0, failed: 0, changedConcurrently: 0 } };
  const currentPrefix = `v1.${ring.current.id}.`;

  for (const target of await encryptedColumns(db)) {
    const stats: ColumnRotation = { table: target.table, column: target.column, scanned: 0, reencrypted: 0, alreadyCurrent: 0, failed: 0, changedConcurrently: 0 };
    const column = sql.identifier(target.column);
    const table = sql.identifier(target.table);
    const keyList = sql.join(target.keyColumns.map((name) => sql.identifier(name)), sql`, `);
    const [{ current }] = (
      await db.execute<{ current: number }>(sql`select count(*)::int as current from ${table} where ${column} is not null and left(${column}, ${currentPrefix.length}) = ${currentPrefix}`)
    ).rows;
    stats.alreadyCurrent = current;
    stats.scanned = current;
    // Keyset over the primary key (as text) so failed rows are passed over rather than read again.
    let after: string | null = null;
    for (;;) {
      const rows: Array<Record<string, unknown> & { __key: string; __value: string }> = (
        await db.execute<Record<string, unknown> & { __key: string; __value: string }>(sql`
          select ${keyList}, row(${keyList})::text as __key, ${column} as __value
            from ${table}
           where ${column} is not null and left(${column}, ${currentPrefix.length}) <> ${currentPrefix}
             ${after === null ? sql`` : sql`and row(${keyList})::text > ${after}`}
           order by row(${keyList})::text
           limit ${batchSize}`)
      ).rows;
      if (rows.length === 0) break;
      for (const row of rows) {
        stats.scanned++;
        let plaintext: string;
        try {
          plaintext = decryptSecret(row.__value, ring);
        } catch {
          stats.failed++;
          continue;
        }
        const match = sql.join(
          target.keyColumns.map((name) => sql`${sql.identifier(name)}::text = ${String(row[name])}`),
          sql` and `,
        );
        const updated = await db.execute(sql`
          update ${table} set ${column} = ${encryptSecret(plaintext, ring)}
           where ${match} and ${column} = ${row.__value}`);
        if ((updated.rowCount ?? 0) > 0) stats.reencrypted++;
        else stats.changedConcurrently++;
      }
      after = rows[rows.length - 1].__key;
    }
    report.columns.push(stats);
    for (const key of Object.keys(report.totals) as Array<keyof RotationReport["totals"]>) report.totals[key] += stats[key];
  }
  return report;
}
