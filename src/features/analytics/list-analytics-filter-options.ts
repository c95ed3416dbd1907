import { asc, eq } from "drizzle-orm";
import { getDb, schema } from "@/lib/db";
import type { CurrentUser } from "@/lib/auth/session";
import type { Scope } from "@/lib/auth/permissions";

/** The coaches and event types a viewer may filter by: all for an admin, their own for a coach. */
export interface AnalyticsFilterOptionsDto {
  coaches: Array<{ id: string; name: string }>;
  eventTypes: Array<{ uri: string; name: string; coachUserId: string; duration: number }>;
}

export async function listAnalyticsFilterOptions(viewer: Pick<CurrentUser, "id" | "role">, scope: Scope): Promise<AnalyticsFilterOptionsDto> {
  const db = getDb();
  if (scope !== "any" && viewer.role !== "coach") return { coaches: [], eventTypes: [] };
  const own = scope !== "any";
  const coaches = await db
    .select({ id: schema.user.id, name: schema.user.name })
    .from(schema.user)
    .where(own ? eq(schema.user.id, viewer.id) : eq(schema.user.role, "coach"))
    .orderBy(asc(schema.user.name));
  const eventTypes = await db
    .select({ uri: schema.eventTypes.uri, name: schema.eventTypes.name, coachUserId: schema.eventTypes.coachUserId, duration: schema.eventTypes.duration })
    .from(schema.eventTypes)
    .where(own ? eq(schema.eventTypes.coachUserId, viewer.id) : undefined)
    .orderBy(asc(schema.eventTypes.name));
  return { coaches, eventTypes };
}
