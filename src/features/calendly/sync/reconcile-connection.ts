import { and, eq, gte, inArray, lte } from "drizzle-orm";
import { refreshSchedulesAfterSync } from "@/features/analytics/refresh-availability-schedules";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { calendlyConnections, invitees, scheduledEvents, syncRuns } from "@/lib/db/schema";
import { getBoss } from "@/lib/jobs/boss";
import { logger } from "@/lib/logger";
import { uuidFromUri } from "../calendly-config";
import { calendlyClientForConnection } from "../calendly-api";
import type { CalendlyInvitee, CalendlyScheduledEvent } from "../client/schemas";
import { getConnectionOrThrow } from "../connection/connection-repository";
import { syncEventTypes } from "../event-types/sync-event-types";
import { onInviteeSynced } from "./sync-hooks";
import { applyNoShow, upsertInvitee, upsertScheduledEvent } from "./upsert-records";

/**
 * Compares Calendly with the copy over a window and repairs what differs. A scheduled pass fetches invitees only for
 * events that changed (by `updated_at` or invitee counters) or are new to us, plus at most RECONCILE_NO_SHOW_CHECKS
 * (10 by default) of the sessions under way or ended in the last RECONCILE_NO_SHOW_HOURS (48): no-show marks change
 * the invitee, not the event, and arrive by webhook; these re-reads heal a lost one. The sessions re-read rotate from
 * pass to pass (a stable hash order, a slice per 15-minute pass), so every recent session is re-read every few hours
 * while an unchanged window costs about one call per 100 events plus that budget, and writes nothing but its run
 * record. A backfill and a manual "sync now" are deep: they compare every invitee in the window.
 */
const DAY_MS = 24 * 60 * 60 * 1000;
export const BACKFILL_PAST_DAYS = 90;
/** A scheduled pass's window: RECONCILE_PAST_DAYS (30) back, RECONCILE_FUTURE_DAYS (180) ahead. */
export const reconcilePastDays = () => env().RECONCILE_PAST_DAYS;
export const reconcileFutureDays = () => env().RECONCILE_FUTURE_DAYS;
/** The scheduled pass's period (RECONCILE_CRON's default): each pass re-reads the next slice of recent sessions. */
const PASS_MS = 15 * 60 * 1000;

/** FNV-1a: a stable, well-spread order of sessions for the rotation. */
function spread(value: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < value.length; index++) hash = Math.imul(hash ^ value.charCodeAt(index), 0x01000193);
  return hash >>> 0;
}

/** The recently ended sessions this pass re-reads: a rotating slice of at most `budget`. */
export function noShowChecksFor<T extends { uuid: string }>(candidates: T[], now: Date, budget = env().RECONCILE_NO_SHOW_CHECKS): T[] {
  if (candidates.length <= budget) return candidates;
  const ordered = [...candidates].sort((a, b) => spread(a.uuid) - spread(b.uuid) || a.uuid.localeCompare(b.uuid));
  const offset = (Math.floor(now.getTime() / PASS_MS) * budget) % ordered.length;
  return Array.from({ length: budget }, (_, index) => ordered[(offset + index) % ordered.length]);
}

export interface ReconcileOptions {
  kind: "backfill" | "reconcile";
  trigger: "connect" | "schedule" | "manual";
  now?: Date;
}

export interface ReconcileResult {
  runId: string;
  eventsSeen: number;
  eventsRepaired: number;
  inviteesRepaired: number;
  apiCalls: number;
}

function sameInvitee(ours: typeof invitees.$inferSelect | undefined, theirs: CalendlyInvitee): boolean {
  return (
    !!ours &&
    ours.calendlyUpdatedAt.getTime() === new Date(theirs.updated_at).getTime() &&
    ours.status === theirs.status &&
    (ours.noShowUri ?? null) === (theirs.no_show?.uri ?? null)
  );
}

export async function reconcileConnection(connectionId: string, options: ReconcileOptions): Promise<ReconcileResult> {
  const db = getDb();
  const now = options.now ?? new Date();
  // Sync hooks enqueue jobs inside the transactions below; the queue must be started first (see docs/development.md).
  await getBoss();
  const connection = await getConnectionOrThrow(connectionId);
  const pastDays = options.kind === "backfill" ? BACKFILL_PAST_DAYS : reconcilePastDays();
  const minStart = new Date(now.getTime() - pastDays * DAY_MS);
  const maxStart = options.kind === "backfill" ? null : new Date(now.getTime() + reconcileFutureDays() * DAY_MS);
  const noShowWindowMs = env().RECONCILE_NO_SHOW_HOURS * 60 * 60 * 1000;

  const [run] = await db.insert(syncRuns).values({ connectionId, kind: options.kind, trigger: options.trigger }).returning({ id: syncRuns.id });
  let apiCalls = 0;
  const client = calendlyClientForConnection(connectionId, { onRequest: () => apiCalls++ });
  const result: ReconcileResult = { runId: run.id, eventsSeen: 0, eventsRepaired: 0, inviteesRepaired: 0, apiCalls: 0 };
  const progress = { phase: options.kind, done: 0, total: null as number | null, startedAt: now.toISOString() };
  await db.update(calendlyConnections).set({ syncProgress: progress }).where(eq(calendlyConnections.id, connectionId));

  try {
    if (options.kind === "backfill" || options.trigger === "manual") await syncEventTypes(connectionId);

    const ourEvents = new Map(
      (
        await db
          .select({ uuid: scheduledEvents.uuid, updatedAt: scheduledEvents.calendlyUpdatedAt, active: scheduledEvents.inviteesActive, total: scheduledEvents.inviteesTotal })
          .from(scheduledEvents)
          .where(
            and(
              eq(scheduledEvents.coachUserId, connection.userId),
              gte(scheduledEvents.startTime, minStart),
              maxStart ? lte(scheduledEvents.startTime, maxStart) : undefined,
            ),
          )
      ).map((row) => [row.uuid, row]),
    );

    const params = {
      user: connection.calendlyUserUri,
      min_start_time: minStart.toISOString(),
      ...(maxStart ? { max_start_time: maxStart.toISOString() } : {}),
      sort: "start_time:asc",
      count: 100,
    };
    const noShowCandidates: Array<{ uuid: string; event: CalendlyScheduledEvent }> = [];
    for await (const event of client.paginate(client.listScheduledEvents, params)) {
      result.eventsSeen++;
      const uuid = uuidFromUri(event.uri);
      const ours = ourEvents.get(uuid);
      const eventChanged =
        !ours ||
        ours.updatedAt.getTime() !== new Date(event.updated_at).getTime() ||
        ours.active !== (event.invitees_counter?.active ?? 0) ||
        ours.total !== (event.invitees_counter?.total ?? 0);
      // No-show marks exist only once a session has started: re-read sessions under way or ended in the window, not
      // upcoming ones (bench/reconcile: the future half of a ±48 h window doubled a busy coach's invitee calls).
      const recentlyEnded =
        new Date(event.start_time).getTime() <= now.getTime() && now.getTime() - new Date(event.end_time).getTime() < noShowWindowMs;
      if (eventChanged) {
        await upsertScheduledEvent(db, { connectionId, coachUserId: connection.userId }, event);
        result.eventsRepaired++;
      }
      const deep = options.kind === "backfill" || options.trigger === "manual";
      if (eventChanged || deep) {
        result.inviteesRepaired += await reconcileInvitees(client, event, uuid, connection.userId, now);
      } else if (recentlyEnded) {
        noShowCandidates.push({ uuid, event });
      }
      if (result.eventsSeen % 100 === 0) {
        await db.update(calendlyConnections).set({ syncProgress: { ...progress, done: result.eventsSeen } }).where(eq(calendlyConnections.id, connectionId));
      }
    }
    for (const { uuid, event } of noShowChecksFor(noShowCandidates, now)) {
      result.inviteesRepaired += await reconcileInvitees(client, event, uuid, connection.userId, now);
    }
    result.apiCalls = apiCalls;
    await db
      .update(syncRuns)
      .set({ status: "succeeded", finishedAt: new Date(), eventsSeen: result.eventsSeen, eventsRepaired: result.eventsRepaired, inviteesRepaired: result.inviteesRepaired, apiCalls })
      .where(eq(syncRuns.id, run.id));
    await db
      .update(calendlyConnections)
      .set({ lastSyncedAt: new Date(), syncProgress: { ...progress, done: result.eventsSeen, total: result.eventsSeen, finishedAt: new Date().toISOString() } })
      .where(eq(calendlyConnections.id, connectionId));
    if (result.eventsRepaired || result.inviteesRepaired) logger.info({ connectionId, ...result }, "reconciliation repaired records");
    await refreshSchedulesAfterSync(connection.userId, options.kind, now);
    return result;
  } catch (error) {
    await db.update(syncRuns).set({ status: "failed", finishedAt: new Date(), error: (error as Error).message.slice(0, 500), apiCalls }).where(eq(syncRuns.id, run.id));
    await db
      .update(calendlyConnections)
      .set({ lastError: `Sync failed: ${(error as Error).message}`, lastErrorAt: new Date(), syncProgress: { ...progress, done: result.eventsSeen, finishedAt: new Date().toISOString() } })
      .where(eq(calendlyConnections.id, connectionId));
    throw error;
  }
}

async function reconcileInvitees(
  client: ReturnType<typeof calendlyClientForConnection>,
  event: CalendlyScheduledEvent,
  eventUuid: string,
  coachUserId: string,
  now: Date,
): Promise<number> {
  const db = getDb();
  const theirs: CalendlyInvitee[] = [];
  for await (const invitee of client.paginate((params) => client.listEventInvitees(event.uri, params), { count: 100 })) theirs.push(invitee);
  if (theirs.length === 0) return 0;
  const ours = new Map(
    (await db.select().from(invitees).where(inArray(invitees.uri, theirs.map((invitee) => invitee.uri)))).map((row) => [row.uri, row]),
  );
  let repaired = 0;
  for (const invitee of theirs) {
    const current = ours.get(invitee.uri);
    if (sameInvitee(current, invitee)) continue;
    await db.transaction(async (tx) => {
      await upsertInvitee(tx, eventUuid, invitee);
      // Calendly's present no-show state wins over whatever deliveries said.
      await applyNoShow(tx, invitee.uri, invitee.no_show ?? null, now);
      await onInviteeSynced(tx, { inviteeUri: invitee.uri, eventUuid, coachUserId, source: "reconcile" });
    });
    repaired++;
  }
  return repaired;
}
