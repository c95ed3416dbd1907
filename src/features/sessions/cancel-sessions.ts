import { randomUUID } from "node:crypto";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { cancelSession } from "./cancel-session";
import type { SessionViewer } from "./session-access";

/**
 * Batch cancel: one reason, one operation id for the audit log, and a result per session. Sessions are canceled one
 * after another (Calendly's rate limit is per user); a failure is reported for its session and never hides the others.
 */
export type BatchCancelItem =
  | { uuid: string; outcome: "done" }
  | { uuid: string; outcome: "failed"; code: string; message: string };

export interface BatchCancelResult {
  operationId: string;
  done: number;
  failed: number;
  results: BatchCancelItem[];
}

export async function cancelSessions(
  viewer: SessionViewer,
  input: { uuids: string[]; reason: string; request?: { ip?: string; userAgent?: string | null } },
  options: { now?: Date } = {},
): Promise<BatchCancelResult> {
  const operationId = randomUUID();
  const results: BatchCancelItem[] = [];
  for (const uuid of [...new Set(input.uuids)]) {
    try {
      await cancelSession(viewer, uuid, { reason: input.reason, operationId, request: input.request }, options);
      results.push({ uuid, outcome: "done" });
    } catch (error) {
      const known = error instanceof AppError;
      if (!known) logger.error({ err: error, eventUuid: uuid, operationId }, "batch cancel failed for a session");
      results.push({
        uuid,
        outcome: "failed",
        code: known ? error.code : "internal",
        message: known ? error.message : "Something went wrong on our side while canceling this session.",
      });
    }
  }
  return {
    operationId,
    done: results.filter((result) => result.outcome === "done").length,
    failed: results.filter((result) => result.outcome === "failed").length,
    results,
  };
}
