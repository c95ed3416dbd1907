import type { RouteAccess } from "./access";

// Session lists, details, cancel, reschedule, calendar export, series.
export const SESSIONS_ROUTES = {
  "GET /api/calendly/scheduled_events": "sessions.read",
  "GET /api/calendly/sessions/[uuid]": "sessions.read",
  "POST /api/calendly/cancel_event/[uuid]": "sessions.cancel",
  "POST /api/calendly/cancel_events": "sessions.cancel",
  "POST /api/sessions/[uuid]/request_reschedule": "sessions.reschedule",
  "GET /api/sessions/[uuid]/ics": "sessions.export",
  "GET /api/sessions/ics": "sessions.export",
  "GET /api/calendar/feed": "sessions.export",
  "POST /api/calendar/feed": "sessions.export",
  "DELETE /api/calendar/feed": "sessions.export",
  // The subscription feed authenticates by its signed, revocable token (calendar apps send no cookies).
  "GET /api/calendar/[token]": "public",
} as const satisfies Record<string, RouteAccess>;
