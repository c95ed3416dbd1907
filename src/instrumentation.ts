/**
 * Runs once when a web instance starts: start the job queue before any request can open a transaction that
 * enqueues a job (on embedded PGlite a transaction holds the only backend, so the queue cannot start inside it).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || !process.env.DATABASE_URL) return;
  const { getBoss } = await import("@/lib/jobs/boss");
  await getBoss().catch((error: unknown) => {
    console.error(`Job queue did not start: ${(error as Error).message}`);
  });
}
