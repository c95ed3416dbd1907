import { afterAll, inject } from "vitest";

// Every test file talks to the run's database through the same env variable the app uses.
process.env.DATABASE_URL = inject("databaseUrl");
// Embedded PGlite is one backend session behind the socket, as with `npm start`: features that need a session per
// connection (named prepared statements, e.g. the Postgres rate-limit store) take their embedded path.
process.env.SESSIONLY_EMBEDDED_DB = inject("databaseKind") === "pglite" ? "1" : "0";
process.env.DATA_DIR ??= "./data/test";
process.env.BETTER_AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123456789";
process.env.TOKEN_ENCRYPTION_KEY ??= Buffer.alloc(32, 7).toString("base64");
process.env.APP_URL ??= "http://localhost:3000";
// Calendly retries and rate-limit waits in milliseconds rather than seconds, so fault tests run quickly.
process.env.CALENDLY_RETRY_BASE_MS ??= "20";
process.env.CALENDLY_MAX_RATE_LIMIT_WAIT_MS ??= "300";
// Every test signs in from the same (unknown) address, and on PostgreSQL the counters are shared by all files of the
// run: the production sign-in limit would trip across files. The limiter's own tests set tight limits explicitly.
process.env.RATE_LIMIT_AUTH_PER_MINUTE ??= "10000";

// Each file closes what it opened (job queue, database pool), so a run never hangs on open handles.
afterAll(async () => {
  const { stopBoss } = await import("../../src/lib/jobs/boss");
  const { closeDb } = await import("../../src/lib/db/index");
  await stopBoss();
  await closeDb();
});
