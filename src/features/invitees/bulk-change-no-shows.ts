import { randomUUID } from "node:crypto";
import type { Scope } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { toAppError } from "@/features/calendly/client";
import { ALREADY_MARKED, markNoShow, NOT_MARKED, unmarkNoShowForInvitee, type NoShowChangeContext, type NoShowChangeResult } from "./change-no-show";

export interface BulkNoShowItemResult {
  invitee: string;
  action: "mark" | "unmark";
  outcome: "done" | "skipped" | "failed";
  message: string;
  code?: string;
  noShow?: NoShowChangeResult["noShow"];
}

export interface BulkNoShowResult {
  operationId: string;
  results: BulkNoShowItemResult[];
  summary: { done: number; skipped: number; failed: number };
}

/**
 * Marks and unmarks many invitees, one at a time (each goes to Calendly first), and reports every item: a failure
 * never hides the successes, and one operation id ties the audit entries together.
 */
export async function bulkChangeNoShows(
  user: CurrentUser,
  scope: Scope,
  request: { mark: string[]; unmark: string[] },
  context: Omit<NoShowChangeContext, "operationId"> = {},
): Promise<BulkNoShowResult> {
  const operationId = randomUUID();
  const items = [
    ...[...new Set(request.mark)].map((invitee) => ({ invitee, action: "mark" as const })),
    ...[...new Set(request.unmark)].map((invitee) => ({ invitee, action: "unmark" as const })),
  ];
  const results: BulkNoShowItemResult[] = [];
  for (const item of items) {
    try {
      const change =
        item.action === "mark"
          ? await markNoShow(user, scope, item.invitee, { ...context, operationId })
          : await unmarkNoShowForInvitee(user, scope, item.invitee, { ...context, operationId });
      results.push({ ...item, outcome: "done", message: item.action === "mark" ? "Marked as a no-show." : "No-show removed.", noShow: change.noShow });
    } catch (error) {
      const mapped = toAppError(error);
      if (!(mapped instanceof AppError)) {
        logger.error({ err: error, operationId, action: item.action }, "bulk no-show item failed");
        results.push({ ...item, outcome: "failed", message: "Something went wrong on our side; try this one again.", code: "internal" });
        continue;
      }
      const reason = mapped.details?.reason;
      results.push({
        ...item,
        outcome: reason === ALREADY_MARKED || reason === NOT_MARKED ? "skipped" : "failed",
        message: mapped.message,
        code: mapped.code,
      });
    }
  }
  const count = (outcome: BulkNoShowItemResult["outcome"]) => results.filter((result) => result.outcome === outcome).length;
  return { operationId, results, summary: { done: count("done"), skipped: count("skipped"), failed: count("failed") } };
}
