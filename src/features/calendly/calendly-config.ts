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

/**
 * Where Calendly's embed lives: the popup script, and the origin its pages (and their `postMessage` events) come
 * from. The emulator serves both from its own base; real Calendly serves pages from calendly.com and the script from
 * assets.calendly.com.
 */
export interface CalendlyEmbedConfig {
  /** URL of `widget.js`. */
  scriptUrl: string;
  /** Origin of the booking pages shown in the popup (and of their `calendly.*` window messages). */
  pageOrigin: string;
  /** Origins the page must allow for scripts and frames (CSP). */
  origins: string[];
}

export function calendlyEmbedConfig(): CalendlyEmbedConfig {
  const config = calendlyConfig();
  if (config.usesEmulator) {
    const origin = new URL(config.apiBase).origin;
    return { scriptUrl: `${origin}/assets/external/widget.js`, pageOrigin: origin, origins: [origin] };
  }
  return {
    scriptUrl: "https://assets.calendly.com/assets/external/widget.js",
    pageOrigin: "https://calendly.com",
    origins: ["https://calendly.com", "https://assets.calendly.com"],
  };
}
