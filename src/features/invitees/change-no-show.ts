import { getDb } from "@/lib/db";
import type { Scope } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { recordAudit, userActor } from "@/features/audit/record-audit";
import { calendlyClientForConnection } from "@/features/calendly/calendly-api";
import { CalendlyApiError, toAppError } from "@/features/calendly/client";
import { onInviteeSynced, readySyncHooks } from "@/features/calendly/sync/sync-hooks";
import { applyNoShow } from "@/features/calendly/sync/upsert-records";
import { noShowMarkRefusal } from "./no-show-rules";
import { connectionIdOrThrow, getNoShowTargetByInviteeOrThrow, getNoShowTargetByNoShowIdOrThrow, type NoShowTarget } from "./no-show-target";

/**
 * Marking and unmarking no-shows: Calendly first (`invitee_no_shows`), then the copy, the sync hooks and the audit
 * entry in one transaction. Refused locally before calling Calendly when the session has not started or was
 * canceled; Calendly's own refusal is mapped to the same clear 409.
 */
export interface NoShowChangeContext {
  ip?: string;
  userAgent?: string | null;
  /** Shared by the entries of one bulk action. */
  operationId?: string;
  now?: Date;
}

export interface NoShowChangeResult {
  invitee: string;
  noShow: { uuid: string; uri: string; markedAt: string } | null;
}

export const ALREADY_MARKED = "already_marked";
export const NOT_MARKED = "not_marked";

/** Calendly's 400 texts for the no-show rules (REFERENCE / emulator: "cannot be marked as no-show before the event starts"). */
function calendlyRefusal(error: unknown): AppError | null {
  if (!(error instanceof CalendlyApiError) || (error.status !== 400 && error.status !== 422)) return null;
  const said = [error.calendlyMessage, ...error.details.map((detail) => `${detail.parameter ?? ""} ${detail.message ?? ""}`)].join(" ").toLowerCase();
  if (said.includes("already")) {
    return new AppError("conflict", "This invitee is already marked as a no-show.", { details: { reason: ALREADY_MARKED }, cause: error });
  }
  if (said.includes("before the event starts") || said.includes("not started")) {
    return new AppError("conflict", "Calendly refused: this session has not started yet, so a no-show cannot be marked.", { cause: error });
  }
  if (said.includes("cancel")) {
    return new AppError("conflict", "Calendly refused: this session was canceled, so its invitee cannot be marked as a no-show.", { cause: error });
  }
  return new AppError("conflict", `Calendly refused to change the no-show: ${error.calendlyMessage}`, { cause: error });
}

async function saveNoShow(
  user: CurrentUser,
  target: NoShowTarget,
  noShow: { uri: string; created_at: string } | null,
  version: Date,
  context: NoShowChangeContext,
) {
  await readySyncHooks();
  await getDb().transaction(async (tx) => {
    await applyNoShow(tx, target.invitee.uri, noShow, version);
    await onInviteeSynced(tx, { inviteeUri: target.invitee.uri, eventUuid: target.session.uuid, coachUserId: target.session.coachUserId, source: "app" });
    await recordAudit(
      {
        ...userActor(user, { ip: context.ip, userAgent: context.userAgent }),
        action: noShow ? "invitee.no_show_marked" : "invitee.no_show_unmarked",
        targetType: "session",
        targetId: target.session.uuid,
        changes: { noShow: { old: target.invitee.noShowUri !== null, new: noShow !== null } },
        operationId: context.operationId ?? null,
        metadata: { invitee: target.invitee.uri, noShow: noShow?.uri ?? target.invitee.noShowUri },
      },
      tx,
    );
  });
}

async function markTarget(user: CurrentUser, target: NoShowTarget, context: NoShowChangeContext): Promise<NoShowChangeResult> {
  const now = context.now ?? new Date();
  if (target.invitee.noShowUri) {
    throw new AppError("conflict", "This invitee is already marked as a no-show.", { details: { reason: ALREADY_MARKED } });
  }
  const refusal = noShowMarkRefusal(target.invitee, target.session, now);
  if (refusal) throw new AppError("conflict", refusal);
  const client = calendlyClientForConnection(connectionIdOrThrow(target));

  let created;
  try {
    created = await client.createInviteeNoShow(target.invitee.uri);
  } catch (error) {
    const refused = calendlyRefusal(error);
    if (refused?.details?.reason === ALREADY_MARKED) {
      // Our copy missed Calendly's mark: take Calendly's state (no audit entry: nobody here changed anything).
      const theirs = await client.getInvitee(target.session.uri, target.invitee.uri).catch(() => null);
      if (theirs?.no_show) {
        await readySyncHooks();
        await getDb().transaction(async (tx) => {
          await applyNoShow(tx, target.invitee.uri, theirs.no_show ?? null, now);
          await onInviteeSynced(tx, { inviteeUri: target.invitee.uri, eventUuid: target.session.uuid, coachUserId: target.session.coachUserId, source: "app" });
        });
      }
    }
    throw refused ?? toAppError(error);
  }
  // The version orders this change against webhooks about it: never older than Calendly's own timestamp.
  const version = new Date(Math.max(now.getTime(), Date.parse(created.created_at)));
  await saveNoShow(user, target, { uri: created.uri, created_at: created.created_at }, version, context);
  return {
    invitee: target.invitee.uri,
    noShow: { uuid: created.uri.split("/").pop()!, uri: created.uri, markedAt: new Date(created.created_at).toISOString() },
  };
}

async function unmarkTarget(user: CurrentUser, target: NoShowTarget, context: NoShowChangeContext): Promise<NoShowChangeResult> {
  const now = context.now ?? new Date();
  const noShowUri = target.invitee.noShowUri;
  if (!noShowUri) throw new AppError("conflict", "This invitee is not marked as a no-show.", { details: { reason: NOT_MARKED } });
  const client = calendlyClientForConnection(connectionIdOrThrow(target));
  try {
    await client.deleteInviteeNoShow(noShowUri);
  } catch (error) {
    // Already gone at Calendly: the copy simply catches up.
    if (!(error instanceof CalendlyApiError && error.status === 404)) throw calendlyRefusal(error) ?? toAppError(error);
  }
  const version = new Date(Math.max(now.getTime(), (target.invitee.noShowAt?.getTime() ?? 0) + 1));
  await saveNoShow(user, target, null, version, context);
  return { invitee: target.invitee.uri, noShow: null };
}

export async function markNoShow(user: CurrentUser, scope: Scope, inviteeUri: string, context: NoShowChangeContext = {}) {
  return markTarget(user, await getNoShowTargetByInviteeOrThrow(user, scope, inviteeUri), context);
}

export async function unmarkNoShowById(user: CurrentUser, scope: Scope, noShowUuid: string, context: NoShowChangeContext = {}) {
  return unmarkTarget(user, await getNoShowTargetByNoShowIdOrThrow(user, scope, noShowUuid), context);
}

export async function unmarkNoShowForInvitee(user: CurrentUser, scope: Scope, inviteeUri: string, context: NoShowChangeContext = {}) {
  return unmarkTarget(user, await getNoShowTargetByInviteeOrThrow(user, scope, inviteeUri), context);
}
