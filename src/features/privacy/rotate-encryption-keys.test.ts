import crypto from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { getAccessToken } from "@/features/calendly/connection/connection-tokens";
import { buildKeyRing, decryptSecret, encryptSecret, keyId } from "@/lib/crypto/token-cipher";
import { getDb } from "@/lib/db";
import { calendlyConnections, oauthStates } from "@/lib/db/schema";
import { createUser } from "../../../tests/helpers/users";
import { encryptedColumns, rotateEncryptionKeys } from "./rotate-encryption-keys";
import { insertConnection, SECRET_ACCESS_TOKEN, SECRET_REFRESH_TOKEN, SECRET_SIGNING_KEY } from "./testing/fixtures";

const oldKey = Buffer.alloc(32, 7).toString("base64"); // the key tests/setup/per-file.ts configures
const newKey = crypto.randomBytes(32).toString("base64");

describe("key rotation", () => {
  const saved = { keys: process.env.TOKEN_ENCRYPTION_KEYS, key: process.env.TOKEN_ENCRYPTION_KEY };
  let connectionId: string;

  beforeEach(async () => {
    process.env.TOKEN_ENCRYPTION_KEY = oldKey;
    delete process.env.TOKEN_ENCRYPTION_KEYS;
    await getDb().execute(sql`truncate "user", calendly_connections, calendly_oauth_states cascade`);
    const coach = await createUser({ email: "rotate.coach@keys.test", role: "coach" });
    connectionId = (await insertConnection(coach.id)).id;
    await getDb().update(calendlyConnections).set({ authKind: "pat", tokenExpiresAt: null }).where(eq(calendlyConnections.id, connectionId));
    await getDb().insert(oauthStates).values({ state: "state-1", userId: coach.id, codeVerifierEncrypted: encryptSecret("verifier-SECRET"), redirectUri: "http://localhost:3000/cb", expiresAt: new Date(Date.now() + 600_000) });
  });
  afterEach(() => {
    if (saved.keys === undefined) delete process.env.TOKEN_ENCRYPTION_KEYS;
    else process.env.TOKEN_ENCRYPTION_KEYS = saved.keys;
    if (saved.key === undefined) delete process.env.TOKEN_ENCRYPTION_KEY;
    else process.env.TOKEN_ENCRYPTION_KEY = saved.key;
  });

  it("finds every *_encrypted column, with its primary key", async () => {
    const columns = await encryptedColumns(getDb());
    expect(columns).toEqual(
      expect.arrayContaining([
        { table: "calendly_connections", column: "access_token_encrypted", keyColumns: ["id"] },
        { table: "calendly_connections", column: "refresh_token_encrypted", keyColumns: ["id"] },
        { table: "calendly_connections", column: "webhook_signing_key_encrypted", keyColumns: ["id"] },
        { table: "calendly_oauth_states", column: "code_verifier_encrypted", keyColumns: ["state"] },
      ]),
    );
  });

  it("re-encrypts with the newest key, idempotently, and the new ring alone decrypts everything afterwards", async () => {
    process.env.TOKEN_ENCRYPTION_KEYS = `${newKey},${oldKey}`;
    const report = await rotateEncryptionKeys(getDb());
    expect(report.currentKeyId).toBe(keyId(Buffer.from(newKey, "base64")));
    expect(report.totals).toMatchObject({ reencrypted: 4, failed: 0 });

    const again = await rotateEncryptionKeys(getDb());
    expect(again.totals).toMatchObject({ reencrypted: 0, alreadyCurrent: 4, failed: 0 });

    // The old key removed: everything still decrypts, through the ordinary code path too.
    process.env.TOKEN_ENCRYPTION_KEYS = newKey;
    delete process.env.TOKEN_ENCRYPTION_KEY;
    const newOnly = buildKeyRing([newKey]);
    const [row] = await getDb().select().from(calendlyConnections).where(eq(calendlyConnections.id, connectionId));
    expect(decryptSecret(row.accessTokenEncrypted!, newOnly)).toBe(SECRET_ACCESS_TOKEN);
    expect(decryptSecret(row.refreshTokenEncrypted!, newOnly)).toBe(SECRET_REFRESH_TOKEN);
    expect(decryptSecret(row.webhookSigningKeyEncrypted!, newOnly)).toBe(SECRET_SIGNING_KEY);
    const [state] = await getDb().select().from(oauthStates);
    expect(decryptSecret(state.codeVerifierEncrypted, newOnly)).toBe("verifier-SECRET");
    expect(await getAccessToken(connectionId)).toBe(SECRET_ACCESS_TOKEN);
  });

  it("reports values no key decrypts instead of destroying them", async () => {
    const lostKey = crypto.randomBytes(32).toString("base64");
    const orphan = encryptSecret("orphaned", buildKeyRing([lostKey]));
    await getDb().update(calendlyConnections).set({ refreshTokenEncrypted: orphan }).where(eq(calendlyConnections.id, connectionId));
    process.env.TOKEN_ENCRYPTION_KEYS = `${newKey},${oldKey}`;
    const report = await rotateEncryptionKeys(getDb());
    expect(report.totals).toMatchObject({ reencrypted: 3, failed: 1 });
    const [row] = await getDb().select().from(calendlyConnections).where(eq(calendlyConnections.id, connectionId));
    expect(row.refreshTokenEncrypted).toBe(orphan);
  });
});
