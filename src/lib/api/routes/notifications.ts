import type { RouteAccess } from "./access";

// Notification preferences, session notifications, outbox mailbox, failed jobs, unsubscribe.
export const NOTIFICATIONS_ROUTES = {
  "GET /api/settings/notifications": "notifications.read",
  "PUT /api/settings/notifications": "notifications.manage",
  "GET /api/sessions/[uuid]/notifications": "notifications.read",
  "GET /api/admin/mailbox": "mailbox.read",
  "GET /api/admin/mailbox/[id]": "mailbox.read",
  "GET /api/admin/jobs": "jobs.read",
  "POST /api/admin/jobs/[id]/retry": "jobs.manage",
  "POST /api/admin/mailbox/[id]/retry": "jobs.manage",
  "POST /api/unsubscribe": "public",
} as const satisfies Record<string, RouteAccess>;
