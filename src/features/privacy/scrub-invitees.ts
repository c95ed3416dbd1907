import { sql, type SQL } from "drizzle-orm";
import type { Database } from "@/lib/db";
import { REMOVED_EMAIL, REMOVED_NAME } from "./privacy-config";

/**
 * Removes invitees' personal data in place: name, email, answers, tracking, free-text cancellation reason and the
 * personal cancel/reschedule links go; the row (status, times, no-show, counts) stays for analytics. Each scrubbed
 * invitee gets a `privacy_purged_invitees` mark, so a later sync of the same invitee is scrubbed again.
 */
type Executor = Pick<Database, "execute">;

export async function scrubInvitees(
  tx: Executor,
  where: SQL,
  mark: { reason: "retention" | "erasure"; erasureId?: string | null },
): Promise<string[]> {
  const result = await tx.execute<{ uuid: string }>(sql`
    with scrubbed as (
      update calendly_invitees i
         set name = ${REMOVED_NAME}, email = ${REMOVED_EMAIL}, email_normalized = ${REMOVED_EMAIL},
             first_name = null, last_name = null, questions_and_answers = '[]'::jsonb, tracking = null,
             cancel_reason = null, canceled_by = null, cancel_url = null, reschedule_url = null
       where ${where}
       returning i.uuid
    ), marked as (
      insert into privacy_purged_invitees (invitee_uuid, reason, erasure_id)
      select uuid, ${mark.reason}, ${mark.erasureId ?? null}::uuid from scrubbed
      on conflict (invitee_uuid) do nothing
    )
    select uuid from scrubbed`);
  const uuids = result.rows.map((row) => row.uuid);
  return uuids;
}

/** Removes the free-text and personal fields of sessions (guests' emails, who canceled and why, a phone location). */
export async function scrubSessions(tx: Executor, where: SQL): Promise<number> {
  const result = await tx.execute(sql`
    update calendly_scheduled_events e
       set guests = '[]'::jsonb, canceled_by = null, cancel_reason = null,
           location = case when e.location_type in ('outbound_call', 'inbound_call', 'ask_invitee') and e.location is not null
                           then jsonb_set(e.location, '{location}', 'null'::jsonb) else e.location end
     where ${where}`);
  return result.rowCount ?? 0;
}
