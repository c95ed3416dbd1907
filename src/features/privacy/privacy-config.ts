import crypto from "node:crypto";
import { env } from "@/lib/env";
import { loadOrCreateLocalSecrets } from "@/lib/secrets";

/** Settings and small helpers shared by export, erasure and retention. */

export { ADMIN_ERASE_PHRASE, SELF_ERASE_PHRASE } from "./erase-phrases";

/**
 * Months after a session's start at which its invitees' personal data is purged (`RETENTION_MONTHS`, default 24; a
 * whole number from 1 to 240, validated in src/lib/env.ts).
 */
export function retentionMonths(): number {
  return env().RETENTION_MONTHS;
}

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

function hashKey(): string {
  const config = env();
  return config.BETTER_AUTH_SECRET ?? loadOrCreateLocalSecrets(config.DATA_DIR).authSecret;
}

/**
 * Keyed hash of an erased email: recognises the person's old invitee rows if a late webhook or a reconciliation
 * brings them back, without Sessionly keeping the email itself.
 */
export function erasedEmailHash(email: string): string {
  return crypto.createHmac("sha256", hashKey()).update(`erased-email:${normalizeEmail(email)}`).digest("hex");
}

/** The placeholders that replace personal data (columns that cannot be null get these). */
export const REMOVED_NAME = "[removed]";
export const REMOVED_EMAIL = "";
