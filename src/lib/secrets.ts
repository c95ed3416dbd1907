import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";

/**
 * Secrets for the embedded set-up. When a secret is not configured (and we are not in production with a real
 * database), one is generated once and kept under DATA_DIR/secrets.json (mode 0600), so sessions and encrypted
 * tokens survive restarts without the user configuring anything.
 */
export interface LocalSecrets {
  authSecret: string;
  tokenEncryptionKey: string;
  linkSigningSecret: string;
}

function generate(): LocalSecrets {
  return {
    authSecret: crypto.randomBytes(32).toString("base64url"),
    tokenEncryptionKey: crypto.randomBytes(32).toString("base64"),
    linkSigningSecret: crypto.randomBytes(32).toString("base64url"),
  };
}

export function loadOrCreateLocalSecrets(dataDir: string): LocalSecrets {
  const file = path.resolve(dataDir, "secrets.json");
  try {
    const existing = JSON.parse(fs.readFileSync(file, "utf8")) as Partial<LocalSecrets>;
    if (existing.authSecret && existing.tokenEncryptionKey && existing.linkSigningSecret) return existing as LocalSecrets;
  } catch {
    // first run: fall through and create
  }
  const secrets = generate();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // "wx" fails if another process created it first; then read theirs.
  try {
    fs.writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600, flag: "wx" });
    return secrets;
  } catch {
    return JSON.parse(fs.readFileSync(file, "utf8")) as LocalSecrets;
  }
}
