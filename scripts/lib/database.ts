import fs from "node:fs";
import path from "node:path";
import pg from "pg";
import { startEmbeddedDatabase } from "../../src/lib/db/embedded-server";
import type { Env } from "../../src/lib/env";

/**
 * Opens the database a script should use: DATABASE_URL when set, else the embedded PGlite under DATA_DIR. PGlite
 * must be opened by one process only, so a lock file names the process that has it; a second opener is refused.
 */
export interface OpenedDatabase {
  url: string;
  kind: "postgres" | "embedded";
  description: string;
  stop(): Promise<void>;
}

export function maskUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "(unparseable URL)";
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function acquireLock(lockFile: string) {
  try {
    const holder = Number(fs.readFileSync(lockFile, "utf8").trim());
    if (holder && holder !== process.pid && processIsAlive(holder)) {
      throw new Error(
        `The embedded database in ${path.dirname(lockFile)} is in use by process ${holder} (is Sessionly already running?). Stop it first, or set DATABASE_URL.`,
      );
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
  }
  fs.writeFileSync(lockFile, String(process.pid));
}

export async function openDatabase(env: Env): Promise<OpenedDatabase> {
  if (env.DATABASE_URL) {
    const url = env.DATABASE_URL;
    const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
    try {
      await client.connect();
      await client.query("select 1");
    } catch (error) {
      throw new Error(`Cannot connect to the database at ${maskUrl(url)}: ${(error as Error).message}`);
    } finally {
      await client.end().catch(() => {});
    }
    return { url, kind: "postgres", description: `PostgreSQL at ${maskUrl(url)}`, stop: async () => {} };
  }
  const dataDir = path.resolve(env.DATA_DIR);
  fs.mkdirSync(dataDir, { recursive: true });
  const lockFile = path.join(dataDir, "pglite.lock");
  acquireLock(lockFile);
  const pgliteDir = path.join(dataDir, "pglite");
  const embedded = await startEmbeddedDatabase({ dataDir: pgliteDir });
  return {
    url: embedded.url,
    kind: "embedded",
    description: `embedded PGlite in ${path.relative(process.cwd(), pgliteDir) || pgliteDir}`,
    async stop() {
      await embedded.stop();
      fs.rmSync(lockFile, { force: true });
    },
  };
}
