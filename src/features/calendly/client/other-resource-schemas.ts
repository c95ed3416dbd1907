// Schemas for Calendly resources Sessionly does not call today (organization invitations, routing forms, scheduling
// links, activity log). They exist so every captured response parses (issue 4 §1) and a future caller starts typed.
import { z } from "zod";
import {
  collectionEnvelope,
  emailSchema,
  paginationSchema,
  resourceEnvelope,
  timestampSchema,
  uriSchema,
} from "./schema-primitives";

export const organizationInvitationSchema = z.looseObject({
  uri: uriSchema,
  organization: uriSchema,
  email: emailSchema,
  status: z.enum(["pending", "accepted", "declined"]),
  created_at: timestampSchema,
  updated_at: timestampSchema,
  last_sent_at: timestampSchema.nullable(),
  user: uriSchema.optional(), // set once accepted
});
export type CalendlyOrganizationInvitation = z.output<typeof organizationInvitationSchema>;

export const routingFormSchema = z.looseObject({
  uri: uriSchema,
  organization: uriSchema,
  name: z.string(),
  status: z.enum(["draft", "published"]),
  questions: z.array(
    z.looseObject({
      uuid: z.string(),
      name: z.string(),
      type: z.string(),
      required: z.boolean(),
      answer_choices: z.array(z.string()).nullable(),
    }),
  ),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export type CalendlyRoutingForm = z.output<typeof routingFormSchema>;

export const routingFormSubmissionSchema = z.looseObject({
  uri: uriSchema,
  routing_form: uriSchema,
  questions_and_answers: z.array(z.looseObject({ question_uuid: z.string(), question: z.string(), answer: z.string() })),
  tracking: z.looseObject({}),
  result: z.discriminatedUnion("type", [
    z.looseObject({ type: z.literal("event_type"), value: uriSchema }),
    z.looseObject({ type: z.literal("external_url"), value: uriSchema }),
    z.looseObject({ type: z.literal("custom_message"), value: z.looseObject({ headline: z.string(), body: z.string() }) }),
  ]),
  submitter: uriSchema.nullable(),
  submitter_type: z.string().nullable(),
  created_at: timestampSchema,
  updated_at: timestampSchema,
});
export type CalendlyRoutingFormSubmission = z.output<typeof routingFormSubmissionSchema>;

export const schedulingLinkSchema = z.looseObject({
  booking_url: uriSchema,
  owner: uriSchema,
  owner_type: z.string(), // "EventType"
});
export type CalendlySchedulingLink = z.output<typeof schedulingLinkSchema>;

export const activityLogEntrySchema = z.looseObject({
  uri: uriSchema,
  occurred_at: timestampSchema,
  actor: z.looseObject({ type: z.string(), display_name: z.string().optional(), uri: uriSchema.optional() }),
  details: z.looseObject({}),
  fully_qualified_name: z.string(),
  namespace: z.string(),
  action: z.string(),
  organization: uriSchema,
});
export type CalendlyActivityLogEntry = z.output<typeof activityLogEntrySchema>;

export const organizationInvitationResponseSchema = resourceEnvelope(organizationInvitationSchema);
export const organizationInvitationListSchema = collectionEnvelope(organizationInvitationSchema);
export const routingFormResponseSchema = resourceEnvelope(routingFormSchema);
export const routingFormListSchema = collectionEnvelope(routingFormSchema);
export const routingFormSubmissionResponseSchema = resourceEnvelope(routingFormSubmissionSchema);
export const routingFormSubmissionListSchema = collectionEnvelope(routingFormSubmissionSchema);
export const schedulingLinkResponseSchema = resourceEnvelope(schedulingLinkSchema);
export const activityLogEntryListSchema = z.looseObject({
  collection: z.array(activityLogEntrySchema),
  pagination: paginationSchema,
  total_count: z.number().int().nonnegative(),
  exceeds_max_total_count: z.boolean(),
  last_event_time: timestampSchema.nullable(),
});
