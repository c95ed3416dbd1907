import { calendlyConfig } from "./calendly-config";
import { createCalendlyClient, type CalendlyClient } from "./client/client";
import { getAccessToken } from "./connection/connection-tokens";
import { logger } from "@/lib/logger";

/**
 * The Calendly client acting as one coach's connection: tokens come from the encrypted store, are refreshed ahead
 * of expiry and once more on a 401.
 */
export function calendlyClientForConnection(connectionId: string, options: { onRequest?: () => void } = {}): CalendlyClient {
  return createCalendlyClient({
    apiBase: calendlyConfig().apiBase,
    getAccessToken: () => getAccessToken(connectionId),
    onUnauthorized: async () => getAccessToken(connectionId, { force: true }),
    logger,
    ...(options.onRequest ? { onRequest: options.onRequest } : {}),
  });
}

/** A client for a raw token (used while a connection is being created). */
export function calendlyClientForToken(token: string): CalendlyClient {
  return createCalendlyClient({ apiBase: calendlyConfig().apiBase, getAccessToken: async () => token, logger });
}
