import { eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { calendlyConnections, user as users } from "@/lib/db/schema";
import { isBookable, listOfferedEventTypes, type BookableEventType } from "./bookable-event-types";
import { recheckOpeningsInBackground } from "./check-event-type-openings";

/** The coach directory: every coach, with the event types realtors can book, or why they cannot book them now. */
export interface DirectoryEventTypeDto {
  uuid: string;
  name: string;
  duration: number;
  durations: number[];
  description: string | null;
  kind: string | null;
  color: string | null;
}

export interface DirectoryCoachDto {
  coachUserId: string;
  name: string;
  timeZone: string | null;
  available: boolean;
  /** Why the coach cannot be booked right now (friendly, for realtors). */
  unavailableReason: string | null;
  eventTypes: DirectoryEventTypeDto[];
}

export interface DirectoryFilters {
  q?: string;
  duration?: number;
}

export function durationsOf(eventType: Pick<BookableEventType, "duration" | "durationOptions">): number[] {
  return eventType.durationOptions?.length ? [...new Set(eventType.durationOptions)].sort((a, b) => a - b) : [eventType.duration];
}

function reasonFor(status: string | null, offered: BookableEventType[], bookable: BookableEventType[]): string | null {
  if (!status) return "Hasn't connected a Calendly account yet.";
  if (status === "needs_reauth") return "Their calendar connection needs a refresh; check back soon.";
  if (status === "disconnected") return "Not taking bookings through Sessionly right now.";
  if (bookable.length > 0) return null;
  if (offered.some((eventType) => eventType.hasOpenings === false)) return "Fully booked for the next 30 days.";
  return "Isn't offering any sessions right now.";
}

export async function listCoachDirectory(filters: DirectoryFilters = {}, options: { recheckOpenings?: boolean } = {}): Promise<DirectoryCoachDto[]> {
  const coaches = await getDb()
    .select({ id: users.id, name: users.name, status: calendlyConnections.status, timeZone: calendlyConnections.timeZone })
    .from(users)
    .leftJoin(calendlyConnections, eq(calendlyConnections.userId, users.id))
    .where(eq(users.role, "coach"))
    .orderBy(users.name);
  const offered = await listOfferedEventTypes();
  if (options.recheckOpenings ?? true) recheckOpeningsInBackground(offered);

  const query = filters.q?.trim().toLowerCase() ?? "";
  const result: DirectoryCoachDto[] = [];
  for (const coach of coaches) {
    const own = offered.filter((eventType) => eventType.coachUserId === coach.id);
    const bookable = own.filter(isBookable);
    const nameMatches = !query || coach.name.toLowerCase().includes(query);
    let shown = bookable;
    if (query && !nameMatches) shown = shown.filter((eventType) => eventType.name.toLowerCase().includes(query));
    if (filters.duration) shown = shown.filter((eventType) => durationsOf(eventType).includes(filters.duration!));
    const filtering = Boolean(query) || Boolean(filters.duration);
    if (filtering && shown.length === 0 && !(nameMatches && query && !filters.duration)) continue;
    const reason = reasonFor(coach.status, own, bookable);
    result.push({
      coachUserId: coach.id,
      name: coach.name,
      timeZone: coach.timeZone,
      available: reason === null,
      unavailableReason: reason,
      eventTypes: shown.map((eventType) => ({
        uuid: eventType.uuid,
        name: eventType.name,
        duration: eventType.duration,
        durations: durationsOf(eventType),
        description: eventType.description,
        kind: eventType.kind,
        color: eventType.color,
      })),
    });
  }
  // Bookable coaches first, then by name.
  return result.sort((a, b) => Number(b.available) - Number(a.available) || a.name.localeCompare(b.name));
}
