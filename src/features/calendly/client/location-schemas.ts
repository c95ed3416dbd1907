// `ScheduledEvent.location`: one variant per location type Calendly documents (REFERENCE §5.10), plus a fallback.
import { z } from "zod";

/** Conference providers fill `data` in their own shapes (Zoom ids are numbers, Teams ids strings); kept opaque. */
const conferenceData = z.looseObject({}).nullable().default(null);
const conferenceFields = {
  status: z.string().nullable().default(null), // initiated | processing | pushed | failed
  join_url: z.string().nullable().default(null),
  data: conferenceData,
};

const physicalLocation = z.looseObject({
  type: z.literal("physical"),
  location: z.string().nullable(),
  additional_info: z.string().nullable().optional(),
});
const outboundCallLocation = z.looseObject({ type: z.literal("outbound_call"), location: z.string().nullable() });
const inboundCallLocation = z.looseObject({ type: z.literal("inbound_call"), location: z.string().nullable() });
const customLocation = z.looseObject({ type: z.literal("custom"), location: z.string().nullable() });
const askInviteeLocation = z.looseObject({ type: z.literal("ask_invitee"), location: z.string().nullable() });
const googleConferenceLocation = z.looseObject({ type: z.literal("google_conference"), ...conferenceFields });
// The spec says `zoom_conference`; real payloads say `zoom` (REFERENCE §10.8). Both are accepted.
const zoomLocation = z.looseObject({ type: z.enum(["zoom", "zoom_conference"]), ...conferenceFields });
const goToMeetingLocation = z.looseObject({ type: z.enum(["gotomeeting", "gotomeeting_conference"]), ...conferenceFields });
const microsoftTeamsLocation = z.looseObject({ type: z.literal("microsoft_teams_conference"), ...conferenceFields });
const webexLocation = z.looseObject({ type: z.literal("webex_conference"), ...conferenceFields });

const knownLocation = z.discriminatedUnion("type", [
  physicalLocation,
  outboundCallLocation,
  inboundCallLocation,
  customLocation,
  askInviteeLocation,
  googleConferenceLocation,
  zoomLocation,
  goToMeetingLocation,
  microsoftTeamsLocation,
  webexLocation,
]);

export const KNOWN_LOCATION_TYPES: readonly string[] = [
  "physical",
  "outbound_call",
  "inbound_call",
  "custom",
  "ask_invitee",
  "google_conference",
  "zoom",
  "zoom_conference",
  "gotomeeting",
  "gotomeeting_conference",
  "microsoft_teams_conference",
  "webex_conference",
];

/**
 * A location type Calendly adds after this code was written must not make a whole scheduled event unreadable: it
 * parses as `{type: "unknown", original_type, ...fields}`, so `switch (location.type)` stays exhaustive.
 */
const unknownLocation = z
  .looseObject({ type: z.string().refine((type) => !KNOWN_LOCATION_TYPES.includes(type)) })
  .transform(({ type, ...fields }) => ({ ...fields, type: "unknown" as const, original_type: type }));

export const locationSchema = z.union([knownLocation, unknownLocation]);
export type CalendlyLocation = z.output<typeof locationSchema>;

/** Event-type location *configuration* uses `kind` (REFERENCE §5.5, §5.10); kept open, only `kind` is relied on. */
export const eventTypeLocationSchema = z.looseObject({
  kind: z.string(),
  location: z.string().nullable().optional(),
  additional_info: z.string().nullable().optional(),
  phone_number: z.string().nullable().optional(),
  position: z.number().int().optional(),
});
export type CalendlyEventTypeLocation = z.output<typeof eventTypeLocationSchema>;
