import crypto from "node:crypto";
import { and, eq, lt, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { notificationMessages, user } from "@/lib/db/schema";
import { isRole } from "@/lib/auth/permissions";
import { QUEUE_POLICIES, QUEUES } from "@/lib/jobs/queues";
import { logger } from "@/lib/logger";
import { deliverMail, isPermanentDeliveryError } from "./mail-transport";
import { getNotificationPreferences } from "./notification-preferences";
import { renderMessage } from "./render-message";
import { unsubscribeUrls } from "./unsubscribe-link";

/**
 * Sends one outbox message, at most once. The job claims the row (`pending` → `sending`) before talking to the
 * mail server and records the outcome after; a retried job finds the row `sent` and does nothing. A failure worth
 * retrying puts the row back to `pending` and throws so pg-boss retries with back-off; a permanent failure (or the
 * last attempt) marks it `failed` with the error for the admin jobs page. A claim left behind by a worker that died
 * mid-send is never resent automatically (the mail may have gone out): it is marked failed for an admin to decide.
 */
export const MAX_SEND_ATTEMPTS = QUEUE_POLICIES[QUEUES.notificationSend].retryLimit + 1;
export const STALE_CLAIM_MS = 5 * 60 * 1000;

export type SendOutcome = "sent" | "failed" | "suppressed" | "missing" | "already_sent" | "retrying";

export async function sendOutboxMessage(messageId: string): Promise<SendOutcome> {
  const db = getDb();
  const claimToken = crypto.randomUUID();
  const [claimed] = await db
    .update(notificationMessages)
    .set({ status: "sending", claimToken, claimedAt: new Date(), attempts: sql`${notificationMessages.attempts} + 1` })
    .where(and(eq(notificationMessages.id, messageId), eq(notificationMessages.status, "pending")))
    .returning();
  if (!claimed) return settleUnclaimable(messageId);

  try {
    const urls = await unsubscribeLinksFor(claimed);
    let rendered = claimed.subject && claimed.html && claimed.text ? { subject: claimed.subject, html: claimed.html, text: claimed.text, ics: claimed.ics } : null;
    if (!rendered) {
      rendered = await renderMessage(claimed, { unsubscribeUrl: urls.page });
      await db.update(notificationMessages).set(rendered).where(and(eq(notificationMessages.id, messageId), eq(notificationMessages.claimToken, claimToken)));
    }
    const result = await deliverMail({
      to: { name: claimed.recipientName, email: claimed.recipientEmail },
      subject: rendered.subject,
      html: rendered.html,
      text: rendered.text,
      ics: rendered.ics,
      icsMethod: rendered.ics ? (/^METHOD:CANCEL/m.test(rendered.ics) ? "CANCEL" : "REQUEST") : null,
      messageId: `<${claimed.id}@sessionly>`,
      oneClickUnsubscribeUrl: urls.oneClick,
    });
    await db
      .update(notificationMessages)
      .set({ status: "sent", sentAt: new Date(), transport: result.transport, providerMessageId: result.providerMessageId, lastError: null })
      .where(and(eq(notificationMessages.id, messageId), eq(notificationMessages.claimToken, claimToken)));
    logger.info({ messageId, kind: claimed.kind, transport: result.transport }, "notification sent");
    return "sent";
  } catch (error) {
    const message = describeError(error);
    const permanent = isPermanentDeliveryError(error) || claimed.attempts >= MAX_SEND_ATTEMPTS;
    await db
      .update(notificationMessages)
      .set(permanent ? { status: "failed", failedAt: new Date(), lastError: message } : { status: "pending", lastError: message })
      .where(and(eq(notificationMessages.id, messageId), eq(notificationMessages.claimToken, claimToken)));
    logger.warn({ messageId, attempt: claimed.attempts, permanent }, "notification send failed");
    if (permanent) return "failed";
    throw error;
  }
}

async function settleUnclaimable(messageId: string): Promise<SendOutcome> {
  const [row] = await getDb().select().from(notificationMessages).where(eq(notificationMessages.id, messageId));
  if (!row) return "missing";
  if (row.status === "sent") return "already_sent";
  if (row.status === "suppressed") return "suppressed";
  if (row.status === "failed") return "failed";
  if (row.status === "sending" && row.claimedAt && Date.now() - row.claimedAt.getTime() > STALE_CLAIM_MS) {
    await failStaleClaims();
    return "failed";
  }
  // Another worker holds the claim right now: look again later.
  throw new Error("This message is being sent by another worker.");
}

/** Claims older than STALE_CLAIM_MS: the worker died mid-send, so whether the mail left is unknown. */
export async function failStaleClaims(): Promise<number> {
  const rows = await getDb()
    .update(notificationMessages)
    .set({
      status: "failed",
      failedAt: new Date(),
      lastError: "The worker stopped while sending this message, so it may or may not have been delivered. It was not resent automatically to avoid a duplicate; retry it if it did not arrive.",
    })
    .where(and(eq(notificationMessages.status, "sending"), lt(notificationMessages.claimedAt, new Date(Date.now() - STALE_CLAIM_MS))))
    .returning({ id: notificationMessages.id });
  return rows.length;
}

async function unsubscribeLinksFor(row: typeof notificationMessages.$inferSelect) {
  if (!row.recipientUserId) return unsubscribeUrls({ subject: { email: row.recipientEmail.toLowerCase() }, kind: row.kind, version: 0 });
  const [account] = await getDb().select({ role: user.role }).from(user).where(eq(user.id, row.recipientUserId));
  const role = account && isRole(account.role) ? account.role : row.recipientRole;
  const preferences = await getNotificationPreferences(getDb(), row.recipientUserId, role);
  return unsubscribeUrls({ subject: { userId: row.recipientUserId }, kind: row.kind, version: preferences.linkVersion });
}

function describeError(error: unknown): string {
  const base = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string; responseCode?: number }).responseCode ?? (error as { code?: string }).code;
  return `${code ? `${code}: ` : ""}${base}`.slice(0, 500);
}
