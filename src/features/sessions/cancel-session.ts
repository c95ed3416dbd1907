import { randomUUID } from "node:crypto";
import { calendlyClientForConnection } from "@/features/calendly/calendly-api";
import { CalendlyApiError, toAppError } from "@/features/calendly/client";
import { findConnectionById } from "@/features/calendly/connection/connection-repository";
import { readySyncHooks } from "@/features/calendly/sync/sync-hooks";
import { recordAudit, userActor } from "@/features/audit/record-audit";
import { getDb } from "@/lib/db";
import { sessionRescheduleRequests } from "@/lib/db/schema";
import { env } from "@/lib/env";
import { AppError, conflict } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { getSessionOrThrow } from "./get-session-or-throw";
import { applyEventSnapshot, fetchEventSnapshot, type CalendlyEventSnapshot } from "./refresh-session-copy";
import type { SessionViewer } from "./session-access";
import type { SessionRow } from "./session-row";

/**
 * Cancels one session: ownership (someone else's answers 404), state (already canceled, rescheduled or started
 * answers 409), then Calendly first, then the copy (re-read from Calendly) with the audit entry in one transaction.
 * A coach's "request a reschedule" is a cancel whose reason carries a rebook link to the same coach and event type.
 */
export interface CancelSessionInput {
  reason: string;
  requestReschedule?: boolean;
  /** Ties the entries of a batch together in the audit log. */
  operationId?: string;
  request?: { ip?: string; userAgent?: string | null };
}

export interface CancelSessionResult {
  uuid: string;
  status: "canceled";
  operationId: string;
  /** Our copy was refreshed from Calendly (false: Calendly canceled it, the copy catches up through webhooks). */
  copyUpdated: boolean;
  rebookPath: string | null;
}

export function assertSessionCancelable(row: SessionRow, viewer: SessionViewer, now: Date): void {
  if (row.status === "canceled") {
    throw conflict(row.rescheduled ? "This session was rescheduled, so it can no longer be canceled." : "This session has already been canceled.");
  }
  if (new Date(row.start_time) <= now) throw conflict("This session has already started, so it can no longer be canceled.");
  if (!row.connection_id) throw conflict("The coach's Calendly account is no longer connected, so this session cannot be changed here.");
  if (viewer.user.role === "realtor" && row.invitees_limit > 1) {
    throw conflict("This is a group session: cancel your own spot with Calendly's cancel link on the session page.");
  }
}

export function rebookPathFor(row: Pick<SessionRow, "coach_user_id" | "event_type_uuid">): string | null {
  return row.event_type_uuid ? `/coaches/${encodeURIComponent(row.coach_user_id)}/${encodeURIComponent(row.event_type_uuid)}` : null;
}

export async function cancelSession(viewer: SessionViewer, uuid: string, input: CancelSessionInput, options: { now?: Date } = {}): Promise<CancelSessionResult> {
  const now = options.now ?? new Date();
  const reason = input.reason.trim();
  if (reason.length < 1 || reason.length > 500) {
    throw new AppError("validation_failed", "Give a reason of 1 to 500 characters.", { fields: { reason: ["must be 1 to 500 characters"] } });
  }
  const row = await getSessionOrThrow(viewer, uuid);
  assertSessionCancelable(row, viewer, now);
  const connection = await findConnectionById(row.connection_id!);
  if (!connection || connection.status === "disconnected") {
    throw conflict("The coach's Calendly account is no longer connected, so this session cannot be changed here.");
  }

  let rebookPath: string | null = null;
  let calendlyReason = reason;
  if (input.requestReschedule) {
    if (viewer.user.role === "realtor") throw new AppError("forbidden", "Realtors reschedule with Calendly's reschedule link.");
    rebookPath = rebookPathFor(row);
    if (!rebookPath) throw conflict("This session has no event type in Sessionly, so there is no booking page to send the invitee to.");
    calendlyReason = `${reason}\n\nPlease pick a new time: ${env().APP_URL}${rebookPath}`;
  }

  const client = calendlyClientForConnection(connection.id);
  try {
    await client.cancelScheduledEvent(row.uri, calendlyReason);
  } catch (error) {
    if (error instanceof CalendlyApiError && error.status === 403 && /already canceled|in the past/i.test(error.calendlyMessage)) {
      // Calendly knows better than our copy: bring the copy up to date, then say why.
      await refreshCopyQuietly(client, row);
      throw conflict(
        /already canceled/i.test(error.calendlyMessage)
          ? "This session has already been canceled in Calendly."
          : "This session has already started, so it can no longer be canceled.",
      );
    }
    throw toAppError(error);
  }

  const operationId = input.operationId ?? randomUUID();
  let snapshot: CalendlyEventSnapshot | null = null;
  try {
    snapshot = await fetchEventSnapshot(client, row.uri);
  } catch (error) {
    logger.warn({ err: error, eventUuid: uuid }, "session canceled in Calendly, but re-reading it failed; webhooks will update the copy");
  }

  await readySyncHooks();
  await getDb().transaction(async (tx) => {
    if (snapshot) await applyEventSnapshot(tx, { connectionId: connection.id, coachUserId: row.coach_user_id }, uuid, snapshot);
    if (input.requestReschedule && rebookPath) {
      await tx.insert(sessionRescheduleRequests).values({
        eventUuid: uuid,
        coachUserId: row.coach_user_id,
        requestedByUserId: viewer.user.id,
        inviteeUris: (snapshot?.invitees ?? []).map((invitee) => invitee.uri),
        rebookPath,
        reason,
      });
    }
    await recordAudit(
      {
        ...userActor(viewer.user, input.request),
        action: input.requestReschedule ? "session.reschedule_requested" : "session.canceled",
        targetType: "session",
        targetId: uuid,
        changes: { status: { old: "active", new: "canceled" } },
        reason,
        operationId,
        metadata: { eventUri: row.uri, coachUserId: row.coach_user_id, ...(rebookPath ? { rebookPath } : {}), copyUpdated: Boolean(snapshot) },
      },
      tx,
    );
  });

  return { uuid, status: "canceled", operationId, copyUpdated: Boolean(snapshot), rebookPath };
}

async function refreshCopyQuietly(client: ReturnType<typeof calendlyClientForConnection>, row: SessionRow) {
  try {
    const snapshot = await fetchEventSnapshot(client, row.uri);
    await readySyncHooks();
    await getDb().transaction((tx) => applyEventSnapshot(tx, { connectionId: row.connection_id, coachUserId: row.coach_user_id }, row.uuid, snapshot));
  } catch (error) {
    logger.warn({ err: error, eventUuid: row.uuid }, "could not refresh a session after Calendly refused to cancel it");
  }
}
