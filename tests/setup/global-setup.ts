import type { TestProject } from "vitest/node";
import { createDatabase } from "../../src/lib/db/index";
import { startEmbeddedDatabase, type EmbeddedDatabase } from "../../src/lib/db/embedded-server";
import { runMigrations } from "../../src/lib/db/migrate";

/**
 * One database for the whole run: in-memory PGlite served on loopback by default, or the PostgreSQL named by
 * TEST_DATABASE_URL (its schemas are dropped and rebuilt first). Migrations run once; test files get the URL.
 */
declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: "pglite" | "postgres";
  }
}

let embedded: EmbeddedDatabase | undefined;

export default async function setup(project: TestProject) {
  let url = process.env.TEST_DATABASE_URL;
  const kind = url ? "postgres" : "pglite";
  if (!url) {
    embedded = await startEmbeddedDatabase();
    url = embedded.url;
  }
  const db = createDatabase(url, { max: 2 });
  try {
    if (kind === "postgres") {
      await db.$client.query(
        "drop schema if exists public cascade; create schema public; drop schema if exists drizzle cascade; drop schema if exists pgboss cascade;",
      );
    }
    await runMigrations(db);
  } finally {
    await db.$client.end();
  }
  project.provide("databaseUrl", url);
  project.provide("databaseKind", kind);
  return async () => {
    await embedded?.stop();
  };
}
