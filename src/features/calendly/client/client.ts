// The typed Calendly API v2 client: one method per endpoint Sessionly uses, each response parsed with its zod schema.
// Transport behaviour (timeouts, retries, 429 waits, one refresh on 401) lives in transport.ts.
import { logger as appLogger } from "@/lib/logger";
import { pages, paginate, type ListFunction } from "./paginate";
import type {
  CreateInviteeBody,
  CreateWebhookSubscriptionBody,
  ListEventInviteesParams,
  ListEventTypeAvailableTimesParams,
  ListEventTypesParams,
  ListOrganizationMembershipsParams,
  ListScheduledEventsParams,
  ListUserAvailabilitySchedulesParams,
  ListUserBusyTimesParams,
  ListWebhookSubscriptionsParams,
  PageParams,
} from "./request-types";
import * as schemas from "./schemas";
import type {
  CalendlyAvailabilitySchedule,
  CalendlyCancellation,
  CalendlyCollection,
  CalendlyEventType,
  CalendlyEventTypeAvailableTime,
  CalendlyInvitee,
  CalendlyInviteeNoShow,
  CalendlyOrganization,
  CalendlyOrganizationMembership,
  CalendlyScheduledEvent,
  CalendlyUser,
  CalendlyUserBusyTime,
  CalendlyWebhookSubscription,
} from "./schemas";
import {
  createTransport,
  type CalendlyClientLogger,
  type CalendlyRateLimitInfo,
  type CalendlyRequestInfo,
  type QueryParams,
} from "./transport";
import { inviteeUuidsFromUri, pathPart, uuidFromUri } from "./uris";

export {
  CalendlyApiError,
  CalendlyError,
  CalendlyNetworkError,
  CalendlyRateLimitError,
  CalendlyResponseError,
  toAppError,
} from "./errors";
export type { CalendlyClientLogger, CalendlyRateLimitInfo, CalendlyRequestInfo } from "./transport";

export interface CalendlyClientOptions {
  /** `https://api.calendly.com`, or the emulator's base URL. */
  apiBase: string;
  /** The current access token (PAT or OAuth), asked for before each request. */
  getAccessToken: () => Promise<string>;
  /** Called once when Calendly answers 401: refresh and return the new token, or null to give up. */
  onUnauthorized?: () => Promise<string | null>;
  fetch?: typeof fetch;
  /** Per attempt, including reading the body. Default 15 000. */
  timeoutMs?: number;
  /** Retries after network errors, timeouts and 5xx. Default 4. */
  maxRetries?: number;
  /** Waits after 429 before giving up with CalendlyRateLimitError. Default `maxRetries`. */
  maxRateLimitRetries?: number;
  /** Longest single 429 wait. Default 120 000. */
  maxRateLimitWaitMs?: number;
  /** Back-off base and ceiling for full jitter. Defaults 500 and 20 000. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  now?: () => number;
  onRateLimit?: (info: CalendlyRateLimitInfo) => void;
  onRequest?: (info: CalendlyRequestInfo) => void;
  logger?: CalendlyClientLogger;
}

export interface CalendlyClient {
  getCurrentUser(): Promise<CalendlyUser>;
  getUser(userUri: string): Promise<CalendlyUser>;
  getOrganization(organizationUri: string): Promise<CalendlyOrganization>;
  listOrganizationMemberships(params: ListOrganizationMembershipsParams): Promise<CalendlyCollection<CalendlyOrganizationMembership>>;
  listEventTypes(params: ListEventTypesParams): Promise<CalendlyCollection<CalendlyEventType>>;
  getEventType(eventTypeUri: string): Promise<CalendlyEventType>;
  /** Unpaginated; the window is at most 7 days (31 since July 2026). */
  listEventTypeAvailableTimes(params: ListEventTypeAvailableTimesParams): Promise<CalendlyEventTypeAvailableTime[]>;
  /** Unpaginated; the window is at most 7 days. */
  listUserBusyTimes(params: ListUserBusyTimesParams): Promise<CalendlyUserBusyTime[]>;
  listUserAvailabilitySchedules(params: ListUserAvailabilitySchedulesParams): Promise<CalendlyAvailabilitySchedule[]>;
  getUserAvailabilitySchedule(scheduleUri: string): Promise<CalendlyAvailabilitySchedule>;
  listScheduledEvents(params: ListScheduledEventsParams): Promise<CalendlyCollection<CalendlyScheduledEvent>>;
  getScheduledEvent(eventUri: string): Promise<CalendlyScheduledEvent>;
  listEventInvitees(eventUri: string, params?: ListEventInviteesParams): Promise<CalendlyCollection<CalendlyInvitee>>;
  /** `inviteeUri` may be the full invitee URI or its UUID. */
  getInvitee(eventUri: string, inviteeUri: string): Promise<CalendlyInvitee>;
  /** Cancels the whole event; not retried on an unknown outcome (a repeat answers 403 "already canceled"). */
  cancelScheduledEvent(eventUri: string, reason?: string): Promise<CalendlyCancellation>;
  createInviteeNoShow(inviteeUri: string): Promise<CalendlyInviteeNoShow>;
  getInviteeNoShow(noShowUri: string): Promise<CalendlyInviteeNoShow>;
  deleteInviteeNoShow(noShowUri: string): Promise<void>;
  /** Scheduling API booking; never retried on an unknown outcome (no idempotency: reconcile instead). */
  createInvitee(body: CreateInviteeBody): Promise<CalendlyInvitee>;
  listWebhookSubscriptions(params: ListWebhookSubscriptionsParams): Promise<CalendlyCollection<CalendlyWebhookSubscription>>;
  createWebhookSubscription(body: CreateWebhookSubscriptionBody): Promise<CalendlyWebhookSubscription>;
  getWebhookSubscription(webhookUri: string): Promise<CalendlyWebhookSubscription>;
  deleteWebhookSubscription(webhookUri: string): Promise<void>;
  /** Every item of a paginated list: `for await (const e of client.paginate(client.listScheduledEvents, {...}))`. */
  paginate<P extends PageParams, T>(list: ListFunction<P, T>, params: P): AsyncGenerator<T>;
  /** Every page of a paginated list. */
  pages<P extends PageParams, T>(list: ListFunction<P, T>, params: P): AsyncGenerator<CalendlyCollection<T>>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createCalendlyClient(options: CalendlyClientOptions): CalendlyClient {
  const maxRetries = options.maxRetries ?? 4;
  const transport = createTransport({
    apiBase: options.apiBase,
    getAccessToken: options.getAccessToken,
    onUnauthorized: options.onUnauthorized,
    fetch: options.fetch ?? globalThis.fetch,
    timeoutMs: options.timeoutMs ?? 15_000,
    maxRetries,
    maxRateLimitRetries: options.maxRateLimitRetries ?? maxRetries,
    maxRateLimitWaitMs: options.maxRateLimitWaitMs ?? 120_000,
    baseDelayMs: options.baseDelayMs ?? 500,
    maxDelayMs: options.maxDelayMs ?? 20_000,
    sleep: options.sleep ?? defaultSleep,
    random: options.random ?? Math.random,
    now: options.now ?? Date.now,
    onRateLimit: options.onRateLimit,
    onRequest: options.onRequest,
    logger: options.logger ?? appLogger.child({ module: "calendly-client" }),
  });

  const get = <S extends Parameters<typeof transport.send>[1]>(path: string, schema: S, query?: QueryParams) =>
    transport.send({ method: "GET", path, query }, schema);
  // Param interfaces have no index signature; their values are all QueryValue-compatible.
  const query = (params: object | undefined) => params as QueryParams | undefined;

  const eventPath = (eventUri: string) => `/scheduled_events/${pathPart(uuidFromUri(eventUri, "scheduled_events"))}`;

  return {
    getCurrentUser: async () => (await get("/users/me", schemas.userResponseSchema)).resource,
    getUser: async (userUri) =>
      (await get(`/users/${pathPart(uuidFromUri(userUri, "users"))}`, schemas.userResponseSchema)).resource,
    getOrganization: async (organizationUri) =>
      (await get(`/organizations/${pathPart(uuidFromUri(organizationUri, "organizations"))}`, schemas.organizationResponseSchema))
        .resource,
    listOrganizationMemberships: (params) =>
      get("/organization_memberships", schemas.organizationMembershipListSchema, query(params)),
    listEventTypes: (params) => get("/event_types", schemas.eventTypeListSchema, query(params)),
    getEventType: async (eventTypeUri) =>
      (await get(`/event_types/${pathPart(uuidFromUri(eventTypeUri, "event_types"))}`, schemas.eventTypeResponseSchema)).resource,
    listEventTypeAvailableTimes: async (params) =>
      (await get("/event_type_available_times", schemas.eventTypeAvailableTimeListSchema, query(params))).collection,
    listUserBusyTimes: async (params) => (await get("/user_busy_times", schemas.userBusyTimeListSchema, query(params))).collection,
    listUserAvailabilitySchedules: async (params) =>
      (await get("/user_availability_schedules", schemas.availabilityScheduleListSchema, query(params))).collection,
    getUserAvailabilitySchedule: async (scheduleUri) =>
      (
        await get(
          `/user_availability_schedules/${pathPart(uuidFromUri(scheduleUri, "user_availability_schedules"))}`,
          schemas.availabilityScheduleResponseSchema,
        )
      ).resource,
    listScheduledEvents: (params) => get("/scheduled_events", schemas.scheduledEventListSchema, query(params)),
    getScheduledEvent: async (eventUri) => (await get(eventPath(eventUri), schemas.scheduledEventResponseSchema)).resource,
    listEventInvitees: (eventUri, params) => get(`${eventPath(eventUri)}/invitees`, schemas.inviteeListSchema, query(params)),
    getInvitee: async (eventUri, inviteeUri) => {
      let inviteeUuid = inviteeUri;
      if (inviteeUri.includes("/")) {
        const parsed = inviteeUuidsFromUri(inviteeUri);
        if (parsed.eventUuid !== uuidFromUri(eventUri, "scheduled_events")) {
          throw new TypeError(`Invitee ${inviteeUri} does not belong to event ${eventUri}`);
        }
        inviteeUuid = parsed.inviteeUuid;
      }
      return (await get(`${eventPath(eventUri)}/invitees/${pathPart(inviteeUuid)}`, schemas.inviteeResponseSchema)).resource;
    },
    cancelScheduledEvent: async (eventUri, reason) =>
      (
        await transport.send(
          { method: "POST", path: `${eventPath(eventUri)}/cancellation`, body: reason === undefined ? {} : { reason } },
          schemas.cancellationResponseSchema,
        )
      ).resource,
    createInviteeNoShow: async (inviteeUri) => {
      inviteeUuidsFromUri(inviteeUri); // Calendly wants the full invitee URI in the body
      return (
        await transport.send(
          { method: "POST", path: "/invitee_no_shows", body: { invitee: inviteeUri } },
          schemas.inviteeNoShowResponseSchema,
        )
      ).resource;
    },
    getInviteeNoShow: async (noShowUri) =>
      (await get(`/invitee_no_shows/${pathPart(uuidFromUri(noShowUri, "invitee_no_shows"))}`, schemas.inviteeNoShowResponseSchema))
        .resource,
    deleteInviteeNoShow: (noShowUri) =>
      transport.sendWithoutBody({
        method: "DELETE",
        path: `/invitee_no_shows/${pathPart(uuidFromUri(noShowUri, "invitee_no_shows"))}`,
      }),
    createInvitee: async (body) =>
      (await transport.send({ method: "POST", path: "/invitees", body }, schemas.inviteeResponseSchema)).resource,
    listWebhookSubscriptions: (params) => get("/webhook_subscriptions", schemas.webhookSubscriptionListSchema, query(params)),
    createWebhookSubscription: async (body) =>
      (await transport.send({ method: "POST", path: "/webhook_subscriptions", body }, schemas.webhookSubscriptionResponseSchema))
        .resource,
    getWebhookSubscription: async (webhookUri) =>
      (
        await get(
          `/webhook_subscriptions/${pathPart(uuidFromUri(webhookUri, "webhook_subscriptions"))}`,
          schemas.webhookSubscriptionResponseSchema,
        )
      ).resource,
    deleteWebhookSubscription: (webhookUri) =>
      transport.sendWithoutBody({
        method: "DELETE",
        path: `/webhook_subscriptions/${pathPart(uuidFromUri(webhookUri, "webhook_subscriptions"))}`,
      }),
    paginate,
    pages,
  };
}
