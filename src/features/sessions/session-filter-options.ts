import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { ownedSessionsCondition, type SessionViewer } from "./session-access";

/** The choices of the list's event type and coach filters: only what the viewer's own sessions use. */
export interface SessionFilterOptions {
  eventTypes: Array<{ uuid: string; name: string }>;
  coaches: Array<{ id: string; name: string }>;
}

export async function sessionFilterOptions(viewer: SessionViewer): Promise<SessionFilterOptions> {
  const db = getDb();
  const eventTypes = (
    await db.execute(sql`
      select et.uuid, et.name from calendly_event_types et
       where et.uri in (select distinct e.event_type_uri from calendly_scheduled_events e where ${ownedSessionsCondition(viewer)})
          or ${viewer.scope === "any" ? sql`true` : viewer.user.role === "coach" ? sql`et.coach_user_id = ${viewer.user.id}` : sql`false`}
       order by et.name, et.uuid limit 200`)
  ).rows as Array<{ uuid: string; name: string }>;
  const coaches =
    viewer.user.role === "coach" && viewer.scope === "own"
      ? []
      : ((
          await db.execute(
            viewer.scope === "any"
              ? sql`select id, name from "user" where role = 'coach' order by name, id limit 500`
              : sql`select u.id, u.name from "user" u where u.id in (select distinct e.coach_user_id from calendly_scheduled_events e where ${ownedSessionsCondition(viewer)}) order by u.name, u.id limit 200`,
          )
        ).rows as Array<{ id: string; name: string }>);
  return { eventTypes, coaches };
}
