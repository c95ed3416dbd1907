import { sql } from "drizzle-orm";
import type { SyncExecutor } from "@/features/calendly/sync/sync-hooks";

/**
 * Erasure, notifications' part: every email kept for or about the person (their rendered copies hold names, emails and
 * session details), their reminders, preferences and unsubscribe record. Runs inside the erasure's transaction, before
 * the person's invitees are scrubbed (it finds "about them" through those invitees). A send or reminder job that fires
 * later finds no row and does nothing.
 */
export async function eraseNotificationsOf(tx: SyncExecutor, person: { userId: string | null; email: string }): Promise<{ messages: number; reminders: number }> {
  const { userId, email } = person;
  const theirInvitees = sql`(select i.uri from calendly_invitees i where (${userId}::text is not null and i.realtor_user_id = ${userId}) or (${email} <> '' and i.email_normalized = ${email}))`;
  const messages = await tx.execute(sql`
    delete from notification_messages
     where (${userId}::text is not null and recipient_user_id = ${userId})
        or (${email} <> '' and lower(trim(recipient_email)) = ${email})
        or invitee_uri in ${theirInvitees}`);
  const reminders = await tx.execute(sql`
    delete from notification_reminders
     where (${userId}::text is not null and recipient_user_id = ${userId})
        or (${email} <> '' and lower(trim(recipient_email)) = ${email})
        or (recipient_role = 'realtor' and invitee_uri in ${theirInvitees})`);
  if (userId) await tx.execute(sql`delete from notification_preferences where user_id = ${userId}`);
  if (email) await tx.execute(sql`delete from notification_suppressions where email = ${email}`);
  return { messages: messages.rowCount ?? 0, reminders: reminders.rowCount ?? 0 };
}
