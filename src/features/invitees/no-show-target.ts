import { and, eq, like, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { invitees, scheduledEvents } from "@/lib/db/schema";
import type { Scope } from "@/lib/auth/permissions";
import { AppError, notFound } from "@/lib/errors";
import { calendlyConfig } from "@/features/calendly/calendly-config";
import type { Viewer } from "./invitee-visibility";

/** The invitee a no-show change is about, with its session, as the viewer may act on it (404 otherwise). */
export interface NoShowTarget {
  invitee: {
    uuid: string;
    uri: string;
    status: "active" | "canceled";
    rescheduled: boolean;
    noShowUri: string | null;
    noShowAt: Date | null;
  };
  session: {
    uuid: string;
    uri: string;
    status: "active" | "canceled";
    rescheduled: boolean;
    startTime: Date;
    endTime: Date;
    coachUserId: string;
    connectionId: string | null;
  };
}

async function findTarget(viewer: Viewer, scope: Scope, match: SQL): Promise<NoShowTarget | null> {
  const [row] = await getDb()
    .select({
      invitee: {
        uuid: invitees.uuid,
        uri: invitees.uri,
        status: invitees.status,
        rescheduled: invitees.rescheduled,
        noShowUri: invitees.noShowUri,
        noShowAt: invitees.noShowAt,
      },
      session: {
        uuid: scheduledEvents.uuid,
        uri: scheduledEvents.uri,
        status: scheduledEvents.status,
        rescheduled: scheduledEvents.rescheduled,
        startTime: scheduledEvents.startTime,
        endTime: scheduledEvents.endTime,
        coachUserId: scheduledEvents.coachUserId,
        connectionId: scheduledEvents.connectionId,
      },
    })
    .from(invitees)
    .innerJoin(scheduledEvents, eq(scheduledEvents.uuid, invitees.eventUuid))
    .where(and(match, scope === "any" ? undefined : eq(scheduledEvents.coachUserId, viewer.id)))
    .limit(1);
  return row ?? null;
}

export async function getNoShowTargetByInviteeOrThrow(viewer: Viewer, scope: Scope, inviteeUri: string): Promise<NoShowTarget> {
  const target = await findTarget(viewer, scope, eq(invitees.uri, inviteeUri));
  if (!target) throw notFound("Invitee");
  return target;
}

/** By the no-show's UUID (the id in `DELETE /api/no_shows/:id`): Calendly's URI for it, or any URI ending in it. */
export async function getNoShowTargetByNoShowIdOrThrow(viewer: Viewer, scope: Scope, noShowUuid: string): Promise<NoShowTarget> {
  const expected = `${calendlyConfig().apiBase.replace(/\/$/, "")}/invitee_no_shows/${noShowUuid}`;
  const target =
    (await findTarget(viewer, scope, eq(invitees.noShowUri, expected))) ??
    (await findTarget(viewer, scope, like(invitees.noShowUri, `%/invitee_no_shows/${noShowUuid}`)));
  if (!target) throw notFound("No-show");
  return target;
}

export function connectionIdOrThrow(target: NoShowTarget): string {
  if (!target.session.connectionId) {
    throw new AppError("conflict", "This session belongs to a Calendly account that is no longer connected, so its no-shows cannot be changed.");
  }
  return target.session.connectionId;
}
