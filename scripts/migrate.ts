// npm run db:migrate - apply pending migrations to DATABASE_URL or the embedded database (npm start also does this)
import { createDatabase } from "../src/lib/db/index";
import { runMigrations } from "../src/lib/db/migrate";
import { EnvError, parseEnv } from "../src/lib/env";
import { openDatabase } from "./lib/database";

async function main() {
  const env = parseEnv(process.env);
  const database = await openDatabase(env);
  const db = createDatabase(database.url, { max: 2 });
  try {
    await runMigrations(db);
    console.log(`Migrations applied to ${database.description}.`);
  } finally {
    await db.$client.end();
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof EnvError ? error.message : `Migration failed: ${(error as Error).message}`);
  process.exit(1);
});
