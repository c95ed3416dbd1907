// OAuth/PAT scopes (REFERENCE §4): tokens without scopes have legacy full access; `:write` implies `:read`.
export const ALL_SCOPES = [
  "availability:read",
  "availability:write",
  "event_types:read",
  "event_types:write",
  "locations:read",
  "routing_forms:read",
  "shares:write",
  "scheduled_events:read",
  "scheduled_events:write",
  "scheduling_links:write",
  "groups:read",
  "organizations:read",
  "organizations:write",
  "users:read",
  "webhooks:read",
  "webhooks:write",
  "activity_log:read",
  "data_compliance:write",
  "outgoing_communications:read",
] as const;

export function parseScopeString(scope: string | null | undefined): string[] | null {
  if (!scope || scope.trim() === "" || scope.trim() === "default") return null;
  return [...new Set(scope.trim().split(/[\s+]+/))];
}

export function unknownScopes(scopes: string[]): string[] {
  return scopes.filter((s) => !(ALL_SCOPES as readonly string[]).includes(s));
}

export function hasScope(granted: string[] | null, required: string): boolean {
  if (granted === null) return true;
  if (granted.includes(required)) return true;
  return required.endsWith(":read") && granted.includes(required.replace(/:read$/, ":write"));
}

export function scopeString(scopes: string[] | null): string {
  return scopes === null ? "default" : scopes.join(" ");
}
