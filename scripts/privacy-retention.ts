// npm run privacy:retention -- [--dry-run] [--months N] - purge invitee personal data older than RETENTION_MONTHS
import { EnvError, parseEnv } from "../src/lib/env";
import { openDatabase } from "./lib/database";

function parseArgs(argv: string[]) {
  let dryRun = false;
  let months: number | undefined;
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index];
    if (arg === "--dry-run") dryRun = true;
    else if (arg === "--months" || arg.startsWith("--months=")) {
      const value = arg.includes("=") ? arg.split("=")[1] : argv[++index];
      months = Number(value);
      if (!Number.isInteger(months) || months < 1 || months > 240) throw new Error("--months must be a whole number between 1 and 240.");
    } else if (arg === "--help" || arg === "-h") {
      console.log("Usage: npm run privacy:retention -- [--dry-run] [--months N]\nDefault months: RETENTION_MONTHS or 24.");
      process.exit(0);
    } else throw new Error(`Unknown option ${arg} (try --help).`);
  }
  return { dryRun, months };
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const env = parseEnv(process.env);
  const database = await openDatabase(env);
  process.env.DATABASE_URL = database.url;
  const { runRetention } = await import("../src/features/privacy/run-retention");
  const { closeDb } = await import("../src/lib/db/index");
  try {
    const result = await runRetention({ dryRun: args.dryRun, months: args.months, trigger: "cli" });
    console.log(
      [
        `${result.dryRun ? "Dry run (nothing changed)" : "Retention purge"} on ${database.description}`,
        `  sessions that started before ${result.cutoff} (${result.months} months ago)`,
        `  sessions matched:            ${result.sessionsMatched}`,
        `  invitees matched:            ${result.inviteesMatched}`,
        `  invitees purged:             ${result.inviteesPurged}`,
        `  webhook payloads ${result.dryRun ? "to purge" : "purged"}:     ${result.webhookPayloadsPurged}`,
        `  run id:                      ${result.runId}`,
      ].join("\n"),
    );
  } finally {
    await closeDb();
    await database.stop();
  }
}

main().catch((error) => {
  console.error(error instanceof EnvError ? error.message : `Retention failed: ${(error as Error).message}`);
  process.exit(1);
});
