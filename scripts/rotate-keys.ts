// npm run keys:rotate - re-encrypt every *_encrypted column with the newest key of TOKEN_ENCRYPTION_KEYS
import { EnvError, parseEnv } from "../src/lib/env";
import { openDatabase } from "./lib/database";

/**
 * Rotation: put the new key first in TOKEN_ENCRYPTION_KEYS (keep the old ones after it), restart the app, run this,
 * and once it reports no failures remove the old keys. Safe to run again: values under the newest key are skipped.
 */
async function main() {
  if (process.argv.includes("--help")) {
    console.log("Usage: npm run keys:rotate\nRe-encrypts every *_encrypted column with the first key of TOKEN_ENCRYPTION_KEYS.");
    return;
  }
  const env = parseEnv(process.env);
  const database = await openDatabase(env);
  process.env.DATABASE_URL = database.url;
  const { rotateEncryptionKeys } = await import("../src/features/privacy/rotate-encryption-keys");
  const { getDb, closeDb } = await import("../src/lib/db/index");
  let failed = 0;
  try {
    const report = await rotateEncryptionKeys(getDb());
    console.log(`Re-encrypting with key ${report.currentKeyId} on ${database.description}`);
    for (const column of report.columns) {
      console.log(
        `  ${`${column.table}.${column.column}`.padEnd(52)} scanned ${column.scanned}, re-encrypted ${column.reencrypted}, already current ${column.alreadyCurrent}` +
          (column.changedConcurrently ? `, changed meanwhile ${column.changedConcurrently}` : "") +
          (column.failed ? `, NOT DECRYPTABLE ${column.failed}` : ""),
      );
    }
    const totals = report.totals;
    console.log(`Total: ${totals.reencrypted} re-encrypted, ${totals.alreadyCurrent} already current, ${totals.failed} not decryptable.`);
    failed = totals.failed;
    if (failed > 0) console.error("Some values could not be decrypted with any key in TOKEN_ENCRYPTION_KEYS: do not remove old keys yet.");
  } finally {
    await closeDb();
    await database.stop();
  }
  if (failed > 0) process.exit(2);
}

main().catch((error) => {
  console.error(error instanceof EnvError ? error.message : `Key rotation failed: ${(error as Error).message}`);
  process.exit(1);
});
