import { and, eq, isNull, or, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { calendlyConnections, eventTypes, user as users } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/session";
import type { CalendlyCustomQuestion } from "@/features/calendly/client/schemas";
import type { AvailabilityTarget } from "./availability-cache";

/** Event types as booking sees them: with their coach and the coach's connection. */
export interface BookableEventType {
  uri: string;
  uuid: string;
  name: string;
  duration: number;
  durationOptions: number[] | null;
  description: string | null;
  kind: string | null;
  color: string | null;
  active: boolean;
  deleted: boolean;
  offered: boolean;
  hasOpenings: boolean | null;
  noOpeningsCheckedAt: Date | null;
  schedulingUrl: string;
  schedulingUrlValid: boolean;
  customQuestions: CalendlyCustomQuestion[];
  coachUserId: string;
  coachName: string;
  connectionId: string;
  connectionStatus: "connected" | "needs_reauth" | "disconnected";
  coachTimeZone: string | null;
}

const columns = {
  uri: eventTypes.uri,
  uuid: eventTypes.uuid,
  name: eventTypes.name,
  duration: eventTypes.duration,
  durationOptions: eventTypes.durationOptions,
  description: eventTypes.descriptionPlain,
  kind: eventTypes.kind,
  color: eventTypes.color,
  active: eventTypes.active,
  deletedAt: eventTypes.deletedAt,
  offered: eventTypes.offered,
  hasOpenings: eventTypes.hasOpenings,
  noOpeningsCheckedAt: eventTypes.noOpeningsCheckedAt,
  schedulingUrl: eventTypes.schedulingUrl,
  schedulingUrlValid: eventTypes.schedulingUrlValid,
  customQuestions: eventTypes.customQuestions,
  coachUserId: eventTypes.coachUserId,
  coachName: users.name,
  connectionId: eventTypes.connectionId,
  connectionStatus: calendlyConnections.status,
  coachTimeZone: calendlyConnections.timeZone,
};

type Row = Awaited<ReturnType<typeof baseQuery>>[number];

function toBookable(row: Row): BookableEventType {
  const { deletedAt, customQuestions, ...rest } = row;
  return { ...rest, deleted: deletedAt !== null, customQuestions: customQuestions as CalendlyCustomQuestion[] };
}

function baseQuery() {
  return getDb()
    .select(columns)
    .from(eventTypes)
    .innerJoin(calendlyConnections, eq(calendlyConnections.id, eventTypes.connectionId))
    .innerJoin(users, eq(users.id, eventTypes.coachUserId));
}

/** Whether realtors may see and book it right now. */
export function isBookable(eventType: BookableEventType): boolean {
  return (
    eventType.offered &&
    eventType.active &&
    !eventType.deleted &&
    eventType.schedulingUrlValid &&
    eventType.hasOpenings !== false &&
    eventType.connectionStatus === "connected"
  );
}

export function targetOf(eventType: BookableEventType): AvailabilityTarget {
  return { eventTypeUri: eventType.uri, coachUserId: eventType.coachUserId, connectionId: eventType.connectionId };
}

/** Every offered event type (any state), with coach and connection, for the directory and searches. */
export async function listOfferedEventTypes(options: { coachUserId?: string } = {}): Promise<BookableEventType[]> {
  const rows = await baseQuery()
    .where(and(eq(eventTypes.offered, true), isNull(eventTypes.deletedAt), options.coachUserId ? eq(eventTypes.coachUserId, options.coachUserId) : undefined))
    .orderBy(users.name, eventTypes.duration, eventTypes.name);
  return rows.map(toBookable);
}

/**
 * The event type a viewer asked for (by UUID or URI), or 404: a coach sees only their own, a realtor only offered
 * ones that can be booked, an admin any.
 */
export async function getEventTypeForViewerOrThrow(viewer: Pick<CurrentUser, "id" | "role">, idOrUri: string): Promise<BookableEventType> {
  const [row] = await baseQuery().where(or(eq(eventTypes.uuid, idOrUri), eq(eventTypes.uri, idOrUri)));
  if (!row) throw notFound("That event type");
  const eventType = toBookable(row);
  if (viewer.role === "coach" && eventType.coachUserId !== viewer.id) throw notFound("That event type");
  if (viewer.role === "realtor") {
    if (eventType.deleted || !eventType.offered || !eventType.active || !eventType.schedulingUrlValid) {
      throw new AppError("not_found", "That event type is not offered to realtors.");
    }
    if (eventType.hasOpenings === false) throw new AppError("not_found", "This coach has no openings for that event type in the next 30 days.");
  }
  return eventType;
}

/** Refuses with a friendly message when the coach's Calendly connection cannot be used. */
export function assertConnectionUsable(eventType: BookableEventType) {
  if (eventType.connectionStatus === "needs_reauth") {
    throw new AppError("conflict", `${eventType.coachName}'s Calendly connection needs to be renewed, so their times can't be shown right now.`);
  }
  if (eventType.connectionStatus !== "connected") {
    throw new AppError("conflict", `${eventType.coachName} is not connected to Calendly right now, so their times can't be shown.`);
  }
}

/** Records the result of a 30-day openings check. */
export async function recordOpeningsCheck(eventTypeUri: string, hasOpenings: boolean) {
  await getDb()
    .update(eventTypes)
    .set({ hasOpenings, noOpeningsCheckedAt: new Date() })
    .where(eq(eventTypes.uri, eventTypeUri));
}

/** Booked session intervals of a coach in a range (from the copy): for "fully booked" and booked hours. */
export async function bookedIntervals(coachUserId: string, start: Date, end: Date): Promise<Array<{ start: string; end: string }>> {
  const result = await getDb().execute(sql`
    select start_time, end_time from calendly_scheduled_events
     where coach_user_id = ${coachUserId} and status = 'active'
       and start_time < ${end.toISOString()}::timestamptz and end_time > ${start.toISOString()}::timestamptz`);
  return (result.rows as Array<{ start_time: string | Date; end_time: string | Date }>).map((row) => ({
    start: new Date(row.start_time).toISOString(),
    end: new Date(row.end_time).toISOString(),
  }));
}
