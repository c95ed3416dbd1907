import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { DateTime } from "luxon";
import type { CurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { privacyRetentionRuns } from "@/lib/db/schema";
import { logger } from "@/lib/logger";
import { recordAudit } from "@/features/audit/record-audit";
import { retentionMonths } from "./privacy-config";
import { scrubInvitees, scrubSessions } from "./scrub-invitees";

/**
 * Retention: invitees' personal data (names, emails, answers) of sessions that started more than N months ago is
 * purged in place; session rows, states and counts stay, so analytics keep working. A dry run only counts. Each
 * run is stored, logged and audited; real runs work in batches so no transaction holds the database for long.
 */
export interface RetentionOptions {
  dryRun: boolean;
  months?: number;
  trigger: "admin" | "job" | "cli";
  actor?: CurrentUser | null;
  request?: { ip?: string; userAgent?: string | null };
  now?: Date;
  batchSize?: number;
}

export interface RetentionResult {
  runId: string;
  dryRun: boolean;
  months: number;
  cutoff: string;
  sessionsMatched: number;
  inviteesMatched: number;
  inviteesPurged: number;
  webhookPayloadsPurged: number;
}

const notYetPurged = sql`not exists (select 1 from privacy_purged_invitees p where p.invitee_uuid = i.uuid)`;

export async function runRetention(options: RetentionOptions): Promise<RetentionResult> {
  const months = options.months ?? retentionMonths();
  const now = options.now ?? new Date();
  const cutoff = DateTime.fromJSDate(now, { zone: "UTC" }).minus({ months }).toJSDate();
  const batchSize = options.batchSize ?? 1_000;
  const db = getDb();
  const oldSession = sql`e.start_time < ${cutoff}`;

  const [counts] = (
    await db.execute<{ sessions: number; invitees: number }>(sql`
      select count(distinct e.uuid)::int as sessions, count(*)::int as invitees
        from calendly_invitees i join calendly_scheduled_events e on e.uuid = i.event_uuid
       where ${oldSession} and ${notYetPurged}`)
  ).rows;
  const [{ payloads }] = (
    await db.execute<{ payloads: number }>(sql`
      select count(*)::int as payloads from calendly_webhook_deliveries
       where received_at < ${cutoff} and status <> 'pending' and not (payload ? 'purged')`)
  ).rows;

  const [run] = await db
    .insert(privacyRetentionRuns)
    .values({ dryRun: options.dryRun, months, cutoff, trigger: options.trigger, actorUserId: options.actor?.id ?? null, sessionsMatched: counts.sessions, inviteesMatched: counts.invitees })
    .returning({ id: privacyRetentionRuns.id });

  let inviteesPurged = 0;
  let webhookPayloadsPurged = 0;
  if (!options.dryRun) {
    for (;;) {
      const purged = await db.transaction(async (tx) => {
        const uuids = await scrubInvitees(
          tx,
          sql`i.uuid in (select i.uuid from calendly_invitees i join calendly_scheduled_events e on e.uuid = i.event_uuid
                          where ${oldSession} and ${notYetPurged} limit ${batchSize})`,
          { reason: "retention" },
        );
        return uuids.length;
      });
      inviteesPurged += purged;
      if (purged < batchSize) break;
    }
    await scrubSessions(db, sql`e.start_time < ${cutoff} and (e.guests <> '[]'::jsonb or e.cancel_reason is not null or e.canceled_by is not null)`);
    const payloadResult = await db.execute(sql`
      update calendly_webhook_deliveries
         set payload = jsonb_build_object('event', payload->'event', 'purged', true)
       where received_at < ${cutoff} and status <> 'pending' and not (payload ? 'purged')`);
    webhookPayloadsPurged = payloadResult.rowCount ?? 0;
  }

  const operationId = randomUUID();
  await db.transaction(async (tx) => {
    await tx
      .update(privacyRetentionRuns)
      .set({ inviteesPurged, webhookPayloadsPurged: options.dryRun ? payloads : webhookPayloadsPurged, finishedAt: new Date() })
      .where(eq(privacyRetentionRuns.id, run.id));
    await recordAudit(
      {
        actorType: options.actor ? options.actor.role : "system",
        actorUserId: options.actor?.id ?? null,
        actorLabel: options.actor?.name ?? (options.trigger === "job" ? "Retention job" : "Retention command"),
        source: options.trigger === "admin" ? "web" : options.trigger === "job" ? "job" : "system",
        action: options.dryRun ? "privacy.retention_dry_run" : "privacy.retention_purged",
        targetType: "retention_run",
        targetId: run.id,
        operationId,
        metadata: { months, cutoff: cutoff.toISOString(), sessionsMatched: counts.sessions, inviteesMatched: counts.invitees, inviteesPurged, webhookPayloads: options.dryRun ? payloads : webhookPayloadsPurged },
        ipAddress: options.request?.ip ?? null,
        userAgent: options.request?.userAgent ?? null,
      },
      tx,
    );
  });

  const result: RetentionResult = {
    runId: run.id,
    dryRun: options.dryRun,
    months,
    cutoff: cutoff.toISOString(),
    sessionsMatched: counts.sessions,
    inviteesMatched: counts.invitees,
    inviteesPurged,
    webhookPayloadsPurged: options.dryRun ? payloads : webhookPayloadsPurged,
  };
  logger.info({ ...result }, options.dryRun ? "retention dry run" : "retention purge finished");
  return result;
}
