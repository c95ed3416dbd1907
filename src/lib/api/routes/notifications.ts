import type { RouteAccess } from "./access";

// Notification preferences, outbox, mailbox, unsubscribe.
export const NOTIFICATIONS_ROUTES = {} as const satisfies Record<string, RouteAccess>;
