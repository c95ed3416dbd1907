import type { SessionLocation } from "@/lib/db/schema";

/**
 * Calendly location kinds, as the session details show them. Calendly names some kinds two ways (`zoom` on the
 * event, `zoom_conference` on the event type), so both map to one kind.
 */
export const LOCATION_KINDS = [
  "in_person",
  "outbound_call",
  "inbound_call",
  "zoom",
  "google_meet",
  "teams",
  "webex",
  "goto",
  "custom",
  "ask_invitee",
  "unknown",
] as const;
export type LocationKind = (typeof LOCATION_KINDS)[number];

const KIND_BY_TYPE: Record<string, LocationKind> = {
  physical: "in_person",
  outbound_call: "outbound_call",
  inbound_call: "inbound_call",
  zoom: "zoom",
  zoom_conference: "zoom",
  google_conference: "google_meet",
  microsoft_teams_conference: "teams",
  webex_conference: "webex",
  gotomeeting: "goto",
  gotomeeting_conference: "goto",
  custom: "custom",
  ask_invitee: "ask_invitee",
};

export const LOCATION_LABELS: Record<LocationKind, string> = {
  in_person: "In person",
  outbound_call: "Phone call (the coach calls)",
  inbound_call: "Phone call (call the coach)",
  zoom: "Zoom",
  google_meet: "Google Meet",
  teams: "Microsoft Teams",
  webex: "Webex",
  goto: "GoTo Meeting",
  custom: "Custom location",
  ask_invitee: "Location given by the invitee",
  unknown: "Location",
};

export interface LocationDto {
  kind: LocationKind;
  label: string;
  /** Address, phone number or free text, when Calendly gives one. */
  detail: string | null;
  joinUrl: string | null;
}

function safeHttpUrl(value: unknown): string | null {
  if (typeof value !== "string") return null;
  try {
    const url = new URL(value);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
  } catch {
    return null;
  }
}

export function locationDto(location: SessionLocation): LocationDto | null {
  if (!location || typeof location !== "object") return null;
  const kind = KIND_BY_TYPE[String(location.type)] ?? "unknown";
  const detail = typeof location.location === "string" && location.location.trim() ? location.location.trim() : null;
  return { kind, label: LOCATION_LABELS[kind], detail, joinUrl: safeHttpUrl(location.join_url) };
}
