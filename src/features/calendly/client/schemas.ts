// zod schemas for every Calendly resource Sessionly reads or writes (REFERENCE §5–§8), with their inferred types.
// Objects are loose (unknown keys pass through, Calendly adds fields often); keys Sessionly relies on are required and
// typed; keys the spec calls required but the captured 2020–2022 responses omit default to null.
import { z } from "zod";
import { eventTypeLocationSchema, locationSchema } from "./location-schemas";
import {
  collectionEnvelope,
  emailSchema,
  nullableField,
  resourceEnvelope,
  timestampSchema,
  unpaginatedCollectionEnvelope,
  uriSchema,
} from "./schema-primitives";

export * from "./schema-primitives";
export * from "./location-schemas";
export * from "./other-resource-schemas";

// ---- Users and organizations (§5.1–§5.3) ----

const userFields = {
  uri: uriSchema,
  name: z.string(),
  slug: z.string(),
  email: emailSchema,
  scheduling_url: uriSchema,
  timezone: z.string(),
  avatar_url: z.string().nullable(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
  locale: z.string().nullable().optional(),
  time_notation: z.string().nullable().optional(),
  resource_type: z.string().optional(),
};

export const userSchema = z.looseObject({ ...userFields, current_organization: uriSchema });
export type CalendlyUser = z.output<typeof userSchema>;

export const organizationSchema = z.looseObject({
  uri: uriSchema,
  name: z.string().nullable().optional(),
  kind: z.string().nullable().optional(),
  plan: z.string(), // 2023 enum basic|essentials|professional|teams|enterprise; current names differ (§5.2)
  stage: z.string(), // trial | free | paid
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export type CalendlyOrganization = z.output<typeof organizationSchema>;

export const organizationRoleSchema = z.enum(["user", "admin", "owner"]);
export const organizationMembershipSchema = z.looseObject({
  uri: uriSchema,
  role: organizationRoleSchema,
  // The embedded user has no `current_organization` (§5.3).
  user: z.looseObject({ ...userFields, current_organization: uriSchema.optional() }),
  organization: uriSchema,
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export type CalendlyOrganizationMembership = z.output<typeof organizationMembershipSchema>;

// ---- Event types (§5.5) ----

export const customQuestionSchema = z.looseObject({
  name: z.string(),
  type: z.string(), // string | text | phone_number | single_select | multi_select
  position: z.number().int(),
  enabled: z.boolean(),
  required: z.boolean(),
  answer_choices: z.array(z.string()).nullable().default(null),
  include_other: z.boolean().default(false),
});
export type CalendlyCustomQuestion = z.output<typeof customQuestionSchema>;

export const eventTypeProfileSchema = z.looseObject({
  type: z.enum(["User", "Team"]),
  name: z.string(),
  owner: uriSchema,
});

export const eventTypeSchema = z.looseObject({
  uri: uriSchema,
  name: z.string().nullable(),
  active: z.boolean(),
  slug: z.string().nullable(),
  scheduling_url: uriSchema,
  duration: z.number().int().positive(),
  duration_options: nullableField(z.array(z.number().int().positive())),
  kind: z.string(), // solo | group (2023); kept open
  pooling_type: z.string().nullable(), // round_robin | collective | null
  type: z.string(), // StandardEventType | AdhocEventType
  color: z.string(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
  internal_note: z.string().nullable(),
  description_plain: z.string().nullable(),
  description_html: z.string().nullable(),
  profile: eventTypeProfileSchema.nullable(), // some event types have no profile (§5.5)
  secret: z.boolean(),
  booking_method: z.string().optional(), // instant | poll
  custom_questions: z.array(customQuestionSchema),
  deleted_at: nullableField(timestampSchema),
  kind_description: z.string().optional(),
  admin_managed: z.boolean().optional(),
  locale: z.string().nullable().optional(),
  locations: nullableField(z.array(eventTypeLocationSchema)),
  position: z.number().int().optional(),
});
export type CalendlyEventType = z.output<typeof eventTypeSchema>;

// ---- Availability (§5.6–§5.8) ----

export const eventTypeAvailableTimeSchema = z.looseObject({
  status: z.string(), // "available"
  invitees_remaining: z.number().int().nonnegative(),
  start_time: timestampSchema,
  scheduling_url: uriSchema,
});
export type CalendlyEventTypeAvailableTime = z.output<typeof eventTypeAvailableTimeSchema>;

export const userBusyTimeSchema = z.looseObject({
  type: z.enum(["calendly", "external"]),
  start_time: timestampSchema,
  end_time: timestampSchema,
  buffered_start_time: timestampSchema.optional(),
  buffered_end_time: timestampSchema.optional(),
  event: z.looseObject({ uri: uriSchema }).optional(),
});
export type CalendlyUserBusyTime = z.output<typeof userBusyTimeSchema>;

const clockTime = z.string().regex(/^\d\d:\d\d$/, "Expected HH:MM");
export const availabilityIntervalSchema = z.looseObject({ from: clockTime, to: clockTime });

export const availabilityRuleSchema = z.discriminatedUnion("type", [
  z.looseObject({
    type: z.literal("wday"),
    wday: z.enum(["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"]),
    intervals: z.array(availabilityIntervalSchema), // empty = unavailable that day
  }),
  z.looseObject({
    type: z.literal("date"),
    date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Expected YYYY-MM-DD"),
    intervals: z.array(availabilityIntervalSchema),
  }),
]);
export type CalendlyAvailabilityRule = z.output<typeof availabilityRuleSchema>;

export const availabilityScheduleSchema = z.looseObject({
  uri: uriSchema,
  default: z.boolean(),
  name: z.string(),
  user: uriSchema,
  timezone: z.string(),
  rules: z.array(availabilityRuleSchema),
});
export type CalendlyAvailabilitySchedule = z.output<typeof availabilityScheduleSchema>;

// ---- Scheduled events and invitees (§5.9–§5.13) ----

export const cancellationSchema = z.looseObject({
  canceled_by: z.string(), // the canceler's name, not a URI
  reason: z.string().nullable(),
  canceler_type: z.enum(["host", "invitee"]),
  created_at: nullableField(timestampSchema), // added after 2022
});
export type CalendlyCancellation = z.output<typeof cancellationSchema>;

export const scheduledEventStatusSchema = z.enum(["active", "canceled"]);

export const scheduledEventSchema = z.looseObject({
  uri: uriSchema,
  name: z.string().nullable(),
  status: scheduledEventStatusSchema,
  start_time: timestampSchema,
  end_time: timestampSchema,
  event_type: uriSchema,
  location: locationSchema.nullable(),
  invitees_counter: z.looseObject({
    total: z.number().int().nonnegative(),
    active: z.number().int().nonnegative(),
    limit: z.number().int().nonnegative(),
  }),
  created_at: timestampSchema,
  updated_at: timestampSchema,
  event_memberships: z.array(
    z.looseObject({
      user: uriSchema,
      user_email: emailSchema.nullable().optional(),
      user_name: z.string().nullable().optional(),
    }),
  ),
  event_guests: z.array(z.looseObject({ email: emailSchema, created_at: timestampSchema, updated_at: timestampSchema })),
  cancellation: nullableField(cancellationSchema), // omitted unless canceled
  meeting_notes_plain: nullableField(z.string()),
  meeting_notes_html: nullableField(z.string()),
  calendar_event: nullableField(z.looseObject({ kind: z.string(), external_id: z.string() })),
});
export type CalendlyScheduledEvent = z.output<typeof scheduledEventSchema>;

export const trackingSchema = z.looseObject({
  utm_campaign: nullableField(z.string()),
  utm_source: nullableField(z.string()),
  utm_medium: nullableField(z.string()),
  utm_content: nullableField(z.string()),
  utm_term: nullableField(z.string()),
  salesforce_uuid: nullableField(z.string()),
});

export const questionAndAnswerSchema = z.looseObject({
  question: z.string(),
  answer: z.string(), // multi-select answers arrive newline-joined (§10.10)
  position: z.number().int(),
});
export type CalendlyQuestionAndAnswer = z.output<typeof questionAndAnswerSchema>;

export const inviteeSchema = z.looseObject({
  uri: uriSchema,
  email: emailSchema,
  first_name: nullableField(z.string()),
  last_name: nullableField(z.string()),
  name: z.string(),
  status: scheduledEventStatusSchema,
  questions_and_answers: z.array(questionAndAnswerSchema),
  timezone: z.string().nullable(),
  event: uriSchema,
  created_at: timestampSchema,
  updated_at: timestampSchema,
  tracking: trackingSchema,
  text_reminder_number: nullableField(z.string()),
  rescheduled: z.boolean(),
  old_invitee: nullableField(uriSchema),
  new_invitee: nullableField(uriSchema),
  cancel_url: uriSchema,
  reschedule_url: uriSchema,
  routing_form_submission: nullableField(uriSchema),
  cancellation: nullableField(cancellationSchema), // omitted unless canceled
  payment: nullableField(
    z.looseObject({
      external_id: z.string(),
      provider: z.string(), // stripe | paypal
      amount: z.number(),
      currency: z.string(),
      terms: z.string().nullable(),
      successful: z.boolean(),
    }),
  ),
  no_show: nullableField(z.looseObject({ uri: uriSchema, created_at: timestampSchema })),
  reconfirmation: nullableField(z.looseObject({ created_at: timestampSchema, confirmed_at: timestampSchema.nullable() })),
  scheduling_method: nullableField(z.string()), // null for page bookings, "api" for POST /invitees, "instant_book"
  invitee_scheduled_by: nullableField(uriSchema),
});
export type CalendlyInvitee = z.output<typeof inviteeSchema>;

export const inviteeNoShowSchema = z.looseObject({
  uri: uriSchema,
  invitee: uriSchema,
  created_at: timestampSchema,
});
export type CalendlyInviteeNoShow = z.output<typeof inviteeNoShowSchema>;

// ---- Webhooks (§8) ----

export const INVITEE_WEBHOOK_EVENTS = [
  "invitee.created",
  "invitee.canceled",
  "invitee_no_show.created",
  "invitee_no_show.deleted",
] as const;
export const inviteeWebhookEventSchema = z.enum(INVITEE_WEBHOOK_EVENTS);
export type CalendlyInviteeWebhookEvent = z.output<typeof inviteeWebhookEventSchema>;

export const webhookScopeSchema = z.enum(["organization", "user", "group"]);
export type CalendlyWebhookScope = z.output<typeof webhookScopeSchema>;

export const webhookSubscriptionSchema = z.looseObject({
  uri: uriSchema,
  callback_url: uriSchema,
  created_at: timestampSchema,
  updated_at: timestampSchema,
  retry_started_at: timestampSchema.nullable(),
  state: z.enum(["active", "disabled"]),
  events: z.array(z.string()), // newer families (contacts, meeting recaps…) must not break a listing
  scope: webhookScopeSchema,
  organization: uriSchema,
  user: uriSchema.nullable(),
  group: nullableField(uriSchema),
  creator: uriSchema.nullable(),
});
export type CalendlyWebhookSubscription = z.output<typeof webhookSubscriptionSchema>;

/** Payload of the four invitee events: the invitee plus the embedded scheduled event (§8.3). */
export const inviteeWebhookPayloadSchema = inviteeSchema.extend({ scheduled_event: scheduledEventSchema });
export type CalendlyInviteeWebhookPayload = z.output<typeof inviteeWebhookPayloadSchema>;

/**
 * A delivery Sessionly subscribes to: `{event, created_at, created_by, payload}` for the four invitee events.
 * Parse it only after the signature over the raw body has been verified.
 */
export const webhookEnvelopeSchema = z.looseObject({
  event: inviteeWebhookEventSchema,
  created_at: timestampSchema,
  created_by: uriSchema,
  payload: inviteeWebhookPayloadSchema,
});
export type CalendlyWebhookEnvelope = z.output<typeof webhookEnvelopeSchema>;
export const inviteeWebhookDeliverySchema = webhookEnvelopeSchema;

/** Any delivery (including families Sessionly does not subscribe to), to log and ignore what it does not handle. */
export const anyWebhookEnvelopeSchema = z.looseObject({
  event: z.string(),
  created_at: timestampSchema,
  created_by: uriSchema,
  payload: z.looseObject({}),
});
export type CalendlyAnyWebhookEnvelope = z.output<typeof anyWebhookEnvelopeSchema>;

// ---- OAuth (§7) ----

export const oauthTokenResponseSchema = z.looseObject({
  token_type: z.string(), // "Bearer"
  access_token: z.string().min(1),
  refresh_token: z.string().min(1),
  expires_in: z.number().int().positive(), // seconds, 7200
  created_at: z.number().int().nonnegative(), // Unix seconds, not ISO
  scope: z.string().optional(),
  owner: uriSchema,
  organization: uriSchema.optional(), // the 2022 capture omits it
});
export type CalendlyOAuthTokenResponse = z.output<typeof oauthTokenResponseSchema>;

export const oauthIntrospectionSchema = z.looseObject({ active: z.boolean() });
export type CalendlyOAuthIntrospection = z.output<typeof oauthIntrospectionSchema>;

// ---- Envelopes per endpoint ----

export const userResponseSchema = resourceEnvelope(userSchema);
export const organizationResponseSchema = resourceEnvelope(organizationSchema);
export const organizationMembershipResponseSchema = resourceEnvelope(organizationMembershipSchema);
export const organizationMembershipListSchema = collectionEnvelope(organizationMembershipSchema);
export const eventTypeResponseSchema = resourceEnvelope(eventTypeSchema);
export const eventTypeListSchema = collectionEnvelope(eventTypeSchema);
export const eventTypeAvailableTimeListSchema = unpaginatedCollectionEnvelope(eventTypeAvailableTimeSchema);
export const userBusyTimeListSchema = unpaginatedCollectionEnvelope(userBusyTimeSchema);
export const availabilityScheduleListSchema = unpaginatedCollectionEnvelope(availabilityScheduleSchema);
export const availabilityScheduleResponseSchema = resourceEnvelope(availabilityScheduleSchema);
export const scheduledEventResponseSchema = resourceEnvelope(scheduledEventSchema);
export const scheduledEventListSchema = collectionEnvelope(scheduledEventSchema);
export const inviteeResponseSchema = resourceEnvelope(inviteeSchema);
export const inviteeListSchema = collectionEnvelope(inviteeSchema);
export const cancellationResponseSchema = resourceEnvelope(cancellationSchema);
export const inviteeNoShowResponseSchema = resourceEnvelope(inviteeNoShowSchema);
export const webhookSubscriptionResponseSchema = resourceEnvelope(webhookSubscriptionSchema);
export const webhookSubscriptionListSchema = collectionEnvelope(webhookSubscriptionSchema);
