import { calendlyConfig } from "./calendly-config";
import { createCalendlyClient, type CalendlyClient } from "./client/client";
import { getAccessToken } from "./connection/connection-tokens";
import { env } from "@/lib/env";
import { logger } from "@/lib/logger";

/**
 * The Calendly client acting as one coach's connection: tokens come from the encrypted store, are refreshed ahead
 * of expiry and once more on a 401.
 */
/** Retry tuning, from the validated environment (tests shorten the waits; production keeps Calendly's pace). */
function tuning() {
  const config = env();
  return { baseDelayMs: config.CALENDLY_RETRY_BASE_MS, maxRateLimitWaitMs: config.CALENDLY_MAX_RATE_LIMIT_WAIT_MS };
}

export function calendlyClientForConnection(connectionId: string, options: { onRequest?: () => void } = {}): CalendlyClient {
  return createCalendlyClient({
    apiBase: calendlyConfig().apiBase,
    getAccessToken: () => getAccessToken(connectionId),
    onUnauthorized: async () => getAccessToken(connectionId, { force: true }),
    logger,
    ...tuning(),
    ...(options.onRequest ? { onRequest: options.onRequest } : {}),
  });
}

/** A client for a raw token (used while a connection is being created). */
export function calendlyClientForToken(token: string): CalendlyClient {
  return createCalendlyClient({ apiBase: calendlyConfig().apiBase, getAccessToken: async () => token, logger, ...tuning() });
}
