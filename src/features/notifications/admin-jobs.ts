import { and, desc, eq } from "drizzle-orm";
import { recordAudit, userActor } from "@/features/audit/record-audit";
import { getDb } from "@/lib/db";
import { notificationMessages } from "@/lib/db/schema";
import type { CurrentUser } from "@/lib/auth/session";
import { AppError, notFound } from "@/lib/errors";
import { getBoss } from "@/lib/jobs/boss";
import { DEAD_LETTER_QUEUE, QUEUES } from "@/lib/jobs/queues";
import { enqueueSend } from "./queue-message";

/**
 * What failed for good: jobs pg-boss moved to the dead-letter queue after their last retry (any queue), and outbox
 * messages that failed permanently, each with its error and a retry.
 */
export interface DeadLetterJobDto {
  id: string;
  queue: string | null;
  data: unknown;
  retries: number | null;
  failedAt: string;
  createdAt: string | null;
  error: string | null;
}

export interface FailedMessageDto {
  id: string;
  kind: string;
  to: string;
  subject: string | null;
  attempts: number;
  lastError: string | null;
  failedAt: string | null;
}

export interface FailuresDto {
  deadLetters: DeadLetterJobDto[];
  failedMessages: FailedMessageDto[];
}

function errorOf(output: unknown): string | null {
  if (!output || typeof output !== "object") return null;
  const value = output as { message?: unknown; value?: { message?: unknown } };
  const message = value.message ?? value.value?.message;
  return typeof message === "string" ? message.slice(0, 500) : JSON.stringify(output).slice(0, 500);
}

export async function listFailures(): Promise<FailuresDto> {
  const boss = await getBoss();
  const jobs = await boss.findJobs<unknown>(DEAD_LETTER_QUEUE, { limit: 200 });
  const deadLetters = jobs
    .filter((job) => job.state === "created" || job.state === "retry")
    .reverse()
    .map((job) => ({
      id: job.id,
      queue: job.sourceName,
      data: redact(job.data),
      retries: job.sourceRetryCount,
      failedAt: job.createdOn.toISOString(),
      createdAt: job.sourceCreatedOn?.toISOString() ?? null,
      error: errorOf(job.output),
    }));
  const failed = await getDb().select().from(notificationMessages).where(eq(notificationMessages.status, "failed")).orderBy(desc(notificationMessages.failedAt)).limit(200);
  return {
    deadLetters,
    failedMessages: failed.map((row) => ({
      id: row.id,
      kind: row.kind,
      to: row.recipientEmail,
      subject: row.subject,
      attempts: row.attempts,
      lastError: row.lastError,
      failedAt: row.failedAt?.toISOString() ?? null,
    })),
  };
}

/** Job data may carry ids only; anything else is cut down so the page never shows secrets or personal data. */
function redact(data: unknown): unknown {
  if (!data || typeof data !== "object") return data;
  return Object.fromEntries(Object.entries(data as Record<string, unknown>).map(([key, value]) => [key, /id$|Id$|queue|trigger|dueAt/.test(key) ? value : "…"]));
}

export async function retryDeadLetterJob(actor: CurrentUser, jobId: string, request?: { ip?: string; userAgent?: string | null }) {
  const boss = await getBoss();
  const [job] = await boss.findJobs<object>(DEAD_LETTER_QUEUE, { id: jobId });
  if (!job || (job.state !== "created" && job.state !== "retry")) throw notFound("This failed job");
  const queue = job.sourceName;
  if (!queue || !(Object.values(QUEUES) as string[]).includes(queue)) throw new AppError("unprocessable", "This job's queue is unknown, so it cannot be retried.");
  const newId = await boss.send(queue, job.data ?? {});
  await boss.deleteJob(DEAD_LETTER_QUEUE, jobId);
  await recordAudit({ ...userActor(actor, request), action: "jobs.retried", targetType: "job", targetId: jobId, metadata: { queue, newJobId: newId } });
  return { retried: true, jobId: newId };
}

export async function retryFailedMessage(actor: CurrentUser, messageId: string, request?: { ip?: string; userAgent?: string | null }) {
  await getBoss();
  const retried = await getDb().transaction(async (tx) => {
    const rows = await tx
      .update(notificationMessages)
      .set({ status: "pending", attempts: 0, failedAt: null, claimToken: null, claimedAt: null })
      .where(and(eq(notificationMessages.id, messageId), eq(notificationMessages.status, "failed")))
      .returning({ id: notificationMessages.id });
    if (!rows.length) return false;
    await enqueueSend(tx, messageId);
    await recordAudit({ ...userActor(actor, request), action: "notifications.message_retried", targetType: "notification_message", targetId: messageId }, tx);
    return true;
  });
  if (!retried) throw notFound("This failed message");
  return { retried: true };
}
