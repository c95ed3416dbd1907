import type { CalendlyClient, CalendlyInvitee, CalendlyScheduledEvent } from "@/features/calendly/client";
import { onInviteeSynced } from "@/features/calendly/sync/sync-hooks";
import { upsertInvitee, upsertScheduledEvent } from "@/features/calendly/sync/upsert-records";
import type { Database } from "@/lib/db";

/** Calendly's current state of one event and its invitees, read after Sessionly changed it there. */
export interface CalendlyEventSnapshot {
  event: CalendlyScheduledEvent;
  invitees: CalendlyInvitee[];
}

export async function fetchEventSnapshot(client: CalendlyClient, eventUri: string): Promise<CalendlyEventSnapshot> {
  const event = await client.getScheduledEvent(eventUri);
  const invitees: CalendlyInvitee[] = [];
  for await (const invitee of client.paginate((params) => client.listEventInvitees(eventUri, params), { count: 100 })) invitees.push(invitee);
  return { event, invitees };
}

type Executor = Pick<Database, "insert" | "update" | "select" | "execute" | "delete">;

/** Writes the snapshot into the copy (idempotent upserts) and tells the features that react to invitee changes. */
export async function applyEventSnapshot(
  tx: Executor,
  owner: { connectionId: string | null; coachUserId: string },
  eventUuid: string,
  snapshot: CalendlyEventSnapshot,
): Promise<void> {
  await upsertScheduledEvent(tx, owner, snapshot.event);
  for (const invitee of snapshot.invitees) {
    await upsertInvitee(tx, eventUuid, invitee);
    await onInviteeSynced(tx, { inviteeUri: invitee.uri, eventUuid, coachUserId: owner.coachUserId, source: "app" });
  }
}
