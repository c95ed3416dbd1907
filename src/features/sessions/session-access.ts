import { sql, type SQL } from "drizzle-orm";
import type { Scope } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/session";

/** Who is looking, and with which scope of the route's permission. */
export interface SessionViewer {
  user: Pick<CurrentUser, "id" | "role" | "timeZone" | "name">;
  scope: Scope;
}

/**
 * The sessions a viewer may see, as a condition on `calendly_scheduled_events e`: everything with `any`; with `own`,
 * a coach's sessions are theirs as host and a realtor's are those with an invitee matched to them.
 */
export function ownedSessionsCondition(viewer: SessionViewer): SQL {
  if (viewer.scope === "any") return sql`true`;
  if (viewer.user.role === "coach") return sql`e.coach_user_id = ${viewer.user.id}`;
  if (viewer.user.role === "realtor") {
    return sql`exists (select 1 from calendly_invitees own where own.event_uuid = e.uuid and own.realtor_user_id = ${viewer.user.id})`;
  }
  return sql`false`;
}

/** Realtors see their own invitee record only; coaches and admins see the session's invitees. */
export function seesOtherInvitees(viewer: SessionViewer): boolean {
  return viewer.scope === "any" || viewer.user.role === "coach";
}
