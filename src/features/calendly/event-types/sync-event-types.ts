import { and, eq, isNull, notInArray } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { eventTypes } from "@/lib/db/schema";
import { calendlyClientForConnection } from "../calendly-api";
import type { CalendlyEventType } from "../client/schemas";
import { getConnectionOrThrow, type ConnectionRow } from "../connection/connection-repository";

/**
 * Copies a coach's Calendly event types. Offered flags are the coach's choice and survive syncs; an event type that
 * Calendly no longer returns is flagged deleted and no longer offered.
 */

/** A scheduling URL is trusted only on the coach's own Calendly host, under the coach's own path. */
export function isCoachSchedulingUrl(candidate: string, connection: Pick<ConnectionRow, "schedulingUrl">): boolean {
  if (!connection.schedulingUrl) return false;
  let url: URL;
  let home: URL;
  try {
    url = new URL(candidate);
    home = new URL(connection.schedulingUrl);
  } catch {
    return false;
  }
  if (url.protocol !== home.protocol || url.host !== home.host || url.username || url.password) return false;
  const homePath = home.pathname.replace(/\/$/, "");
  return homePath.length > 0 && url.pathname.startsWith(`${homePath}/`) && url.pathname.length > homePath.length + 1;
}

export function eventTypeValues(connection: ConnectionRow, eventType: CalendlyEventType) {
  return {
    uri: eventType.uri,
    uuid: eventType.uri.split("/").pop()!,
    connectionId: connection.id,
    coachUserId: connection.userId,
    name: eventType.name ?? "Untitled event type",
    slug: eventType.slug ?? null,
    kind: eventType.kind ?? null,
    poolingType: eventType.pooling_type ?? null,
    duration: eventType.duration,
    durationOptions: (eventType.duration_options as number[] | null | undefined) ?? null,
    descriptionPlain: eventType.description_plain ?? null,
    color: eventType.color ?? null,
    active: eventType.active,
    secret: eventType.secret ?? false,
    schedulingUrl: eventType.scheduling_url,
    schedulingUrlValid: isCoachSchedulingUrl(eventType.scheduling_url, connection),
    customQuestions: (eventType.custom_questions ?? []) as unknown[],
    locations: (eventType.locations as unknown[] | null | undefined) ?? null,
    deletedAt: null,
    calendlyUpdatedAt: eventType.updated_at ? new Date(eventType.updated_at) : null,
    syncedAt: new Date(),
  };
}

export async function syncEventTypes(connectionId: string): Promise<{ synced: number; removed: number }> {
  const connection = await getConnectionOrThrow(connectionId);
  const client = calendlyClientForConnection(connectionId);
  const seen: string[] = [];
  const db = getDb();
  for await (const eventType of client.paginate(client.listEventTypes, { user: connection.calendlyUserUri, count: 100 })) {
    const values = eventTypeValues(connection, eventType);
    seen.push(values.uri);
    await db
      .insert(eventTypes)
      .values(values)
      .onConflictDoUpdate({
        target: eventTypes.uri,
        set: { ...values, uri: undefined, offered: undefined } as Partial<typeof values>,
      });
    // Something unsafe or switched off cannot stay on offer.
    if (!values.schedulingUrlValid || !values.active) {
      await db.update(eventTypes).set({ offered: false }).where(eq(eventTypes.uri, values.uri));
    }
  }
  const removed = await db
    .update(eventTypes)
    .set({ deletedAt: new Date(), offered: false })
    .where(
      and(
        eq(eventTypes.connectionId, connectionId),
        isNull(eventTypes.deletedAt),
        seen.length ? notInArray(eventTypes.uri, seen) : undefined,
      ),
    )
    .returning({ uri: eventTypes.uri });
  return { synced: seen.length, removed: removed.length };
}
