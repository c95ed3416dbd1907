import { env } from "@/lib/env";

/**
 * Where Calendly is and how Sessionly identifies itself to it. With no Calendly settings, Sessionly talks to the
 * embedded emulator, whose seeded OAuth app matches the defaults below (a test checks they agree); with
 * `CALENDLY_API_BASE` and OAuth credentials it talks to real Calendly. Nothing else changes.
 */
export const EMBEDDED_CALENDLY_APP = {
  clientId: "sessionly-dev-client",
  clientSecret: "sessionly-dev-secret",
  webhookSigningKey: "sessionly-dev-webhook-signing-key",
} as const;

export interface CalendlyConfig {
  apiBase: string;
  authBase: string;
  clientId: string | null;
  clientSecret: string | null;
  /** The OAuth app's webhook signing key (one per app, from its registration). */
  appWebhookSigningKey: string | null;
  /** An admin-configured personal access token for single-organization use. */
  personalAccessToken: string | null;
  redirectUri: string;
  webhookUrlBase: string;
  webhookToleranceSeconds: number;
  usesEmulator: boolean;
}

export function calendlyConfig(): CalendlyConfig {
  const config = env();
  const embedded = config.usesEmulator;
  return {
    apiBase: config.CALENDLY_API_BASE,
    authBase: config.CALENDLY_AUTH_BASE,
    clientId: config.CALENDLY_CLIENT_ID ?? (embedded ? EMBEDDED_CALENDLY_APP.clientId : null),
    clientSecret: config.CALENDLY_CLIENT_SECRET ?? (embedded ? EMBEDDED_CALENDLY_APP.clientSecret : null),
    appWebhookSigningKey: config.CALENDLY_WEBHOOK_SIGNING_KEY ?? (embedded ? EMBEDDED_CALENDLY_APP.webhookSigningKey : null),
    personalAccessToken: config.CALENDLY_PAT ?? null,
    redirectUri: `${config.APP_URL}/api/calendly/oauth/callback`,
    webhookUrlBase: `${config.APP_URL}/api/webhooks/calendly`,
    webhookToleranceSeconds: config.CALENDLY_WEBHOOK_TOLERANCE_SECONDS,
    usesEmulator: embedded,
  };
}

/** The UUID at the end of a Calendly resource URI. */
export function uuidFromUri(uri: string): string {
  const last = uri.split("?")[0].replace(/\/$/, "").split("/").pop();
  if (!last) throw new Error(`Not a Calendly resource URI: ${uri}`);
  return last;
}
