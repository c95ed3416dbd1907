import { sql } from "drizzle-orm";
import type { SyncExecutor } from "@/features/calendly/sync/sync-hooks";

/**
 * Forgets a coach's cached open times and records when: a fetch that started before this moment is never stored.
 * Runs on the executor it is given (inside a sync transaction, that transaction only).
 */
export async function invalidateCoachAvailability(executor: Pick<SyncExecutor, "execute">, coachUserId: string, at = new Date()) {
  await executor.execute(sql`
    insert into booking_availability_invalidations (coach_user_id, invalidated_at)
    values (${coachUserId}, ${at.toISOString()}::timestamptz)
    on conflict (coach_user_id) do update set invalidated_at = greatest(booking_availability_invalidations.invalidated_at, excluded.invalidated_at)`);
  await executor.execute(sql`delete from booking_availability_cache where coach_user_id = ${coachUserId} and lease_owner is null`);
  // A row being fetched right now keeps its lease (the holder's write is refused by the mark above) but loses its data.
  await executor.execute(sql`update booking_availability_cache set slots = null, fetched_at = null where coach_user_id = ${coachUserId}`);
}
