// Every captured real Calendly response parses with the schema of its resource; strictness where Sessionly relies.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { z } from "zod";
import * as schemas from "./schemas";

// The shared captures sit beside the repository (`../shared/calendly/captured`); CALENDLY_CAPTURED_DIR overrides.
const CAPTURED_DIR =
  process.env.CALENDLY_CAPTURED_DIR ?? fileURLToPath(new URL("../../../../../shared/calendly/captured", import.meta.url));
const captured = (file: string): unknown => JSON.parse(readFileSync(path.join(CAPTURED_DIR, file), "utf8"));

/** One row per captured file. A new capture without a row fails the coverage test below. */
const CAPTURED_SCHEMAS: Record<string, z.ZodType> = {
  "activity_log_entries_001.json": schemas.activityLogEntryListSchema,
  "cancel_event_001.json": schemas.cancellationResponseSchema,
  "cancel_event_002.json": schemas.cancellationResponseSchema,
  "error_400_invalid_grant.json": schemas.oauthErrorBodySchema,
  "error_404_not_found.json": schemas.errorBodySchema,
  "event_type_001_user.json": schemas.eventTypeResponseSchema,
  "event_type_011_many_questions.json": schemas.eventTypeResponseSchema,
  "event_type_101_team.json": schemas.eventTypeResponseSchema,
  "event_type_201_no_profile.json": schemas.eventTypeResponseSchema,
  "event_type_available_times_001.json": schemas.eventTypeAvailableTimeListSchema,
  "event_types_001.json": schemas.eventTypeListSchema,
  "event_types_002_page1.json": schemas.eventTypeListSchema,
  "event_types_002_page1_user.json": schemas.eventTypeListSchema,
  "event_types_002_page2.json": schemas.eventTypeListSchema,
  "event_types_003.json": schemas.eventTypeListSchema,
  "no_show_001.json": schemas.inviteeNoShowResponseSchema,
  "organization_invitation_001.json": schemas.organizationInvitationResponseSchema,
  "organization_invitation_003_create.json": schemas.organizationInvitationResponseSchema,
  "organization_invitations_001.json": schemas.organizationInvitationListSchema,
  "organization_invitations_002_page1.json": schemas.organizationInvitationListSchema,
  "organization_invitations_002_page2.json": schemas.organizationInvitationListSchema,
  "organization_membership_001.json": schemas.organizationMembershipResponseSchema,
  "organization_memberships_001.json": schemas.organizationMembershipListSchema,
  "organization_memberships_002_page1.json": schemas.organizationMembershipListSchema,
  "organization_memberships_002_page2.json": schemas.organizationMembershipListSchema,
  "refresh_token.json": schemas.oauthTokenResponseSchema,
  "routing_form_001.json": schemas.routingFormResponseSchema,
  "routing_form_submission_001.json": schemas.routingFormSubmissionResponseSchema,
  "routing_form_submissions_001.json": schemas.routingFormSubmissionListSchema,
  "routing_form_submissions_002_page1.json": schemas.routingFormSubmissionListSchema,
  "routing_form_submissions_002_page2.json": schemas.routingFormSubmissionListSchema,
  "routing_forms_001.json": schemas.routingFormListSchema,
  "routing_forms_002_page1.json": schemas.routingFormListSchema,
  "routing_forms_002_page2.json": schemas.routingFormListSchema,
  "schedule_link_001.json": schemas.schedulingLinkResponseSchema,
  "scheduled_event_001.json": schemas.scheduledEventResponseSchema,
  "scheduled_event_invitee_301.json": schemas.inviteeResponseSchema,
  "scheduled_event_invitees_101.json": schemas.inviteeListSchema,
  "scheduled_event_invitees_201_page1.json": schemas.inviteeListSchema,
  "scheduled_event_invitees_201_page2.json": schemas.inviteeListSchema,
  "scheduled_events_001.json": schemas.scheduledEventListSchema,
  "scheduled_events_002_page1.json": schemas.scheduledEventListSchema,
  "scheduled_events_002_page1_user.json": schemas.scheduledEventListSchema,
  "scheduled_events_002_page2.json": schemas.scheduledEventListSchema,
  "user_001.json": schemas.userResponseSchema,
  "webhook_organization_001.json": schemas.webhookSubscriptionResponseSchema,
  "webhook_user_001.json": schemas.webhookSubscriptionResponseSchema,
  "webhooks_organization_001.json": schemas.webhookSubscriptionListSchema,
  "webhooks_organization_002_page1.json": schemas.webhookSubscriptionListSchema,
  "webhooks_organization_002_page2.json": schemas.webhookSubscriptionListSchema,
  "webhooks_user_001.json": schemas.webhookSubscriptionListSchema,
  "webhooks_user_002_page1.json": schemas.webhookSubscriptionListSchema,
  "webhooks_user_002_page2.json": schemas.webhookSubscriptionListSchema,
};

describe("captured Calendly responses", () => {
  it("maps every captured JSON file to a schema", () => {
    const files = readdirSync(CAPTURED_DIR).filter((file) => file.endsWith(".json")).sort();
    expect(files).toEqual(Object.keys(CAPTURED_SCHEMAS).sort());
  });

  it.each(Object.entries(CAPTURED_SCHEMAS))("%s parses", (file, schema) => {
    const result = schema.safeParse(captured(file));
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it("reads the zoom, Google Meet and Teams locations of real events", () => {
    const page = schemas.scheduledEventListSchema.parse(captured("scheduled_events_002_page1.json"));
    expect(page.collection.map((event) => event.location?.type)).toEqual(["google_conference", "zoom"]);
    const teams = schemas.scheduledEventListSchema.parse(captured("scheduled_events_002_page2.json")).collection[0];
    expect(teams.location).toMatchObject({ type: "microsoft_teams_conference", status: "pushed" });
    expect(teams.cancellation).toMatchObject({ canceler_type: "invitee", created_at: null });
  });

  it("reads null where older responses omit a key, and keeps unknown keys", () => {
    const invitee = schemas.inviteeResponseSchema.parse(captured("scheduled_event_invitee_301.json")).resource;
    expect(invitee).toMatchObject({ rescheduled: true, no_show: null, reconfirmation: null, scheduling_method: null });
    expect(invitee.old_invitee).toBe("https://api.calendly.com/scheduled_events/EV301_OLD1/invitees/INV001");
    const event = schemas.scheduledEventResponseSchema.parse({
      resource: { ...(captured("scheduled_event_001.json") as { resource: object }).resource, brand_new_field: 1 },
    }).resource;
    expect(event).toMatchObject({ location: null, meeting_notes_plain: null, brand_new_field: 1 });
  });

  it("keeps the event type's profile null and its questions in order", () => {
    const noProfile = schemas.eventTypeResponseSchema.parse(captured("event_type_201_no_profile.json")).resource;
    expect(noProfile).toMatchObject({ profile: null, slug: null, pooling_type: "round_robin", duration_options: null });
    const questions = schemas.eventTypeResponseSchema.parse(captured("event_type_011_many_questions.json")).resource.custom_questions;
    expect(questions.map((question) => question.type)).toEqual(["text", "string", "text", "single_select", "multi_select", "phone_number"]);
  });
});

const inviteeBody = (captured("scheduled_event_invitees_101.json") as { collection: Record<string, unknown>[] }).collection[0];
const eventBody = (captured("scheduled_events_001.json") as { collection: Record<string, unknown>[] }).collection[1];

describe("strict where Sessionly relies on a field", () => {
  it("rejects an unknown invitee status, a missing URI and a non-ISO time", () => {
    expect(schemas.inviteeSchema.safeParse({ ...inviteeBody, status: "pending" }).success).toBe(false);
    expect(schemas.inviteeSchema.safeParse({ ...inviteeBody, uri: undefined }).success).toBe(false);
    expect(schemas.scheduledEventSchema.safeParse({ ...eventBody, start_time: "tomorrow" }).success).toBe(false);
  });

  it("rejects a known location type with a wrong shape but reads a new type as unknown", () => {
    expect(schemas.locationSchema.safeParse({ type: "physical" }).success).toBe(false);
    expect(schemas.locationSchema.parse({ type: "whereby", join_url: "https://whereby.com/x" })).toEqual({
      type: "unknown",
      original_type: "whereby",
      join_url: "https://whereby.com/x",
    });
  });

  it("parses every documented location variant", () => {
    const variants = [
      { type: "physical", location: "Calendly Office", additional_info: "2nd floor" },
      { type: "outbound_call", location: null },
      { type: "inbound_call", location: "+1 555 0100" },
      { type: "google_conference", status: "processing", join_url: null },
      { type: "zoom_conference", status: "pushed", join_url: "https://zoom.us/j/1", data: { id: 1, password: "x" } },
      { type: "gotomeeting", status: "failed", join_url: null, data: null },
      { type: "microsoft_teams_conference", status: "initiated", join_url: null, data: null },
      { type: "webex_conference", status: "pushed", join_url: "https://x.webex.com/j", data: { id: "m1", password: "p" } },
      { type: "custom", location: null },
      { type: "ask_invitee", location: "My office" },
    ];
    for (const variant of variants) expect(schemas.locationSchema.parse(variant)).toMatchObject({ type: variant.type });
  });

  it("reads availability rules by type", () => {
    const schedule = schemas.availabilityScheduleSchema.parse({
      uri: "https://api.calendly.com/user_availability_schedules/abc123",
      default: true,
      name: "Working Hours",
      user: "https://api.calendly.com/users/abc123",
      timezone: "America/New_York",
      rules: [
        { type: "wday", wday: "monday", intervals: [{ from: "08:30", to: "17:00" }] },
        { type: "wday", wday: "wednesday", intervals: [] },
        { type: "date", date: "2028-12-31", intervals: [{ from: "08:30", to: "09:30" }] },
      ],
    });
    expect(schedule.rules.map((rule) => rule.type)).toEqual(["wday", "wday", "date"]);
    expect(schemas.availabilityRuleSchema.safeParse({ type: "wday", wday: "funday", intervals: [] }).success).toBe(false);
  });
});

describe("webhook deliveries", () => {
  const delivery = (event: string, payload: Record<string, unknown>) => ({
    created_at: "2026-06-24T22:30:45.105381Z",
    created_by: "https://api.calendly.com/users/U001",
    event,
    payload,
  });
  const scheduledEvent = {
    ...eventBody,
    event_memberships: [{ user: "https://api.calendly.com/users/U001", user_email: "host@example.com", user_name: "Host" }],
    location: { type: "zoom", status: "pushed", join_url: "https://zoom.us/j/1", data: null },
  };

  it.each(schemas.INVITEE_WEBHOOK_EVENTS)("parses %s with its embedded scheduled event", (event) => {
    const payload = { ...inviteeBody, scheduled_event: scheduledEvent, scheduling_method: "api" };
    const parsed = schemas.webhookEnvelopeSchema.parse(delivery(event, payload));
    expect(parsed.event).toBe(event);
    expect(parsed.payload.scheduled_event.start_time).toBe(eventBody.start_time);
    expect(parsed.payload.scheduling_method).toBe("api");
  });

  it("reads a no-show on invitee_no_show.created", () => {
    const noShow = { uri: "https://api.calendly.com/invitee_no_shows/N1", created_at: "2026-06-24T22:30:45.105381Z" };
    const parsed = schemas.webhookEnvelopeSchema.parse(
      delivery("invitee_no_show.created", { ...inviteeBody, scheduled_event: scheduledEvent, no_show: noShow }),
    );
    expect(parsed.payload.no_show).toEqual(noShow);
  });

  it("rejects other events and payloads without the scheduled event, but the generic envelope reads them", () => {
    const routing = delivery("routing_form_submission.created", { uri: "https://api.calendly.com/routing_form_submissions/S1" });
    expect(schemas.webhookEnvelopeSchema.safeParse(routing).success).toBe(false);
    expect(schemas.webhookEnvelopeSchema.safeParse(delivery("invitee.created", inviteeBody)).success).toBe(false);
    expect(schemas.anyWebhookEnvelopeSchema.parse(routing).event).toBe("routing_form_submission.created");
  });
});

describe("error bodies", () => {
  it("reads validation details and 2026 scope errors", () => {
    const body = schemas.errorBodySchema.parse({
      title: "Permission Denied",
      message: "Insufficient scope",
      required_scopes: ["scheduled_events:write"],
      details: [{ parameter: "count", message: "must be <= 100" }],
    });
    expect(body.required_scopes).toEqual(["scheduled_events:write"]);
    expect(schemas.oauthErrorBodySchema.parse(captured("error_400_invalid_grant.json")).error).toBe("invalid_grant");
  });
});
