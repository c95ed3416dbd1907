import { desc, eq, sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { calendlyConnections, eventTypes, syncRuns, user } from "@/lib/db/schema";
import type { ConnectionRow } from "./connection-repository";

/** What a coach (or an admin, for every coach) sees of a connection's health. No tokens, ever. */
export interface ConnectionStatusDto {
  id: string;
  coach: { id: string; name: string; email: string };
  status: "connected" | "needs_reauth" | "disconnected";
  authKind: "oauth" | "pat";
  calendly: { userUri: string; name: string | null; email: string | null; schedulingUrl: string | null; timeZone: string | null; organizationRole: string | null };
  webhooks: { subscribed: boolean; lastReceivedAt: string | null };
  lastSyncedAt: string | null;
  lastError: string | null;
  lastErrorAt: string | null;
  syncProgress: ConnectionRow["syncProgress"];
  offeredEventTypes: number;
  connectedAt: string;
  lastRun: { kind: string; status: string; startedAt: string; finishedAt: string | null; eventsRepaired: number; inviteesRepaired: number } | null;
}

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export async function listConnectionStatuses(filter: { userId?: string } = {}): Promise<ConnectionStatusDto[]> {
  const db = getDb();
  const rows = await db
    .select({
      connection: calendlyConnections,
      coachName: user.name,
      coachEmail: user.email,
      offered: sql<number>`(select count(*)::int from ${eventTypes} et where et.connection_id = ${calendlyConnections.id} and et.offered and et.deleted_at is null)`,
    })
    .from(calendlyConnections)
    .innerJoin(user, eq(user.id, calendlyConnections.userId))
    .where(filter.userId ? eq(calendlyConnections.userId, filter.userId) : undefined)
    .orderBy(user.name);
  const result: ConnectionStatusDto[] = [];
  for (const row of rows) {
    const connection = row.connection;
    const [lastRun] = await db.select().from(syncRuns).where(eq(syncRuns.connectionId, connection.id)).orderBy(desc(syncRuns.startedAt)).limit(1);
    result.push({
      id: connection.id,
      coach: { id: connection.userId, name: row.coachName, email: row.coachEmail },
      status: connection.status,
      authKind: connection.authKind,
      calendly: {
        userUri: connection.calendlyUserUri,
        name: connection.calendlyName,
        email: connection.calendlyEmail,
        schedulingUrl: connection.schedulingUrl,
        timeZone: connection.timeZone,
        organizationRole: connection.organizationRole,
      },
      webhooks: { subscribed: Boolean(connection.webhookSubscriptionUri), lastReceivedAt: iso(connection.lastWebhookAt) },
      lastSyncedAt: iso(connection.lastSyncedAt),
      lastError: connection.lastError,
      lastErrorAt: iso(connection.lastErrorAt),
      syncProgress: connection.syncProgress,
      offeredEventTypes: row.offered,
      connectedAt: connection.connectedAt.toISOString(),
      lastRun: lastRun
        ? {
            kind: lastRun.kind,
            status: lastRun.status,
            startedAt: lastRun.startedAt.toISOString(),
            finishedAt: iso(lastRun.finishedAt),
            eventsRepaired: lastRun.eventsRepaired,
            inviteesRepaired: lastRun.inviteesRepaired,
          }
        : null,
    });
  }
  return result;
}
