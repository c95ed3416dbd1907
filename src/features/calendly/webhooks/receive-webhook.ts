import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { calendlyConnections } from "@/lib/db/schema";
import { decryptSecret } from "@/lib/crypto/token-cipher";
import { AppError } from "@/lib/errors";
import { getBoss } from "@/lib/jobs/boss";
import { calendlyConfig } from "../calendly-config";
import { webhookEnvelopeSchema } from "../client/schemas";
import { verifyWebhookSignature } from "../client/webhook-signature";
import { enqueueDeliveryProcessing } from "./enqueue-deliveries";
import { groupInsertDelivery } from "./store-deliveries";

/**
 * The receiving end of Calendly's webhooks: verify the signature over the raw body (401 for a bad or missing one,
 * 400 for a stale one; nothing is stored), store the delivery durably with a dedupe key (autocommitted), enqueue its
 * processing (batched; a sweeper enqueues whatever a crash left behind), and answer fast. A duplicate delivery
 * changes nothing and is not processed again.
 */
export const MAX_WEBHOOK_BODY_BYTES = 1_000_000;

const connectionIdSchema = z.uuid();
/** `last_webhook_at` is refreshed at most this often (it is shown as connection health, not used for ordering). */
const LAST_WEBHOOK_MARK_MS = 5_000;
const lastWebhookMarks = new Map<string, number>();

export interface ReceivedWebhook {
  rawBody: string;
  signatureHeader: string | null;
  connectionId: string | null;
  now?: Date;
}

export function dedupeKeyFor(envelope: { event: string; created_at: string; payload: { uri: string } }): string {
  return crypto.createHash("sha256").update(`${envelope.event}|${envelope.payload.uri}|${envelope.created_at}`).digest("hex");
}

/**
 * Signing keys per connection, cached briefly: reading and decrypting the key was a round trip per delivery. A key
 * that fails to verify is re-read once (it may have just been rotated), and a disconnect forgets it at once here;
 * other instances see a change within `SIGNING_KEY_TTL_MS`.
 */
const SIGNING_KEY_TTL_MS = 30_000;
const signingKeys = new Map<string, { key: string | null; expiresAt: number }>();

export function forgetWebhookSigningKey(connectionId?: string) {
  if (connectionId) signingKeys.delete(connectionId);
  else signingKeys.clear();
}

async function readSigningKey(connectionId: string): Promise<string | null> {
  const [connection] = await getDb()
    .select({ authKind: calendlyConnections.authKind, keyEncrypted: calendlyConnections.webhookSigningKeyEncrypted })
    .from(calendlyConnections)
    .where(eq(calendlyConnections.id, connectionId));
  const key = !connection ? null : connection.keyEncrypted ? decryptSecret(connection.keyEncrypted) : connection.authKind === "oauth" ? calendlyConfig().appWebhookSigningKey : null;
  // Unknown connections are not cached: a flood of made-up ids must not fill the map.
  if (key) signingKeys.set(connectionId, { key, expiresAt: Date.now() + SIGNING_KEY_TTL_MS });
  else signingKeys.delete(connectionId);
  return key;
}

async function signingKeyFor(connectionId: string | null): Promise<{ key: string | null; cached: boolean }> {
  if (!connectionId || !connectionIdSchema.safeParse(connectionId).success) return { key: null, cached: false };
  const entry = signingKeys.get(connectionId);
  if (entry && entry.expiresAt > Date.now()) return { key: entry.key, cached: true };
  return { key: await readSigningKey(connectionId), cached: false };
}

export async function receiveCalendlyWebhook(input: ReceivedWebhook): Promise<{ stored: boolean; deliveryId: string | null }> {
  if (Buffer.byteLength(input.rawBody) > MAX_WEBHOOK_BODY_BYTES) {
    throw new AppError("payload_too_large", "Webhook body is larger than 1 MB.");
  }
  const found = await signingKeyFor(input.connectionId);
  if (!found.key) throw new AppError("unauthenticated", "Unknown webhook subscription.");
  const verify = (signingKey: string) =>
    verifyWebhookSignature({
      header: input.signatureHeader,
      rawBody: input.rawBody,
      signingKey,
      toleranceSeconds: calendlyConfig().webhookToleranceSeconds,
      now: input.now,
    });
  let verdict = verify(found.key);
  if (!verdict.ok && verdict.reason !== "stale" && found.cached) {
    // The cached key may be out of date (re-connected, rotated): check against the stored one before refusing.
    const current = await readSigningKey(input.connectionId!);
    if (!current) throw new AppError("unauthenticated", "Unknown webhook subscription.");
    if (current !== found.key) verdict = verify(current);
  }
  if (!verdict.ok) {
    if (verdict.reason === "stale") throw new AppError("bad_request", "Webhook signature timestamp is outside the tolerance.");
    throw new AppError("unauthenticated", "Invalid webhook signature.");
  }

  let json: unknown;
  try {
    json = JSON.parse(input.rawBody);
  } catch {
    throw new AppError("bad_request", "Webhook body is not valid JSON.");
  }
  const parsed = webhookEnvelopeSchema.safeParse(json);
  if (!parsed.success) throw new AppError("bad_request", "Webhook body is not a Calendly invitee event.");
  const envelope = parsed.data;
  const connectionId = input.connectionId!;

  // Start the queue before the insert (the first use creates the queues).
  await getBoss();
  const result = await storeDelivery(envelope, input.rawBody, connectionId);
  // The "last webhook" health mark, outside the transaction and at most every few seconds per connection: updating
  // the coach's one connection row inside every delivery's transaction serialized all of that coach's deliveries on
  // its row lock (bench/webhook-ingest), and an unconditional update costs a round trip per delivery.
  const receivedAt = Date.now();
  if (receivedAt - (lastWebhookMarks.get(connectionId) ?? 0) >= LAST_WEBHOOK_MARK_MS) {
    lastWebhookMarks.set(connectionId, receivedAt);
    await getDb()
      .update(calendlyConnections)
      .set({ lastWebhookAt: new Date(receivedAt) })
      .where(eq(calendlyConnections.id, connectionId));
  }
  return result;
}

async function storeDelivery(envelope: z.infer<typeof webhookEnvelopeSchema>, rawBody: string, connectionId: string): Promise<{ stored: boolean; deliveryId: string | null }> {
  try {
    return await insertDelivery(envelope, rawBody, connectionId);
  } catch (error) {
    // The connection was deleted after its key was cached: the same answer as for any unknown subscription.
    if (isForeignKeyViolation(error)) {
      forgetWebhookSigningKey(connectionId);
      throw new AppError("unauthenticated", "Unknown webhook subscription.");
    }
    throw error;
  }
}

function isForeignKeyViolation(error: unknown): boolean {
  for (let current: unknown = error; current && typeof current === "object"; current = (current as { cause?: unknown }).cause) {
    if ((current as { code?: unknown }).code === "23503") return true;
  }
  return false;
}

/**
 * The delivery alone, autocommitted (with the other deliveries arriving meanwhile: store-deliveries.ts): durable when
 * it returns, and all the 2xx waits for. Its processing job is enqueued right after, in the background, batched with
 * the other deliveries stored meanwhile (see enqueue-deliveries.ts); a crash or a database error in between is
 * covered by the sweeper. The job insert used to share the delivery's transaction (`BEGIN`, insert, pg-boss insert,
 * `COMMIT`: four round trips per delivery), which capped the route at a fraction of a bare insert's throughput.
 */
async function insertDelivery(envelope: z.infer<typeof webhookEnvelopeSchema>, rawBody: string, connectionId: string) {
  // The verified raw body is the jsonb: re-serializing the parsed body cost CPU on the route's hottest path.
  const { deliveryId } = await groupInsertDelivery({ dedupeKey: dedupeKeyFor(envelope), event: envelope.event, connectionId, rawBody });
  if (!deliveryId) return { stored: false, deliveryId: null };
  enqueueDeliveryProcessing(deliveryId);
  return { stored: true, deliveryId };
}
