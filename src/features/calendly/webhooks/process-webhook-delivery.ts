import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { calendlyConnections, webhookDeliveries } from "@/lib/db/schema";
import { getBoss } from "@/lib/jobs/boss";
import { logger } from "@/lib/logger";
import { recordAudit } from "@/features/audit/record-audit";
import { uuidFromUri } from "../calendly-config";
import { webhookEnvelopeSchema } from "../client/schemas";
import { onInviteeSynced } from "../sync/sync-hooks";
import { applyNoShow, upsertInvitee, upsertScheduledEvent } from "../sync/upsert-records";

/**
 * Applies one stored delivery to the copy, idempotently: event and invitee upserts guarded by Calendly's
 * `updated_at`, no-show changes guarded by the delivery's time. Safe to run twice and in any order.
 */
const AUDIT_ACTIONS: Record<string, string> = {
  "invitee.created": "session.booked",
  "invitee.canceled": "session.canceled_in_calendly",
  "invitee_no_show.created": "invitee.no_show_marked",
  "invitee_no_show.deleted": "invitee.no_show_unmarked",
};

export async function processWebhookDelivery(deliveryId: string): Promise<"processed" | "ignored" | "missing"> {
  const db = getDb();
  // Sync hooks enqueue jobs inside the transaction below; the queue must be started first.
  await getBoss();
  const [delivery] = await db.select().from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId));
  if (!delivery) return "missing";
  if (delivery.status === "processed" || delivery.status === "ignored") return delivery.status;

  const envelope = webhookEnvelopeSchema.parse(delivery.payload);
  const [connection] = delivery.connectionId
    ? await db.select().from(calendlyConnections).where(eq(calendlyConnections.id, delivery.connectionId))
    : [];
  if (!connection || connection.status === "disconnected") {
    await db.update(webhookDeliveries).set({ status: "ignored", processedAt: new Date(), error: "connection is gone" }).where(eq(webhookDeliveries.id, deliveryId));
    return "ignored";
  }

  const invitee = envelope.payload;
  const event = invitee.scheduled_event;
  await db.transaction(async (tx) => {
    await upsertScheduledEvent(tx, { connectionId: connection.id, coachUserId: connection.userId }, event);
    await upsertInvitee(tx, uuidFromUri(event.uri), invitee);
    if (envelope.event === "invitee_no_show.created" || envelope.event === "invitee_no_show.deleted") {
      const noShow = envelope.event === "invitee_no_show.created" ? (invitee.no_show ?? null) : null;
      await applyNoShow(tx, invitee.uri, noShow, new Date(envelope.created_at));
    }
    await onInviteeSynced(tx, { inviteeUri: invitee.uri, eventUuid: uuidFromUri(event.uri), coachUserId: connection.userId, source: "webhook" });
    await tx
      .update(webhookDeliveries)
      .set({ status: "processed", processedAt: new Date(), attempts: delivery.attempts + 1, error: null })
      .where(eq(webhookDeliveries.id, deliveryId));
    await recordAudit(
      {
        actorType: "calendly_webhook",
        actorLabel: "Calendly",
        source: "webhook",
        action: AUDIT_ACTIONS[envelope.event] ?? envelope.event,
        targetType: "session",
        targetId: uuidFromUri(event.uri),
        reason: invitee.cancellation?.reason ?? null,
        metadata: { invitee: invitee.uri, rescheduled: invitee.rescheduled ?? false, deliveryId },
      },
      tx,
    );
  });
  logger.info({ deliveryId, event: envelope.event }, "webhook delivery processed");
  return "processed";
}

export async function recordDeliveryFailure(deliveryId: string, error: unknown) {
  const db = getDb();
  const [delivery] = await db.select({ attempts: webhookDeliveries.attempts }).from(webhookDeliveries).where(eq(webhookDeliveries.id, deliveryId));
  await db
    .update(webhookDeliveries)
    .set({ attempts: (delivery?.attempts ?? 0) + 1, error: (error as Error).message?.slice(0, 500) ?? "failed" })
    .where(eq(webhookDeliveries.id, deliveryId));
}
