// Records held by the in-memory store. Times are epoch milliseconds; references are UUIDs (URIs are built on output).
export type Role = "user" | "admin" | "owner";
export type Plan = "free" | "standard" | "teams" | "enterprise";
export type Weekday = "sunday" | "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday";
export type QuestionType = "string" | "text" | "phone_number" | "single_select" | "multi_select";
export type LocationKind =
  | "physical"
  | "ask_invitee"
  | "custom"
  | "outbound_call"
  | "inbound_call"
  | "google_conference"
  | "gotomeeting_conference"
  | "microsoft_teams_conference"
  | "webex_conference"
  | "zoom_conference";
export type WebhookEventName =
  | "invitee.created"
  | "invitee.canceled"
  | "invitee_no_show.created"
  | "invitee_no_show.deleted";
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface OrganizationRecord {
  uuid: string;
  name: string;
  plan: Plan;
  stage: "trial" | "free" | "paid";
  createdAt: number;
  updatedAt: number;
}

export interface UserRecord {
  uuid: string;
  name: string;
  slug: string;
  email: string;
  timezone: string;
  avatarUrl: string | null;
  locale: string;
  timeNotation: "12h" | "24h";
  organizationUuid: string;
  /** Effective plan of the user's seat; `free` triggers Calendly's plan gates. */
  plan: Plan;
  createdAt: number;
  updatedAt: number;
}

export interface MembershipRecord {
  uuid: string;
  userUuid: string;
  organizationUuid: string;
  role: Role;
  createdAt: number;
  updatedAt: number;
}

export interface AvailabilityInterval {
  from: string;
  to: string;
}

export type AvailabilityRule =
  | { type: "wday"; wday: Weekday; intervals: AvailabilityInterval[] }
  | { type: "date"; date: string; intervals: AvailabilityInterval[] };

export interface ScheduleRecord {
  uuid: string;
  userUuid: string;
  name: string;
  isDefault: boolean;
  timezone: string;
  rules: AvailabilityRule[];
}

export interface CustomQuestion {
  name: string;
  type: QuestionType;
  position: number;
  enabled: boolean;
  required: boolean;
  answerChoices: string[];
  includeOther: boolean;
}

export interface LocationConfig {
  kind: LocationKind;
  location: string | null;
  additionalInfo: string | null;
  phoneNumber: string | null;
  position: number;
}

export interface EventTypeRecord {
  uuid: string;
  userUuid: string;
  scheduleUuid: string;
  name: string;
  slug: string;
  active: boolean;
  duration: number;
  kind: "solo" | "group";
  /** Maximum invitees per event (1 for one-on-one). */
  inviteeLimit: number;
  color: string;
  descriptionPlain: string | null;
  internalNote: string | null;
  secret: boolean;
  customQuestions: CustomQuestion[];
  locations: LocationConfig[];
  minimumNoticeMinutes: number;
  bufferBeforeMinutes: number;
  bufferAfterMinutes: number;
  /** Start time increments in minutes. */
  slotIntervalMinutes: number;
  /** Rolling booking window in days (null = unlimited). */
  periodDays: number | null;
  position: number;
  createdAt: number;
  updatedAt: number;
}

export interface CancellationRecord {
  canceledBy: string;
  reason: string | null;
  cancelerType: "host" | "invitee";
  createdAt: number;
}

export interface GuestRecord {
  email: string;
  createdAt: number;
  updatedAt: number;
}

/** Location of a scheduled event, already in Calendly's output shape (`type` plus kind-specific keys). */
export type EventLocation = { type: string } & { [key: string]: JsonValue };

export interface ScheduledEventRecord {
  uuid: string;
  eventTypeUuid: string;
  hostUserUuid: string;
  name: string;
  status: "active" | "canceled";
  startTime: number;
  endTime: number;
  location: EventLocation | null;
  guests: GuestRecord[];
  inviteeLimit: number;
  cancellation: CancellationRecord | null;
  meetingNotesPlain: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface QuestionAnswer {
  question: string;
  answer: string;
  position: number;
}

export interface TrackingRecord {
  utm_campaign: string | null;
  utm_source: string | null;
  utm_medium: string | null;
  utm_content: string | null;
  utm_term: string | null;
  salesforce_uuid: string | null;
}

export interface InviteeRecord {
  uuid: string;
  eventUuid: string;
  email: string;
  name: string;
  firstName: string | null;
  lastName: string | null;
  status: "active" | "canceled";
  questionsAndAnswers: QuestionAnswer[];
  timezone: string | null;
  tracking: TrackingRecord;
  textReminderNumber: string | null;
  rescheduled: boolean;
  oldInviteeUuid: string | null;
  newInviteeUuid: string | null;
  cancellation: CancellationRecord | null;
  noShowUuid: string | null;
  schedulingMethod: "api" | "instant_book" | null;
  /** User UUID when a host booked on the invitee's behalf. */
  inviteeScheduledByUuid: string | null;
  createdAt: number;
  updatedAt: number;
}

export interface NoShowRecord {
  uuid: string;
  inviteeUuid: string;
  createdAt: number;
}

export interface ExternalBusyRecord {
  uuid: string;
  userUuid: string;
  startTime: number;
  endTime: number;
}

export interface WebhookSubscriptionRecord {
  uuid: string;
  callbackUrl: string;
  events: WebhookEventName[];
  scope: "organization" | "user";
  organizationUuid: string;
  userUuid: string | null;
  creatorUuid: string;
  signingKey: string | null;
  state: "active" | "disabled";
  retryStartedAt: number | null;
  createdAt: number;
  updatedAt: number;
}

export interface SchedulingLinkRecord {
  /** Opaque slug used in the booking URL (`/d/{slug}/{event-type-slug}`). */
  slug: string;
  eventTypeUuid: string;
  maxEventCount: number;
  bookedCount: number;
  createdAt: number;
}

export interface PersonalAccessTokenRecord {
  token: string;
  userUuid: string;
  /** null = legacy full access. */
  scopes: string[] | null;
  label: string;
}

export interface OAuthClientRecord {
  clientId: string;
  clientSecret: string;
  name: string;
  redirectUris: string[];
  /** Accept any loopback host/port redirect ending with this path (null = exact URIs only). */
  loopbackCallbackPath: string | null;
  webhookSigningKey: string;
}

export interface AuthorizationCodeRecord {
  code: string;
  clientId: string;
  userUuid: string;
  redirectUri: string;
  codeChallenge: string | null;
  codeChallengeMethod: "S256" | "plain" | null;
  scopes: string[] | null;
  expiresAt: number;
  used: boolean;
}

export interface AccessTokenRecord {
  token: string;
  userUuid: string;
  clientId: string;
  scopes: string[] | null;
  createdAt: number;
  expiresAt: number;
  revoked: boolean;
}

export interface RefreshTokenRecord {
  token: string;
  userUuid: string;
  clientId: string;
  scopes: string[] | null;
  createdAt: number;
  used: boolean;
  revoked: boolean;
}

/** The whole emulated Calendly state; every collection is keyed by its UUID (or token/code). */
export interface EmulatorState {
  organizations: Map<string, OrganizationRecord>;
  users: Map<string, UserRecord>;
  memberships: Map<string, MembershipRecord>;
  schedules: Map<string, ScheduleRecord>;
  eventTypes: Map<string, EventTypeRecord>;
  events: Map<string, ScheduledEventRecord>;
  invitees: Map<string, InviteeRecord>;
  noShows: Map<string, NoShowRecord>;
  busyTimes: Map<string, ExternalBusyRecord>;
  webhooks: Map<string, WebhookSubscriptionRecord>;
  schedulingLinks: Map<string, SchedulingLinkRecord>;
  personalAccessTokens: Map<string, PersonalAccessTokenRecord>;
  oauthClients: Map<string, OAuthClientRecord>;
  authorizationCodes: Map<string, AuthorizationCodeRecord>;
  accessTokens: Map<string, AccessTokenRecord>;
  refreshTokens: Map<string, RefreshTokenRecord>;
}

export const STATE_COLLECTIONS = [
  "organizations",
  "users",
  "memberships",
  "schedules",
  "eventTypes",
  "events",
  "invitees",
  "noShows",
  "busyTimes",
  "webhooks",
  "schedulingLinks",
  "personalAccessTokens",
  "oauthClients",
  "authorizationCodes",
  "accessTokens",
  "refreshTokens",
] as const satisfies readonly (keyof EmulatorState)[];
