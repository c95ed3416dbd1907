import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildKeyRing, decryptSecret, encryptSecret, needsReencryption } from "./token-cipher";

const newKey = () => crypto.randomBytes(32).toString("base64");

describe("token cipher", () => {
  it("round-trips and never stores the plaintext", () => {
    const ring = buildKeyRing([newKey()]);
    const encrypted = encryptSecret("calendly-access-token-123", ring);
    expect(encrypted).not.toContain("calendly-access-token-123");
    expect(decryptSecret(encrypted, ring)).toBe("calendly-access-token-123");
    expect(encryptSecret("same", ring)).not.toBe(encryptSecret("same", ring));
  });

  it("detects tampering", () => {
    const ring = buildKeyRing([newKey()]);
    const parts = encryptSecret("secret", ring).split(".");
    parts[4] = Buffer.from("tampered").toString("base64url");
    expect(() => decryptSecret(parts.join("."), ring)).toThrow();
  });

  it("decrypts with old keys after rotation and flags values to re-encrypt", () => {
    const oldKey = newKey();
    const before = buildKeyRing([oldKey]);
    const encrypted = encryptSecret("token", before);
    const after = buildKeyRing([newKey(), oldKey]);
    expect(decryptSecret(encrypted, after)).toBe("token");
    expect(needsReencryption(encrypted, after)).toBe(true);
    expect(needsReencryption(encryptSecret("token", after), after)).toBe(false);
    expect(() => decryptSecret(encrypted, buildKeyRing([newKey()]))).toThrow(/No key/);
  });

  it("refuses keys of the wrong size", () => {
    expect(() => buildKeyRing([Buffer.alloc(16).toString("base64")])).toThrow(/32 bytes/);
  });
});
