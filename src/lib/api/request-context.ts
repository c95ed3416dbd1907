import crypto from "node:crypto";

/** A short id that ties a response, its log lines and an error page together. */
export function newRequestId(): string {
  return crypto.randomBytes(8).toString("hex");
}

export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for");
  if (forwarded) return forwarded.split(",")[0].trim();
  return headers.get("x-real-ip") ?? "127.0.0.1";
}
