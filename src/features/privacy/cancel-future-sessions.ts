import { sql } from "drizzle-orm";
import { calendlyClientForConnection } from "@/features/calendly/calendly-api";
import { CalendlyApiError } from "@/features/calendly/client";
import type { CalendlyInvitee } from "@/features/calendly/client/schemas";
import { onInviteeSynced } from "@/features/calendly/sync/sync-hooks";
import { upsertInvitee, upsertScheduledEvent } from "@/features/calendly/sync/upsert-records";
import { getBoss } from "@/lib/jobs/boss";
import { getDb } from "@/lib/db";
import { logger } from "@/lib/logger";

/**
 * Before an erasure: cancels the person's future active sessions, Calendly first (through the session's coach
 * connection, which is the realtor's coach for a realtor), then brings our copy up to date from Calendly. A session
 * shared with other invitees is not canceled for everyone: it is reported instead.
 */
export interface FutureSessionCancellation {
  canceled: string[];
  failures: Array<{ sessionUuid: string; reason: string }>;
}

type FutureSession = {
  uuid: string;
  uri: string;
  connection_id: string | null;
  coach_user_id: string;
  others: number;
};

export async function findFutureSessions(person: { userId: string | null; email: string; role: string | null }, now = new Date()): Promise<FutureSession[]> {
  const email = person.email.trim().toLowerCase();
  const userId = person.userId ?? "";
  const result = await getDb().execute<FutureSession>(sql`
    select e.uuid, e.uri, e.connection_id, e.coach_user_id,
           (select count(*)::int from calendly_invitees o
             where o.event_uuid = e.uuid and o.status = 'active'
               and not (o.realtor_user_id is not distinct from ${person.userId} and ${person.userId}::text is not null)
               and o.email_normalized <> ${email}) as others
      from calendly_scheduled_events e
     where e.status = 'active' and e.start_time > ${now}
       and (
         (${person.role === "coach"} and e.coach_user_id = ${userId})
         or exists (select 1 from calendly_invitees i
                     where i.event_uuid = e.uuid and i.status = 'active'
                       and (i.realtor_user_id = ${userId} or (${email} <> '' and i.email_normalized = ${email})))
       )
     order by e.start_time`);
  return result.rows;
}

export async function cancelFutureSessions(
  person: { userId: string | null; email: string; role: string | null },
  reason: string,
  now = new Date(),
): Promise<FutureSessionCancellation> {
  const sessions = await findFutureSessions(person, now);
  const outcome: FutureSessionCancellation = { canceled: [], failures: [] };
  // Sync hooks may enqueue jobs inside the copy's transaction: pg-boss must be running before it starts (PGlite).
  if (sessions.length > 0) await getBoss();
  for (const session of sessions) {
    const hosting = person.role === "coach" && session.coach_user_id === person.userId;
    if (!hosting && session.others > 0) {
      outcome.failures.push({ sessionUuid: session.uuid, reason: "A group session with other invitees: it was not canceled for everyone." });
      continue;
    }
    if (!session.connection_id) {
      outcome.failures.push({ sessionUuid: session.uuid, reason: "The coach's Calendly account is no longer connected." });
      continue;
    }
    const client = calendlyClientForConnection(session.connection_id);
    try {
      await client.cancelScheduledEvent(session.uri, reason);
    } catch (error) {
      const alreadyCanceled = error instanceof CalendlyApiError && error.status === 403 && /already canceled/i.test(error.calendlyMessage);
      if (!alreadyCanceled) {
        outcome.failures.push({
          sessionUuid: session.uuid,
          reason: error instanceof CalendlyApiError ? `Calendly answered HTTP ${error.status}: ${error.calendlyMessage}` : "Calendly could not be reached.",
        });
        continue;
      }
    }
    outcome.canceled.push(session.uuid);
    try {
      const event = await client.getScheduledEvent(session.uri);
      const invitees: CalendlyInvitee[] = [];
      for await (const invitee of client.paginate((params) => client.listEventInvitees(session.uri, params), {})) invitees.push(invitee);
      await getDb().transaction(async (tx) => {
        await upsertScheduledEvent(tx, { connectionId: session.connection_id, coachUserId: session.coach_user_id }, event);
        for (const invitee of invitees) {
          await upsertInvitee(tx, session.uuid, invitee);
          await onInviteeSynced(tx, { inviteeUri: invitee.uri, eventUuid: session.uuid, coachUserId: session.coach_user_id, source: "app" });
        }
      });
    } catch (error) {
      logger.warn({ err: error, eventUuid: session.uuid }, "session canceled in Calendly, but re-reading it failed; webhooks will update the copy");
    }
  }
  return outcome;
}
