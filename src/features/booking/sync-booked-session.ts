import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { scheduledEvents } from "@/lib/db/schema";
import { recordAudit, userActor } from "@/features/audit/record-audit";
import { uuidFromUri } from "@/features/calendly/calendly-config";
import type { CalendlyClient } from "@/features/calendly/client/client";
import type { CalendlyInvitee, CalendlyScheduledEvent } from "@/features/calendly/client/schemas";
import { onInviteeSynced, readySyncHooks } from "@/features/calendly/sync/sync-hooks";
import { upsertInvitee, upsertScheduledEvent } from "@/features/calendly/sync/upsert-records";
import type { CurrentUser } from "@/lib/auth/session";

/**
 * Puts a session Sessionly just booked (or saw booked in the popup) into the copy at once, from Calendly's own
 * records: the event and its invitee, upserted (idempotent, never backwards), the sync hooks run in the same
 * transaction, and an audit entry. The webhook that follows finds the same state and changes nothing.
 */
export interface BookedSessionDto {
  uuid: string;
  uri: string;
  name: string;
  start: string;
  end: string;
  status: "active" | "canceled";
  inviteeUri: string;
  coachName: string;
  seriesId: string | null;
}

export async function syncBookedSession(input: {
  client: CalendlyClient;
  owner: { connectionId: string; coachUserId: string; coachName: string };
  eventUri: string;
  invitee?: CalendlyInvitee;
  inviteeUri?: string;
  actor: Pick<CurrentUser, "id" | "role" | "name">;
  request?: { ip?: string; userAgent?: string | null };
  action: string;
  seriesId?: string | null;
  metadata?: Record<string, unknown>;
}): Promise<{ session: BookedSessionDto; event: CalendlyScheduledEvent; invitee: CalendlyInvitee }> {
  const event = await input.client.getScheduledEvent(input.eventUri);
  const invitee = input.invitee ?? (await input.client.getInvitee(input.eventUri, input.inviteeUri!));
  const eventUuid = uuidFromUri(event.uri);
  await readySyncHooks();
  await getDb().transaction(async (tx) => {
    await upsertScheduledEvent(tx, { connectionId: input.owner.connectionId, coachUserId: input.owner.coachUserId }, event);
    await upsertInvitee(tx, eventUuid, invitee);
    if (input.seriesId) await tx.update(scheduledEvents).set({ seriesId: input.seriesId }).where(eq(scheduledEvents.uuid, eventUuid));
    await onInviteeSynced(tx, { inviteeUri: invitee.uri, eventUuid, coachUserId: input.owner.coachUserId, source: "app" });
    await recordAudit(
      {
        ...userActor({ id: input.actor.id, role: input.actor.role, name: input.actor.name }, input.request),
        action: input.action,
        targetType: "session",
        targetId: eventUuid,
        metadata: { invitee: invitee.uri, eventType: event.event_type, ...(input.seriesId ? { seriesId: input.seriesId } : {}), ...input.metadata },
      },
      tx,
    );
  });
  return {
    event,
    invitee,
    session: {
      uuid: eventUuid,
      uri: event.uri,
      name: event.name ?? "Session",
      start: new Date(event.start_time).toISOString(),
      end: new Date(event.end_time).toISOString(),
      status: event.status,
      inviteeUri: invitee.uri,
      coachName: input.owner.coachName,
      seriesId: input.seriesId ?? null,
    },
  };
}
