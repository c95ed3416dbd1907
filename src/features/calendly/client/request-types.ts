// Query parameters and request bodies of the Calendly endpoints Sessionly calls (REFERENCE §3, §5, §6, §8.2).
// Resource references are full URIs, as Calendly requires; times are ISO strings or Dates.
import type { CalendlyInviteeWebhookEvent, CalendlyWebhookScope } from "./schemas";

export type CalendlyTime = string | Date;

export interface PageParams {
  /** 1–100, Calendly's default 20. */
  count?: number;
  page_token?: string;
}

export interface ListOrganizationMembershipsParams extends PageParams {
  organization?: string;
  user?: string;
  email?: string;
  role?: "user" | "admin" | "owner";
}

export interface ListEventTypesParams extends PageParams {
  /** One of `user` or `organization` is required. */
  user?: string;
  organization?: string;
  active?: boolean;
  admin_managed?: boolean;
  /** e.g. `name:asc` */
  sort?: string;
}

export interface ListEventTypeAvailableTimesParams {
  event_type: string;
  start_time: CalendlyTime;
  end_time: CalendlyTime;
}

export interface ListUserBusyTimesParams {
  user: string;
  start_time: CalendlyTime;
  end_time: CalendlyTime;
}

export interface ListUserAvailabilitySchedulesParams {
  user: string;
}

export interface ListScheduledEventsParams extends PageParams {
  user?: string;
  organization?: string;
  group?: string;
  invitee_email?: string;
  status?: "active" | "canceled";
  min_start_time?: CalendlyTime;
  max_start_time?: CalendlyTime;
  /** e.g. `start_time:asc` */
  sort?: string;
}

export interface ListEventInviteesParams extends PageParams {
  status?: "active" | "canceled";
  email?: string;
  /** e.g. `created_at:asc` */
  sort?: string;
}

export interface ListWebhookSubscriptionsParams extends PageParams {
  organization: string;
  scope: CalendlyWebhookScope;
  user?: string;
  group?: string;
  sort?: string;
}

export interface CreateWebhookSubscriptionBody {
  url: string;
  events: CalendlyInviteeWebhookEvent[];
  /** Required even for user scope. */
  organization: string;
  scope: CalendlyWebhookScope;
  user?: string;
  group?: string;
  /** Only for subscriptions created with a personal access token; OAuth apps have one app-level key. */
  signing_key?: string;
}

/** `POST /invitees` (Scheduling API, REFERENCE §6). */
export interface CreateInviteeBody {
  event_type: string;
  /** UTC, exactly an open slot. */
  start_time: string;
  invitee: {
    email: string;
    timezone: string;
    name?: string;
    first_name?: string;
    last_name?: string;
    text_reminder_number?: string;
  };
  location?: { kind: string; location?: string };
  questions_and_answers?: { question: string; answer: string; position: number }[];
  tracking?: Partial<Record<"utm_campaign" | "utm_source" | "utm_medium" | "utm_content" | "utm_term" | "salesforce_uuid", string | null>>;
  /** At most 10. */
  event_guests?: string[];
}
