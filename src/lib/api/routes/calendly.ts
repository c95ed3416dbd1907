import type { RouteAccess } from "./access";

// Calendly connection, event types, sync and webhooks in.
export const CALENDLY_ROUTES = {
  "POST /api/webhooks/calendly": "webhook",
  "GET /api/calendly/oauth/start": "calendly.connect",
  "GET /api/calendly/oauth/callback": "calendly.connect",
  "GET /api/calendly/connection": "calendly.connect",
  "POST /api/calendly/disconnect": "calendly.connect",
  "POST /api/calendly/sync": "calendly.sync",
  "GET /api/calendly/event-types": "event_types.read",
  "PATCH /api/calendly/event-types/[uuid]": "event_types.manage",
} as const satisfies Record<string, RouteAccess>;
