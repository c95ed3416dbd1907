import type { CurrentUser } from "@/lib/auth/session";
import type { Scope } from "@/lib/auth/permissions";
import { AppError, forbidden } from "@/lib/errors";
import { enqueue } from "@/lib/jobs/boss";
import { QUEUES } from "@/lib/jobs/queues";
import { recordAudit, userActor } from "@/features/audit/record-audit";
import { findConnectionByUserId } from "../connection/connection-repository";

/** Queues a manual reconciliation ("sync now") for a coach; coaches may only sync themselves. */
export async function requestSync(user: CurrentUser, scope: Scope, coachUserId?: string) {
  const target = coachUserId ?? user.id;
  if (target !== user.id && scope !== "any") throw forbidden("You can only sync your own Calendly account.");
  const connection = await findConnectionByUserId(target);
  if (!connection || connection.status === "disconnected") throw new AppError("conflict", "Connect Calendly before syncing.");
  if (connection.status === "needs_reauth") throw new AppError("conflict", "Reconnect Calendly first: the connection needs re-authorization.");
  const jobId = await enqueue(QUEUES.reconcile, { connectionId: connection.id, trigger: "manual" }, { singletonKey: `reconcile:${connection.id}` });
  await recordAudit({ ...userActor(user), action: "calendly.sync_requested", targetType: "calendly_connection", targetId: connection.id });
  return { queued: jobId !== null, jobId };
}
