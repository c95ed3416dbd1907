// Turns an event type's location configuration (plus the invitee's choice) into a scheduled event's location.
import type { EventLocation, LocationConfig, LocationKind } from "../store/types";
import { invalid } from "./errors";

export interface LocationChoice {
  kind: string;
  location?: string | null;
}

const KIND_ALIASES: Record<string, LocationKind> = {
  zoom: "zoom_conference",
  gotomeeting: "gotomeeting_conference",
  microsoft_teams: "microsoft_teams_conference",
  webex: "webex_conference",
};

export function normalizeLocationKind(kind: string): string {
  return KIND_ALIASES[kind] ?? kind;
}

function digitsFrom(seed: string, length: number): string {
  let out = "";
  for (let i = 0; out.length < length; i += 1) out += (seed.charCodeAt(i % seed.length) * (i + 7)) % 10;
  return out;
}

function conferenceLocation(kind: LocationKind, eventUuid: string, publicUrl: string): EventLocation {
  const meetingId = digitsFrom(eventUuid, 11);
  switch (kind) {
    case "google_conference":
      return { type: "google_conference", status: "pushed", join_url: `${publicUrl}/events/${eventUuid}/google_meet` };
    case "zoom_conference":
      return {
        type: "zoom",
        status: "pushed",
        join_url: `https://zoom.emulator.test/j/${meetingId}`,
        data: {
          id: Number(meetingId),
          password: meetingId.slice(0, 6),
          settings: { global_dial_in_numbers: [{ number: "+1 646 558 8656", country: "US", type: "toll", city: "New York", country_name: "US" }] },
          extra: { intl_numbers_url: "https://zoom.emulator.test/u/international" },
        },
      };
    case "gotomeeting_conference":
      return {
        type: "gotomeeting",
        status: "pushed",
        join_url: `https://meet.goto.emulator.test/${meetingId}`,
        data: { uniqueMeetingId: Number(meetingId), conferenceCallInfo: "United States: +1 (571) 317-3122 Access Code: 123-456-789" },
      };
    case "microsoft_teams_conference":
      return {
        type: "microsoft_teams_conference",
        status: "pushed",
        join_url: `https://teams.emulator.test/l/meetup-join/${eventUuid}`,
        data: { id: eventUuid, audioConferencing: { conferenceId: meetingId.slice(0, 9), dialinUrl: "https://dialin.teams.emulator.test", tollNumber: "+1 323-849-4874" } },
      };
    default:
      return {
        type: "webex_conference",
        status: "pushed",
        join_url: `https://emulator.webex.test/meet/${meetingId}`,
        data: { id: meetingId, password: meetingId.slice(0, 6), telephony: { callInNumbers: [{ label: "US Toll", callInNumber: "+1-408-525-6800", tollType: "toll" }] } },
      };
  }
}

function textLocation(config: LocationConfig, choice: LocationChoice | undefined): EventLocation {
  const given = choice?.location ?? null;
  switch (config.kind) {
    case "physical":
      return { type: "physical", location: given ?? config.location ?? "", additional_info: config.additionalInfo };
    case "inbound_call":
      return { type: "inbound_call", location: config.phoneNumber ?? config.location ?? "", additional_info: config.additionalInfo };
    case "outbound_call":
      if (!given) throw invalid("location.location", "must be filled");
      return { type: "outbound_call", location: given };
    case "ask_invitee":
      if (!given) throw invalid("location.location", "must be filled");
      return { type: "ask_invitee", location: given };
    default:
      return { type: "custom", location: given ?? config.location };
  }
}

const CONFERENCES: LocationKind[] = [
  "google_conference",
  "zoom_conference",
  "gotomeeting_conference",
  "microsoft_teams_conference",
  "webex_conference",
];

/** Resolves the location for a new event; throws 400 when the choice does not match the event type. */
export function buildEventLocation(
  configs: LocationConfig[],
  choice: LocationChoice | undefined | null,
  eventUuid: string,
  publicUrl: string,
): EventLocation | null {
  if (configs.length === 0) return null;
  const config = choice
    ? configs.find((c) => c.kind === normalizeLocationKind(choice.kind))
    : [...configs].sort((a, b) => a.position - b.position)[0];
  if (!config) throw invalid("location.kind", "is not a location configured on this event type");
  if (CONFERENCES.includes(config.kind)) return conferenceLocation(config.kind, eventUuid, publicUrl);
  return textLocation(config, choice ?? undefined);
}
