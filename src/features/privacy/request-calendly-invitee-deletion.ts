import { z } from "zod";
import { and, eq, inArray } from "drizzle-orm";
import { calendlyConfig } from "@/features/calendly/calendly-config";
import { CalendlyApiError, CalendlyError } from "@/features/calendly/client";
import { createTransport } from "@/features/calendly/client/transport";
import { getAccessToken } from "@/features/calendly/connection/connection-tokens";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { calendlyConnections, type CalendlyDeletionOutcome } from "@/lib/db/schema";
import { logger } from "@/lib/logger";

/**
 * Asks Calendly to delete an invitee's data across the organization (`POST /data_compliance/deletion/invitees`).
 * Calendly only offers this on Enterprise plans, to an owner/admin with the data-requests permission, so the answer
 * is often "not available": that outcome is recorded with Calendly's reason instead of failing the erasure.
 * The request goes through the Calendly client's transport (bearer token from the encrypted store, retries, 429s).
 */
export async function requestCalendlyInviteeDeletion(emails: string[]): Promise<CalendlyDeletionOutcome> {
  if (emails.length === 0) return { status: "not_applicable", detail: "No email to ask Calendly about." };
  const connections = await getDb()
    .select({ id: calendlyConnections.id, organizationRole: calendlyConnections.organizationRole })
    .from(calendlyConnections)
    .where(and(eq(calendlyConnections.status, "connected"), inArray(calendlyConnections.organizationRole, ["owner", "admin"])));
  if (connections.length === 0) {
    return {
      status: "not_available",
      detail: "No connected coach is an owner or admin of the Calendly organization, which Calendly requires for data-deletion requests.",
    };
  }
  // Owners first: they are the likeliest to hold Calendly's data-requests permission.
  const connection = connections.sort((a, b) => (a.organizationRole === "owner" ? -1 : 0) - (b.organizationRole === "owner" ? -1 : 0))[0];
  const transport = createTransport({
    apiBase: calendlyConfig().apiBase,
    getAccessToken: () => getAccessToken(connection.id),
    onUnauthorized: () => getAccessToken(connection.id, { force: true }),
    fetch: globalThis.fetch,
    timeoutMs: 15_000,
    maxRetries: 2,
    maxRateLimitRetries: 2,
    maxRateLimitWaitMs: 30_000,
    baseDelayMs: env().CALENDLY_RETRY_BASE_MS,
    maxDelayMs: 10_000,
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
    random: Math.random,
    now: Date.now,
    logger,
  });
  try {
    await transport.send({ method: "POST", path: "/data_compliance/deletion/invitees", body: { emails } }, z.looseObject({}));
    return { status: "requested", detail: "Calendly accepted the deletion request (it can take up to 7 days to complete)." };
  } catch (error) {
    if (error instanceof CalendlyApiError) {
      if (error.status === 404 || error.status === 405) {
        return { status: "not_available", detail: `This Calendly API (${calendlyConfig().apiBase}) does not offer data-compliance deletion (HTTP ${error.status}).` };
      }
      if (error.status === 403 || error.status === 401) {
        return { status: "not_available", detail: `Calendly refused the deletion request (HTTP ${error.status}): ${error.calendlyMessage}` };
      }
      return { status: "failed", detail: `Calendly answered HTTP ${error.status}: ${error.calendlyMessage}` };
    }
    if (error instanceof CalendlyError) return { status: "failed", detail: error.message };
    logger.warn({ err: error }, "calendly data deletion request failed");
    return { status: "failed", detail: error instanceof Error ? error.message : "The request to Calendly failed." };
  }
}
