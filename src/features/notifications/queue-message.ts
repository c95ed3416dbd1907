import { sql } from "drizzle-orm";
import { fromDrizzle } from "pg-boss";
import type { SyncExecutor } from "@/features/calendly/sync/sync-hooks";
import { notificationMessages, type NotificationKind, type NotificationStatus } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { getBoss } from "@/lib/jobs/boss";
import { QUEUES } from "@/lib/jobs/queues";
import type { Role } from "@/lib/auth/permissions";
import { getNotificationPreferences, isSuppressedAddress, wantsEmail } from "./notification-preferences";

/**
 * Writes one message to the outbox inside the caller's transaction and enqueues its send job in the same
 * transaction: the message exists if and only if the change committed. The idempotency key makes a second call for
 * the same message a no-op. A message the recipient turned off is kept as `suppressed` (visible, never sent).
 */
export interface Recipient {
  userId: string | null;
  email: string;
  name: string | null;
  role: Role;
  timeZone: string;
}

export interface QueueMessageInput {
  idempotencyKey: string;
  kind: NotificationKind;
  recipient: Recipient;
  eventUuid?: string | null;
  inviteeUri?: string | null;
  payload: object;
}

export interface QueuedMessage {
  id: string;
  created: boolean;
  status: NotificationStatus;
}

export async function queueMessage(tx: SyncExecutor, input: QueueMessageInput): Promise<QueuedMessage> {
  const suppressedReason = await suppressionReason(tx, input);
  const [inserted] = await tx
    .insert(notificationMessages)
    .values({
      idempotencyKey: input.idempotencyKey,
      kind: input.kind,
      status: suppressedReason ? "suppressed" : "pending",
      suppressedReason,
      recipientUserId: input.recipient.userId,
      recipientEmail: input.recipient.email,
      recipientName: input.recipient.name,
      recipientRole: input.recipient.role,
      timeZone: input.recipient.timeZone,
      eventUuid: input.eventUuid ?? null,
      inviteeUri: input.inviteeUri ?? null,
      payload: input.payload as Record<string, unknown>,
    })
    .onConflictDoNothing({ target: notificationMessages.idempotencyKey })
    .returning({ id: notificationMessages.id, status: notificationMessages.status });
  if (!inserted) {
    const [existing] = await tx
      .select({ id: notificationMessages.id, status: notificationMessages.status })
      .from(notificationMessages)
      .where(sql`${notificationMessages.idempotencyKey} = ${input.idempotencyKey}`);
    return { ...existing, created: false };
  }
  if (inserted.status === "pending") await enqueueSend(tx, inserted.id);
  return { ...inserted, created: true };
}

/** Enqueues the send job (in the transaction when one is given). */
export async function enqueueSend(tx: Pick<SyncExecutor, "execute"> | null, messageId: string) {
  const boss = await getBoss();
  const retryDelay = env().NOTIFICATION_RETRY_DELAY_SECONDS;
  await boss.send(QUEUES.notificationSend, { messageId }, { ...(tx ? { db: fromDrizzle(tx, sql) } : {}), ...(retryDelay ? { retryDelay } : {}) });
}

async function suppressionReason(tx: SyncExecutor, input: QueueMessageInput): Promise<string | null> {
  if (input.recipient.userId) {
    const preferences = await getNotificationPreferences(tx, input.recipient.userId, input.recipient.role);
    return wantsEmail(preferences, input.kind) ? null : "Turned off in the recipient's email preferences.";
  }
  return (await isSuppressedAddress(tx, input.recipient.email)) ? "The recipient unsubscribed." : null;
}
