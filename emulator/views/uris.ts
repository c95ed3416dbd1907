// Builds every Calendly URI from one configurable base (publicUrl).
export interface Uris {
  base: string;
  user(uuid: string): string;
  organization(uuid: string): string;
  membership(uuid: string): string;
  eventType(uuid: string): string;
  schedule(uuid: string): string;
  event(uuid: string): string;
  invitee(eventUuid: string, inviteeUuid: string): string;
  noShow(uuid: string): string;
  webhook(uuid: string): string;
  cancelUrl(inviteeUuid: string): string;
  rescheduleUrl(inviteeUuid: string): string;
  userSchedulingUrl(slug: string): string;
  eventTypeSchedulingUrl(userSlug: string, eventSlug: string): string;
}

export function createUris(publicUrl: string): Uris {
  const base = publicUrl.replace(/\/+$/, "");
  return {
    base,
    user: (uuid) => `${base}/users/${uuid}`,
    organization: (uuid) => `${base}/organizations/${uuid}`,
    membership: (uuid) => `${base}/organization_memberships/${uuid}`,
    eventType: (uuid) => `${base}/event_types/${uuid}`,
    schedule: (uuid) => `${base}/user_availability_schedules/${uuid}`,
    event: (uuid) => `${base}/scheduled_events/${uuid}`,
    invitee: (eventUuid, inviteeUuid) => `${base}/scheduled_events/${eventUuid}/invitees/${inviteeUuid}`,
    noShow: (uuid) => `${base}/invitee_no_shows/${uuid}`,
    webhook: (uuid) => `${base}/webhook_subscriptions/${uuid}`,
    cancelUrl: (inviteeUuid) => `${base}/cancellations/${inviteeUuid}`,
    rescheduleUrl: (inviteeUuid) => `${base}/reschedulings/${inviteeUuid}`,
    userSchedulingUrl: (slug) => `${base}/${slug}`,
    eventTypeSchedulingUrl: (userSlug, eventSlug) => `${base}/${userSlug}/${eventSlug}`,
  };
}

const UUID_TAIL = /\/([^/?#]+)\/?$/;

/** The trailing path segment of a URI that must start with `${base}/${collection}/`; null otherwise. */
export function uuidFromUri(uris: Uris, collection: string, uri: string | null | undefined): string | null {
  if (!uri) return null;
  const prefix = `${uris.base}/${collection}/`;
  if (!uri.startsWith(prefix)) return null;
  const match = UUID_TAIL.exec(uri.slice(prefix.length - 1));
  return match ? decodeURIComponent(match[1]) : null;
}
