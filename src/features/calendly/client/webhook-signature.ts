// Calendly webhook signatures (REFERENCE §8.4): header `Calendly-Webhook-Signature: t=<unix seconds>,v1=<hex>`, where
// v1 = HMAC-SHA256(signing key, "<t>.<raw body>"). Verify against the raw bytes before parsing any JSON.
import { createHmac, timingSafeEqual } from "node:crypto";

export const WEBHOOK_SIGNATURE_HEADER = "Calendly-Webhook-Signature";
export const DEFAULT_WEBHOOK_TOLERANCE_SECONDS = 180;

function hmacHex(signingKey: string, timestamp: string, rawBody: string | Buffer): string {
  return createHmac("sha256", signingKey).update(`${timestamp}.`).update(rawBody).digest("hex");
}

/** The header value Calendly would send for this body (used by tests and the emulator). */
export function signWebhookPayload(signingKey: string, rawBody: string | Buffer, timestampSeconds: number): string {
  const timestamp = String(Math.floor(timestampSeconds));
  return `t=${timestamp},v1=${hmacHex(signingKey, timestamp, rawBody)}`;
}

export type WebhookSignatureVerdict =
  | { ok: true; timestamp: number }
  | { ok: false; reason: "missing" | "malformed" | "mismatch" | "stale" };

export interface VerifyWebhookSignatureInput {
  header: string | null | undefined;
  rawBody: string | Buffer;
  signingKey: string;
  /** Default 180 s, as in Calendly's examples; applies to timestamps in the past and the future. */
  toleranceSeconds?: number;
  /** A Date or epoch milliseconds; defaults to the current time. */
  now?: Date | number;
}

function parseHeader(header: string): { timestamp: string; signatures: string[] } | null {
  let timestamp: string | null = null;
  const signatures: string[] = [];
  for (const part of header.split(",")) {
    const separator = part.indexOf("=");
    if (separator < 0) return null;
    const key = part.slice(0, separator).trim();
    const value = part.slice(separator + 1).trim();
    if (key === "t") {
      if (timestamp !== null || !/^\d{1,12}$/.test(value)) return null;
      timestamp = value;
    } else if (key === "v1") {
      // Several v1 values may be sent while a key rotates; each must be a SHA-256 hex digest.
      if (!/^[0-9a-f]{64}$/i.test(value)) return null;
      signatures.push(value.toLowerCase());
    }
  }
  return timestamp !== null && signatures.length > 0 ? { timestamp, signatures } : null;
}

/**
 * Checks the signature first and the age second, so "stale" is only reported for an authentic delivery (a replay)
 * and a forgery is always a "mismatch".
 */
export function verifyWebhookSignature(input: VerifyWebhookSignatureInput): WebhookSignatureVerdict {
  if (!input.header || input.header.trim() === "") return { ok: false, reason: "missing" };
  const parsed = parseHeader(input.header);
  if (!parsed) return { ok: false, reason: "malformed" };

  const expected = Buffer.from(hmacHex(input.signingKey, parsed.timestamp, input.rawBody), "hex");
  const matches = parsed.signatures.some((signature) => timingSafeEqual(expected, Buffer.from(signature, "hex")));
  if (!matches) return { ok: false, reason: "mismatch" };

  const timestamp = Number(parsed.timestamp);
  const nowMs = input.now === undefined ? Date.now() : typeof input.now === "number" ? input.now : input.now.getTime();
  const tolerance = input.toleranceSeconds ?? DEFAULT_WEBHOOK_TOLERANCE_SECONDS;
  if (Math.abs(nowMs / 1000 - timestamp) > tolerance) return { ok: false, reason: "stale" };
  return { ok: true, timestamp };
}
