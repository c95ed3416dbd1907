// Calendly webhook signature: `t=<unix seconds>,v1=<hex HMAC-SHA256(key, "t.rawBody")>` (REFERENCE §8.4).
import { createHmac } from "node:crypto";

export function signWebhookBody(signingKey: string, rawBody: string, unixSeconds: number): string {
  const v1 = createHmac("sha256", signingKey).update(`${unixSeconds}.${rawBody}`).digest("hex");
  return `t=${unixSeconds},v1=${v1}`;
}
