import type { RouteAccess } from "./access";

// Invitee lists, no-shows, attendance.
export const INVITEES_ROUTES = {
  "GET /api/events/[uuid]/invitees": "invitees.read",
  "GET /api/invitees": "invitees.read",
  "POST /api/no_shows": "invitees.mark_no_show",
  "DELETE /api/no_shows/[id]": "invitees.mark_no_show",
  "POST /api/no_shows/bulk": "invitees.mark_no_show",
  "GET /api/realtors/[userId]/attendance": "invitees.read",
} as const satisfies Record<string, RouteAccess>;
