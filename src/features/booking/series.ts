import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/lib/db";
import { bookingSeries, eventTypes, scheduledEvents, user as users } from "@/lib/db/schema";
import { notFound } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/session";
import type { Scope } from "@/lib/auth/permissions";
import { recordAudit, userActor } from "@/features/audit/record-audit";
import { calendlyClientForConnection } from "@/features/calendly/calendly-api";
import { CalendlyApiError, toAppError } from "@/features/calendly/client/errors";
import { uuidFromUri } from "@/features/calendly/calendly-config";
import { onInviteeSynced, readySyncHooks } from "@/features/calendly/sync/sync-hooks";
import { upsertInvitee, upsertScheduledEvent } from "@/features/calendly/sync/upsert-records";
import { AppError } from "@/lib/errors";

/** A realtor's recurring series: listing them, and "cancel remaining" (future sessions only, through Calendly). */
export interface SeriesSessionDto {
  uuid: string;
  start: string;
  end: string;
  status: "active" | "canceled";
}

export interface SeriesDto {
  id: string;
  frequency: "weekly" | "biweekly";
  eventTypeName: string;
  coachName: string;
  createdAt: string;
  remainingCanceledAt: string | null;
  sessions: SeriesSessionDto[];
  notBooked: Array<{ start: string; reason: string | null }>;
  /** Active sessions that have not started: what "cancel remaining" would cancel. */
  remaining: number;
}

export const cancelRemainingBodySchema = z.object({
  reason: z.string().trim().min(1, "Give a reason.").max(500, "At most 500 characters.").default("Series canceled in Sessionly"),
});

async function seriesRowsFor(filter: { realtorUserId?: string; id?: string }) {
  return getDb()
    .select({ series: bookingSeries, eventTypeName: eventTypes.name, coachName: users.name })
    .from(bookingSeries)
    .leftJoin(eventTypes, eq(eventTypes.uri, bookingSeries.eventTypeUri))
    .leftJoin(users, eq(users.id, bookingSeries.coachUserId))
    .where(and(filter.realtorUserId ? eq(bookingSeries.realtorUserId, filter.realtorUserId) : undefined, filter.id ? eq(bookingSeries.id, filter.id) : undefined))
    .orderBy(desc(bookingSeries.createdAt));
}

export async function listMySeries(realtor: Pick<CurrentUser, "id">, now = new Date()): Promise<SeriesDto[]> {
  const rows = await seriesRowsFor({ realtorUserId: realtor.id });
  if (rows.length === 0) return [];
  const sessions = await getDb()
    .select({ uuid: scheduledEvents.uuid, seriesId: scheduledEvents.seriesId, start: scheduledEvents.startTime, end: scheduledEvents.endTime, status: scheduledEvents.status })
    .from(scheduledEvents)
    .where(inArray(scheduledEvents.seriesId, rows.map((row) => row.series.id)))
    .orderBy(asc(scheduledEvents.startTime));
  return rows.map(({ series, eventTypeName, coachName }) => {
    const own = sessions.filter((session) => session.seriesId === series.id);
    return {
      id: series.id,
      frequency: series.frequency,
      eventTypeName: eventTypeName ?? "Session",
      coachName: coachName ?? "Coach",
      createdAt: series.createdAt.toISOString(),
      remainingCanceledAt: series.remainingCanceledAt?.toISOString() ?? null,
      sessions: own.map((session) => ({ uuid: session.uuid, start: session.start.toISOString(), end: session.end.toISOString(), status: session.status })),
      notBooked: series.outcomes.filter((item) => item.status !== "booked").map((item) => ({ start: item.start, reason: item.reason ?? null })),
      remaining: own.filter((session) => session.status === "active" && session.start > now).length,
    };
  });
}

export interface CancelRemainingResultDto {
  seriesId: string;
  results: Array<{ sessionUuid: string; start: string; status: "canceled" | "failed"; reason?: string }>;
  keptPast: number;
}

/** Cancels the series' sessions that have not started yet; started or past ones are kept. Per-session results. */
export async function cancelSeriesRemaining(
  actor: Pick<CurrentUser, "id" | "role" | "name">,
  scope: Scope,
  seriesId: string,
  reason: string,
  request?: { ip?: string; userAgent?: string | null },
): Promise<CancelRemainingResultDto> {
  const [row] = await seriesRowsFor({ id: seriesId });
  if (!row || (scope === "own" && row.series.realtorUserId !== actor.id)) throw notFound("That series");
  const now = new Date();
  const sessions = await getDb().select().from(scheduledEvents).where(eq(scheduledEvents.seriesId, seriesId)).orderBy(asc(scheduledEvents.startTime));
  const future = sessions.filter((session) => session.status === "active" && session.startTime > now);
  const keptPast = sessions.filter((session) => session.status === "active" && session.startTime <= now).length;
  if (future.length === 0) throw new AppError("conflict", "Nothing left to cancel: every session in this series has started, ended or was already canceled.");

  const results: CancelRemainingResultDto["results"] = [];
  for (const session of future) {
    if (!session.connectionId) {
      results.push({ sessionUuid: session.uuid, start: session.startTime.toISOString(), status: "failed", reason: "The coach's Calendly is no longer connected." });
      continue;
    }
    const client = calendlyClientForConnection(session.connectionId);
    try {
      try {
        await client.cancelScheduledEvent(session.uri, reason);
      } catch (error) {
        // Already canceled in Calendly (e.g. by the coach): bring the copy up to date all the same.
        if (!(error instanceof CalendlyApiError && error.status === 403 && /already canceled/i.test(error.calendlyMessage))) throw error;
      }
      const event = await client.getScheduledEvent(session.uri);
      const invitees = await client.listEventInvitees(session.uri, { count: 100 });
      await readySyncHooks();
      await getDb().transaction(async (tx) => {
        await upsertScheduledEvent(tx, { connectionId: session.connectionId, coachUserId: session.coachUserId }, event);
        for (const invitee of invitees.collection) {
          await upsertInvitee(tx, session.uuid, invitee);
          await onInviteeSynced(tx, { inviteeUri: invitee.uri, eventUuid: session.uuid, coachUserId: session.coachUserId, source: "app" });
        }
        await recordAudit(
          { ...userActor(actor, request), action: "session.canceled", targetType: "session", targetId: uuidFromUri(event.uri), reason, operationId: seriesId, metadata: { seriesId } },
          tx,
        );
      });
      results.push({ sessionUuid: session.uuid, start: session.startTime.toISOString(), status: "canceled" });
    } catch (error) {
      const mapped = toAppError(error);
      results.push({ sessionUuid: session.uuid, start: session.startTime.toISOString(), status: "failed", reason: mapped instanceof Error ? mapped.message : "Calendly refused." });
    }
  }
  if (results.some((result) => result.status === "canceled")) {
    await getDb().update(bookingSeries).set({ remainingCanceledAt: now }).where(eq(bookingSeries.id, seriesId));
  }
  return { seriesId, results, keptPast };
}
