import crypto from "node:crypto";

/**
 * A short id (16 hex digits) that ties a response, its log lines and an error page together. From `randomUUID`, which
 * draws from a pooled entropy buffer: `randomBytes(8)` made a system call per request (bench/webhook-ingest profile).
 */
export function newRequestId(): string {
  const uuid = crypto.randomUUID();
  return uuid.slice(0, 8) + uuid.slice(9, 13) + uuid.slice(14, 18);
}

export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  if (forwarded) return forwarded.split(",")[0].trim();
  return headers.get("x-real-ip") ?? "127.0.0.1";
}
