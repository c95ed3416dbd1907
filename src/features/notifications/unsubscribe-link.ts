import crypto from "node:crypto";
import { z } from "zod";
import { env } from "@/lib/env";
import { loadOrCreateLocalSecrets } from "@/lib/secrets";

/**
 * Signed unsubscribe links: `base64url(payload).base64url(HMAC-SHA256)`. The payload names the recipient (a user id,
 * or an address for invitees without an account), the kind of message (or "all") and the user's link version, so
 * bumping the version in preferences revokes every link sent so far.
 */
const payloadSchema = z.object({
  subject: z.union([z.object({ userId: z.string().min(1) }), z.object({ email: z.string().min(3) })]),
  kind: z.string().min(1),
  version: z.number().int().min(0),
});

export type UnsubscribePayload = z.infer<typeof payloadSchema>;

function signingSecret(): string {
  return process.env.LINK_SIGNING_SECRET || loadOrCreateLocalSecrets(env().DATA_DIR).linkSigningSecret;
}

function mac(encodedPayload: string): Buffer {
  return crypto.createHmac("sha256", signingSecret()).update(`unsubscribe:${encodedPayload}`).digest();
}

export function signUnsubscribeToken(payload: UnsubscribePayload): string {
  const encoded = Buffer.from(JSON.stringify(payload)).toString("base64url");
  return `${encoded}.${mac(encoded).toString("base64url")}`;
}

/** The payload of a genuine token, or null for anything tampered with or malformed. */
export function verifyUnsubscribeToken(token: string): UnsubscribePayload | null {
  const [encoded, signature, ...rest] = token.split(".");
  if (!encoded || !signature || rest.length) return null;
  const expected = mac(encoded);
  const given = Buffer.from(signature, "base64url");
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(encoded, "base64url").toString("utf8")));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** The page a person opens from the email, and the one-click endpoint mail clients call. */
export function unsubscribeUrls(payload: UnsubscribePayload): { page: string; oneClick: string } {
  const token = encodeURIComponent(signUnsubscribeToken(payload));
  return { page: `${env().APP_URL}/unsubscribe?token=${token}`, oneClick: `${env().APP_URL}/api/unsubscribe?token=${token}` };
}
