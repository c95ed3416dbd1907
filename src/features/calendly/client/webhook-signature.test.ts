// Calendly-Webhook-Signature: sign/verify round trip and every way a delivery is refused.
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { signWebhookPayload, verifyWebhookSignature } from "./webhook-signature";

const KEY = "sessionly-dev-webhook-signing-key";
const BODY = JSON.stringify({ event: "invitee.created", payload: { email: "realtor@example.com", name: "Zoë" } });
const T = 1_782_340_245; // seconds
const NOW = new Date(T * 1000);

describe("webhook signatures", () => {
  it("round-trips and matches Calendly's documented construction", () => {
    const header = signWebhookPayload(KEY, BODY, T);
    const expected = createHmac("sha256", KEY).update(`${T}.${BODY}`).digest("hex");
    expect(header).toBe(`t=${T},v1=${expected}`);
    expect(verifyWebhookSignature({ header, rawBody: BODY, signingKey: KEY, now: NOW })).toEqual({ ok: true, timestamp: T });
    expect(verifyWebhookSignature({ header, rawBody: Buffer.from(BODY), signingKey: KEY, now: NOW.getTime() }).ok).toBe(true);
  });

  it("refuses a tampered body and a wrong key as a mismatch", () => {
    const header = signWebhookPayload(KEY, BODY, T);
    expect(verifyWebhookSignature({ header, rawBody: BODY.replace("Zoë", "Zoe"), signingKey: KEY, now: NOW })).toEqual({ ok: false, reason: "mismatch" });
    expect(verifyWebhookSignature({ header, rawBody: BODY, signingKey: "another-key", now: NOW })).toEqual({ ok: false, reason: "mismatch" });
    // Re-serialized JSON is not the raw body.
    const reserialized = JSON.stringify(JSON.parse(BODY), null, 2);
    expect(verifyWebhookSignature({ header, rawBody: reserialized, signingKey: KEY, now: NOW }).ok).toBe(false);
  });

  it("refuses an authentic but stale or future-dated delivery as stale, with a 180 s default tolerance", () => {
    const header = signWebhookPayload(KEY, BODY, T);
    const at = (seconds: number) => new Date((T + seconds) * 1000);
    expect(verifyWebhookSignature({ header, rawBody: BODY, signingKey: KEY, now: at(180) }).ok).toBe(true);
    expect(verifyWebhookSignature({ header, rawBody: BODY, signingKey: KEY, now: at(181) })).toEqual({ ok: false, reason: "stale" });
    expect(verifyWebhookSignature({ header, rawBody: BODY, signingKey: KEY, now: at(-181) })).toEqual({ ok: false, reason: "stale" });
    expect(verifyWebhookSignature({ header, rawBody: BODY, signingKey: KEY, now: at(500), toleranceSeconds: 600 }).ok).toBe(true);
  });

  it("a forged signature with an old timestamp is a mismatch, not stale", () => {
    const forged = `t=${T - 10_000},v1=${"a".repeat(64)}`;
    expect(verifyWebhookSignature({ header: forged, rawBody: BODY, signingKey: KEY, now: NOW })).toEqual({ ok: false, reason: "mismatch" });
  });

  it("reports a missing header", () => {
    for (const header of [null, undefined, "", "  "]) {
      expect(verifyWebhookSignature({ header, rawBody: BODY, signingKey: KEY, now: NOW })).toEqual({ ok: false, reason: "missing" });
    }
  });

  it.each([
    "garbage",
    `v1=${"a".repeat(64)}`,
    `t=${T}`,
    `t=abc,v1=${"a".repeat(64)}`,
    `t=${T},v1=nothex`,
    `t=${T},v1=${"a".repeat(63)}`,
    `t=${T},t=${T + 1},v1=${"a".repeat(64)}`,
  ])("reports a malformed header: %s", (header) => {
    expect(verifyWebhookSignature({ header, rawBody: BODY, signingKey: KEY, now: NOW })).toEqual({ ok: false, reason: "malformed" });
  });

  it("accepts any of several v1 values (key rotation) and ignores unknown schemes", () => {
    const valid = signWebhookPayload(KEY, BODY, T).split(",")[1];
    const header = `t=${T}, v0=legacy, v1=${"b".repeat(64)}, ${valid}`;
    expect(verifyWebhookSignature({ header, rawBody: BODY, signingKey: KEY, now: NOW }).ok).toBe(true);
  });
});
