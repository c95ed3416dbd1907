// Calendly refers to resources by full URI; paths take the trailing UUID (REFERENCE §2.2). These helpers accept a
// URI or a bare UUID and check the URI names the expected collection, so a wrong reference fails before any request.

function pathSegments(uri: string): string[] {
  return new URL(uri).pathname.split("/").filter(Boolean).map(decodeURIComponent);
}

function isAbsoluteUrl(value: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\/\//i.test(value);
}

function assertUuid(value: string, what: string): string {
  if (!value || value.includes("/") || value.includes("?")) throw new TypeError(`Not a Calendly ${what} reference: ${value}`);
  return value;
}

/** `https://api.calendly.com/event_types/ABC` (or `ABC`) → `ABC`, checking the collection is `event_types`. */
export function uuidFromUri(uriOrUuid: string, collection: string): string {
  if (!isAbsoluteUrl(uriOrUuid)) return assertUuid(uriOrUuid, collection);
  const segments = pathSegments(uriOrUuid);
  const uuid = segments.at(-1);
  if (segments.at(-2) !== collection || !uuid) {
    throw new TypeError(`Expected a Calendly ${collection} URI, got ${uriOrUuid}`);
  }
  return uuid;
}

/** `…/scheduled_events/EV/invitees/INV` → `{ eventUuid: "EV", inviteeUuid: "INV" }`. */
export function inviteeUuidsFromUri(inviteeUri: string): { eventUuid: string; inviteeUuid: string } {
  const segments = isAbsoluteUrl(inviteeUri) ? pathSegments(inviteeUri) : [];
  const [inviteeUuid, invitees, eventUuid, events] = segments.slice(-4).reverse();
  if (events !== "scheduled_events" || invitees !== "invitees" || !eventUuid || !inviteeUuid) {
    throw new TypeError(`Expected a Calendly invitee URI (…/scheduled_events/{uuid}/invitees/{uuid}), got ${inviteeUri}`);
  }
  return { eventUuid, inviteeUuid };
}

/** Path segment encoding for a UUID taken from a URI. */
export function pathPart(value: string): string {
  return encodeURIComponent(value);
}
