import { desc } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { privacyErasures, privacyRetentionRuns } from "@/lib/db/schema";
import { retentionMonths } from "./privacy-config";

/** What /admin/privacy shows: the retention setting, recent retention runs and recent erasures (no identities). */
export interface PrivacyOverviewDto {
  retentionMonths: number;
  retentionRuns: Array<{
    id: string;
    dryRun: boolean;
    months: number;
    cutoff: string;
    trigger: string;
    sessionsMatched: number;
    inviteesMatched: number;
    inviteesPurged: number;
    webhookPayloadsPurged: number;
    startedAt: string;
    finishedAt: string | null;
  }>;
  erasures: Array<{
    id: string;
    subjectPseudonym: string;
    requestedBy: string;
    status: string;
    sessionsCanceled: number;
    cancellationFailures: number;
    inviteesScrubbed: number;
    auditRowsPseudonymized: number;
    calendlyDeletion: { status: string; detail: string } | null;
    createdAt: string;
    completedAt: string | null;
  }>;
}

export async function getPrivacyOverview(): Promise<PrivacyOverviewDto> {
  const db = getDb();
  const runs = await db.select().from(privacyRetentionRuns).orderBy(desc(privacyRetentionRuns.startedAt)).limit(20);
  const erasures = await db.select().from(privacyErasures).orderBy(desc(privacyErasures.createdAt)).limit(20);
  return {
    retentionMonths: retentionMonths(),
    retentionRuns: runs.map((run) => ({
      id: run.id,
      dryRun: run.dryRun,
      months: run.months,
      cutoff: run.cutoff.toISOString(),
      trigger: run.trigger,
      sessionsMatched: run.sessionsMatched,
      inviteesMatched: run.inviteesMatched,
      inviteesPurged: run.inviteesPurged,
      webhookPayloadsPurged: run.webhookPayloadsPurged,
      startedAt: run.startedAt.toISOString(),
      finishedAt: run.finishedAt?.toISOString() ?? null,
    })),
    erasures: erasures.map((erasure) => ({
      id: erasure.id,
      subjectPseudonym: erasure.subjectPseudonym,
      requestedBy: erasure.requestedBy,
      status: erasure.status,
      sessionsCanceled: erasure.sessionsCanceled,
      cancellationFailures: erasure.cancellationFailures.length,
      inviteesScrubbed: erasure.inviteesScrubbed,
      auditRowsPseudonymized: erasure.auditRowsPseudonymized,
      calendlyDeletion: erasure.calendlyDeletion ?? null,
      createdAt: erasure.createdAt.toISOString(),
      completedAt: erasure.completedAt?.toISOString() ?? null,
    })),
  };
}
