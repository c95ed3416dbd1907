import crypto from "node:crypto";
import { env } from "@/lib/env";
import { loadOrCreateLocalSecrets } from "@/lib/secrets";

/**
 * Encryption at rest for Calendly tokens and signing keys: AES-256-GCM with a key ring. `TOKEN_ENCRYPTION_KEYS`
 * lists base64 keys newest first (comma-separated); the newest encrypts, all decrypt, so keys can be rotated and
 * old ciphertexts re-encrypted later (`npm run keys:rotate`). Ciphertext format: `v1.<keyId>.<iv>.<tag>.<data>`.
 */
export interface KeyRing {
  current: { id: string; key: Buffer };
  all: Map<string, Buffer>;
}

function decodeKey(encoded: string): Buffer {
  const key = Buffer.from(encoded.trim(), "base64");
  if (key.length !== 32) throw new Error("Each token encryption key must be 32 bytes, base64-encoded (openssl rand -base64 32).");
  return key;
}

export function keyId(key: Buffer): string {
  return crypto.createHash("sha256").update(key).digest("hex").slice(0, 8);
}

export function buildKeyRing(encodedKeys: string[]): KeyRing {
  if (encodedKeys.length === 0) throw new Error("No token encryption key is configured.");
  const keys = encodedKeys.map(decodeKey);
  const all = new Map(keys.map((key) => [keyId(key), key]));
  return { current: { id: keyId(keys[0]), key: keys[0] }, all };
}

let cachedRing: { source: string; ring: KeyRing } | undefined;

/** The key ring of this process, from TOKEN_ENCRYPTION_KEYS, TOKEN_ENCRYPTION_KEY or the embedded data dir. */
export function keyRing(): KeyRing {
  const config = env();
  const source =
    process.env.TOKEN_ENCRYPTION_KEYS ??
    process.env.TOKEN_ENCRYPTION_KEY ??
    config.TOKEN_ENCRYPTION_KEYS ??
    config.TOKEN_ENCRYPTION_KEY ??
    loadOrCreateLocalSecrets(config.DATA_DIR).tokenEncryptionKey;
  if (!cachedRing || cachedRing.source !== source) {
    cachedRing = { source, ring: buildKeyRing(source.split(",").filter(Boolean)) };
  }
  return cachedRing.ring;
}

export function encryptSecret(plaintext: string, ring: KeyRing = keyRing()): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", ring.current.key, iv);
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  const tag = cipher.getAuthTag();
  return ["v1", ring.current.id, iv.toString("base64url"), tag.toString("base64url"), data.toString("base64url")].join(".");
}

export function decryptSecret(ciphertext: string, ring: KeyRing = keyRing()): string {
  const [version, id, iv, tag, data] = ciphertext.split(".");
  if (version !== "v1" || !id || !iv || !tag || data === undefined) throw new Error("Unrecognised encrypted value.");
  const key = ring.all.get(id);
  if (!key) throw new Error(`No key ${id} in the token key ring: was a key removed before re-encrypting?`);
  const decipher = crypto.createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
}

/** Whether a ciphertext was made with an older key than the current one (and should be re-encrypted). */
export function needsReencryption(ciphertext: string, ring: KeyRing = keyRing()): boolean {
  return ciphertext.split(".")[1] !== ring.current.id;
}
