import { and, eq, exists, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { invitees, scheduledEvents } from "@/lib/db/schema";
import type { Scope } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { notFound } from "@/lib/errors";

/**
 * Which invitee rows a viewer may see (DOMAIN.md, docs/development.md "Ownership"): with scope `any` every row; a
 * coach the invitees of their own sessions; a realtor only their own bookings, never other invitees or their answers.
 */
export type Viewer = Pick<CurrentUser, "id" | "role" | "timeZone">;

export function visibleInviteesCondition(viewer: Viewer, scope: Scope): SQL | undefined {
  if (scope === "any") return undefined;
  if (viewer.role === "coach") return eq(scheduledEvents.coachUserId, viewer.id);
  return eq(invitees.realtorUserId, viewer.id);
}

/** A session the viewer may open, or 404 (someone else's session answers exactly like a missing one). */
export async function getVisibleSessionOrThrow(viewer: Viewer, scope: Scope, sessionUuid: string) {
  const db = getDb();
  const ownership =
    scope === "any"
      ? undefined
      : viewer.role === "coach"
        ? eq(scheduledEvents.coachUserId, viewer.id)
        : exists(
            db
              .select({ one: sql`1` })
              .from(invitees)
              .where(and(eq(invitees.eventUuid, scheduledEvents.uuid), eq(invitees.realtorUserId, viewer.id))),
          );
  const [session] = await db
    .select({
      uuid: scheduledEvents.uuid,
      name: scheduledEvents.name,
      status: scheduledEvents.status,
      startTime: scheduledEvents.startTime,
      endTime: scheduledEvents.endTime,
      coachUserId: scheduledEvents.coachUserId,
    })
    .from(scheduledEvents)
    .where(and(eq(scheduledEvents.uuid, sessionUuid), ownership));
  if (!session) throw notFound("Session");
  return session;
}
