// Serializers: store records → Calendly's JSON shapes (field names as in the captured responses and the spec).
import type { Store } from "../store/store";
import type {
  CancellationRecord,
  EventTypeRecord,
  InviteeRecord,
  JsonValue,
  MembershipRecord,
  NoShowRecord,
  OrganizationRecord,
  ScheduleRecord,
  ScheduledEventRecord,
  UserRecord,
  WebhookSubscriptionRecord,
} from "../store/types";
import { formatNullableTimestamp, formatTimestamp } from "../core/time";
import type { Uris } from "./uris";

export type Json = { [key: string]: JsonValue };

export interface ViewContext {
  store: Store;
  uris: Uris;
}

export function userView(ctx: ViewContext, user: UserRecord): Json {
  return {
    uri: ctx.uris.user(user.uuid),
    name: user.name,
    slug: user.slug,
    email: user.email,
    scheduling_url: ctx.uris.userSchedulingUrl(user.slug),
    timezone: user.timezone,
    avatar_url: user.avatarUrl,
    created_at: formatTimestamp(user.createdAt),
    updated_at: formatTimestamp(user.updatedAt),
    current_organization: ctx.uris.organization(user.organizationUuid),
    resource_type: "User",
    locale: user.locale,
    time_notation: user.timeNotation,
  };
}

export function organizationView(ctx: ViewContext, org: OrganizationRecord): Json {
  return {
    uri: ctx.uris.organization(org.uuid),
    name: org.name,
    plan: org.plan,
    stage: org.stage,
    kind: "organization",
    created_at: formatTimestamp(org.createdAt),
    updated_at: formatTimestamp(org.updatedAt),
  };
}

export function membershipView(ctx: ViewContext, membership: MembershipRecord): Json {
  const user = ctx.store.state.users.get(membership.userUuid);
  const userJson = user ? userView(ctx, user) : null;
  return {
    uri: ctx.uris.membership(membership.uuid),
    role: membership.role,
    user: userJson,
    organization: ctx.uris.organization(membership.organizationUuid),
    created_at: formatTimestamp(membership.createdAt),
    updated_at: formatTimestamp(membership.updatedAt),
  };
}

const KIND_DESCRIPTION: Record<EventTypeRecord["kind"], string> = { solo: "One-on-One", group: "Group" };

export function eventTypeView(ctx: ViewContext, et: EventTypeRecord): Json {
  const user = ctx.store.state.users.get(et.userUuid);
  return {
    uri: ctx.uris.eventType(et.uuid),
    name: et.name,
    active: et.active,
    booking_method: "instant",
    slug: et.slug,
    scheduling_url: ctx.uris.eventTypeSchedulingUrl(user?.slug ?? "unknown", et.slug),
    duration: et.duration,
    duration_options: null,
    kind: et.kind,
    pooling_type: null,
    type: "StandardEventType",
    color: et.color,
    created_at: formatTimestamp(et.createdAt),
    updated_at: formatTimestamp(et.updatedAt),
    internal_note: et.internalNote,
    description_plain: et.descriptionPlain,
    description_html: et.descriptionPlain === null ? null : `<p>${escapeHtml(et.descriptionPlain)}</p>`,
    profile: user ? { type: "User", name: user.name, owner: ctx.uris.user(user.uuid) } : null,
    secret: et.secret,
    deleted_at: null,
    kind_description: KIND_DESCRIPTION[et.kind],
    admin_managed: false,
    locale: "en",
    position: et.position,
    locations: et.locations.map((l) => ({
      kind: l.kind,
      location: l.location,
      additional_info: l.additionalInfo,
      phone_number: l.phoneNumber,
      position: l.position,
    })),
    custom_questions: et.customQuestions.map((q) => ({
      name: q.name,
      type: q.type,
      position: q.position,
      enabled: q.enabled,
      required: q.required,
      answer_choices: q.answerChoices,
      include_other: q.includeOther,
    })),
  };
}

export function scheduleView(ctx: ViewContext, schedule: ScheduleRecord): Json {
  return {
    uri: ctx.uris.schedule(schedule.uuid),
    default: schedule.isDefault,
    name: schedule.name,
    user: ctx.uris.user(schedule.userUuid),
    timezone: schedule.timezone,
    rules: schedule.rules.map((rule): Json =>
      rule.type === "wday"
        ? { type: "wday", wday: rule.wday, intervals: rule.intervals.map((i) => ({ ...i })) }
        : { type: "date", date: rule.date, intervals: rule.intervals.map((i) => ({ ...i })) },
    ),
  };
}

export function cancellationView(c: CancellationRecord): Json {
  return {
    canceled_by: c.canceledBy,
    reason: c.reason,
    canceler_type: c.cancelerType,
    created_at: formatTimestamp(c.createdAt),
  };
}

export function scheduledEventView(ctx: ViewContext, event: ScheduledEventRecord): Json {
  const invitees = ctx.store.inviteesOfEvent(event.uuid);
  const host = ctx.store.state.users.get(event.hostUserUuid);
  const json: Json = {
    uri: ctx.uris.event(event.uuid),
    name: event.name,
    meeting_notes_plain: event.meetingNotesPlain,
    meeting_notes_html: event.meetingNotesPlain === null ? null : `<p>${escapeHtml(event.meetingNotesPlain)}</p>`,
    status: event.status,
    start_time: formatTimestamp(event.startTime),
    end_time: formatTimestamp(event.endTime),
    event_type: ctx.uris.eventType(event.eventTypeUuid),
    location: event.location,
    invitees_counter: {
      total: invitees.length,
      active: invitees.filter((i) => i.status === "active").length,
      limit: event.inviteeLimit,
    },
    created_at: formatTimestamp(event.createdAt),
    updated_at: formatTimestamp(event.updatedAt),
    event_memberships: [
      { user: ctx.uris.user(event.hostUserUuid), user_email: host?.email ?? null, user_name: host?.name ?? null },
    ],
    event_guests: event.guests.map((g) => ({
      email: g.email,
      created_at: formatTimestamp(g.createdAt),
      updated_at: formatTimestamp(g.updatedAt),
    })),
  };
  if (event.cancellation) json.cancellation = cancellationView(event.cancellation);
  return json;
}

function inviteeUri(ctx: ViewContext, inviteeUuid: string | null): string | null {
  if (!inviteeUuid) return null;
  const invitee = ctx.store.state.invitees.get(inviteeUuid);
  return invitee ? ctx.uris.invitee(invitee.eventUuid, invitee.uuid) : null;
}

export function inviteeView(ctx: ViewContext, invitee: InviteeRecord): Json {
  const noShow = invitee.noShowUuid ? ctx.store.state.noShows.get(invitee.noShowUuid) : undefined;
  const json: Json = {
    uri: ctx.uris.invitee(invitee.eventUuid, invitee.uuid),
    email: invitee.email,
    first_name: invitee.firstName,
    last_name: invitee.lastName,
    name: invitee.name,
    status: invitee.status,
    questions_and_answers: invitee.questionsAndAnswers.map((qa) => ({ ...qa })),
    timezone: invitee.timezone,
    event: ctx.uris.event(invitee.eventUuid),
    created_at: formatTimestamp(invitee.createdAt),
    updated_at: formatTimestamp(invitee.updatedAt),
    tracking: { ...invitee.tracking },
    text_reminder_number: invitee.textReminderNumber,
    rescheduled: invitee.rescheduled,
    old_invitee: inviteeUri(ctx, invitee.oldInviteeUuid),
    new_invitee: inviteeUri(ctx, invitee.newInviteeUuid),
    cancel_url: ctx.uris.cancelUrl(invitee.uuid),
    reschedule_url: ctx.uris.rescheduleUrl(invitee.uuid),
    routing_form_submission: null,
    payment: null,
    no_show: noShow ? { uri: ctx.uris.noShow(noShow.uuid), created_at: formatTimestamp(noShow.createdAt) } : null,
    reconfirmation: null,
    scheduling_method: invitee.schedulingMethod,
    invitee_scheduled_by: invitee.inviteeScheduledByUuid ? ctx.uris.user(invitee.inviteeScheduledByUuid) : null,
  };
  if (invitee.cancellation) json.cancellation = cancellationView(invitee.cancellation);
  return json;
}

export function noShowView(ctx: ViewContext, noShow: NoShowRecord): Json {
  return {
    uri: ctx.uris.noShow(noShow.uuid),
    invitee: inviteeUri(ctx, noShow.inviteeUuid),
    created_at: formatTimestamp(noShow.createdAt),
  };
}

export function webhookView(ctx: ViewContext, hook: WebhookSubscriptionRecord): Json {
  return {
    uri: ctx.uris.webhook(hook.uuid),
    callback_url: hook.callbackUrl,
    created_at: formatTimestamp(hook.createdAt),
    updated_at: formatTimestamp(hook.updatedAt),
    retry_started_at: formatNullableTimestamp(hook.retryStartedAt),
    state: hook.state,
    events: [...hook.events],
    scope: hook.scope,
    organization: ctx.uris.organization(hook.organizationUuid),
    user: hook.userUuid ? ctx.uris.user(hook.userUuid) : null,
    group: null,
    creator: ctx.uris.user(hook.creatorUuid),
  };
}

/** Webhook payload for invitee.* and invitee_no_show.*: the invitee plus the embedded scheduled event. */
export function inviteePayloadView(ctx: ViewContext, invitee: InviteeRecord): Json {
  const event = ctx.store.state.events.get(invitee.eventUuid);
  return { ...inviteeView(ctx, invitee), scheduled_event: event ? scheduledEventView(ctx, event) : null };
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
