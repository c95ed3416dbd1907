/**
 * The one declarative role × permission table. Every route, page and server action checks it on the server;
 * the UI may use it to hide what a role cannot do, but the server is the authority.
 *
 * A grant is `own` (only resources the user owns: a coach's own sessions, a realtor's own bookings) or `any`.
 */
export const ROLES = ["admin", "coach", "realtor"] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "dashboard.view",
  "profile.read",
  "profile.update",
  "users.read",
  "users.manage",
  "calendly.connect",
  "calendly.connections.read",
  "calendly.sync",
  "event_types.read",
  "event_types.manage",
  "availability.read",
  "availability.manage",
  "coaches.read",
  "bookings.create",
  "sessions.read",
  "sessions.cancel",
  "sessions.reschedule",
  "sessions.export",
  "invitees.read",
  "invitees.mark_no_show",
  "analytics.read",
  "reports.read",
  "audit.read",
  "notifications.read",
  "notifications.manage",
  "mailbox.read",
  "jobs.read",
  "jobs.manage",
  "privacy.export",
  "privacy.erase",
  "privacy.retention",
  "legal.manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];
export type Scope = "own" | "any";

export const PERMISSION_TABLE: Record<Role, Partial<Record<Permission, Scope>>> = {
  admin: Object.fromEntries(PERMISSIONS.map((permission) => [permission, "any"])) as Record<Permission, Scope>,
  coach: {
    "dashboard.view": "own",
    "profile.read": "own",
    "profile.update": "own",
    "calendly.connect": "own",
    "calendly.sync": "own",
    "event_types.read": "own",
    "event_types.manage": "own",
    "availability.read": "own",
    "availability.manage": "own",
    "coaches.read": "any",
    "sessions.read": "own",
    "sessions.cancel": "own",
    "sessions.reschedule": "own",
    "sessions.export": "own",
    "invitees.read": "own",
    "invitees.mark_no_show": "own",
    "analytics.read": "own",
    "reports.read": "own",
    "notifications.read": "own",
    "notifications.manage": "own",
    "privacy.export": "own",
    "privacy.erase": "own",
  },
  realtor: {
    "dashboard.view": "own",
    "profile.read": "own",
    "profile.update": "own",
    "coaches.read": "any",
    "event_types.read": "any",
    "availability.read": "any",
    "bookings.create": "own",
    "sessions.read": "own",
    "sessions.cancel": "own",
    "sessions.reschedule": "own",
    "sessions.export": "own",
    "invitees.read": "own",
    "analytics.read": "own",
    "notifications.read": "own",
    "notifications.manage": "own",
    "privacy.export": "own",
    "privacy.erase": "own",
  },
};

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** The scope a role holds for a permission, or `null` when it holds none. */
export function scopeOf(role: Role, permission: Permission): Scope | null {
  return PERMISSION_TABLE[role][permission] ?? null;
}

export function can(role: Role, permission: Permission): boolean {
  return scopeOf(role, permission) !== null;
}

/** Whether `role` may act on a resource, given whether the acting user owns it. */
export function canOn(role: Role, permission: Permission, ownsResource: boolean): boolean {
  const scope = scopeOf(role, permission);
  return scope === "any" || (scope === "own" && ownsResource);
}
