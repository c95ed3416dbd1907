// Booking pages like calendly.com: the user's page (`/{user}`), the event type's scheduling page
// (`/{user}/{event}`), the invitee form for one start time (`/{user}/{event}/{ISO start}`), the confirmation
// (`/{user}/{event}/invitees/{uuid}`) and single-use scheduling links (`/d/{slug}/{event}`). Booking calls the same
// core function as `POST /invitees` (scheduling_method null), so it fires `invitee.created` webhooks.
import { bookInvitee } from "../core/book";
import { findOpenSlot } from "../core/available-times";
import { CoreError } from "../core/errors";
import { parseTimestamp } from "../core/time";
import type { HttpResult } from "../http/router";
import type { PublicRequest, Runtime } from "../routes/types";
import type { EventTypeRecord, InviteeRecord, SchedulingLinkRecord, UserRecord } from "../store/types";
import { fieldId, fieldLabel, formFields, parseForm, prefillValues, type FieldErrors } from "./form";
import { esc, icon, initials, notFoundPage, page, type EmbedMessage } from "./html";
import { carried, flag, href, trackingFrom } from "./params";
import { detailsPanel, eventLocationText, isoStart, pickerPage, rangeLabel, viewerZone, zoneLabel, type PickerFlow } from "./view";

export const TAKEN_MESSAGE = "Sorry, that time is no longer available. Please choose another time.";

/** What a booking page is about: the host, the event type and where its pages live. */
interface BookingTarget {
  host: UserRecord;
  eventType: EventTypeRecord;
  basePath: string;
  link?: SchedulingLinkRecord;
}

function targetFromSlugs(rt: Runtime, userSlug: string, eventSlug: string): BookingTarget | null {
  const host = rt.store.userBySlug(userSlug);
  const eventType = rt.store.eventTypeBySlugs(userSlug, eventSlug);
  if (!host || !eventType) return null;
  return { host, eventType, basePath: `/${host.slug}/${eventType.slug}` };
}

function targetFromLink(rt: Runtime, linkSlug: string, eventSlug: string): BookingTarget | null {
  const link = rt.store.state.schedulingLinks.get(linkSlug);
  const eventType = link ? rt.store.state.eventTypes.get(link.eventTypeUuid) : undefined;
  const host = eventType ? rt.store.state.users.get(eventType.userUuid) : undefined;
  if (!link || !eventType || !host || eventType.slug !== eventSlug) return null;
  return { host, eventType, basePath: `/d/${link.slug}/${eventType.slug}`, link };
}

export function bookingFlow(rt: Runtime, target: BookingTarget, query: URLSearchParams): PickerFlow {
  return {
    rt,
    host: target.host,
    eventType: target.eventType,
    query,
    zone: viewerZone(query, target.host.timezone),
    pickerPath: target.basePath,
    slotPath: (start) => `${target.basePath}/${isoStart(start)}`,
    title: "Select a Date & Time",
  };
}

/** Inactive event types and used-up single-use links: Calendly's "unavailable" page instead of a calendar. */
function unavailablePage(rt: Runtime, target: BookingTarget, query: URLSearchParams): HttpResult | null {
  const { host, eventType, link } = target;
  let title: string | null = null;
  let text = "";
  if (!eventType.active) {
    title = "This event type is turned off";
    text = `${host.name} has turned off ${eventType.name}, so it can't be booked right now.`;
  } else if (link && link.bookedCount >= link.maxEventCount) {
    title = "This link has already been used";
    text = `This one-time link to book ${eventType.name} with ${host.name} has already been used.`;
  }
  if (!title) return null;
  const others = [...rt.store.state.eventTypes.values()].some((e) => e.userUuid === host.uuid && e.active && !e.secret);
  const more = others ? `<p><a class="btn secondary" href="${esc(href(`/${host.slug}`, carried(query)))}">See ${esc(host.name)}'s other event types</a></p>` : "";
  return page({ title: eventType.name, query, narrow: true, body: `<div class="center"><div class="avatar" aria-hidden="true" style="margin:0 auto 12px">${esc(initials(host.name))}</div><h1>${esc(title)}</h1><p>${esc(text)}</p>${more}</div>` });
}

const accept = (req: PublicRequest) => req.headers.accept;

function eventPage(req: PublicRequest, target: BookingTarget | null): HttpResult {
  const { rt, query } = req;
  if (!target) return notFoundPage(query, accept(req));
  const unavailable = unavailablePage(rt, target, query);
  if (unavailable) return unavailable;
  const initial = !query.get("month");
  const back = flag(query, "hide_landing_page_details") || target.link ? "" : `<a class="back" href="${esc(href(`/${target.host.slug}`, carried(query)))}" aria-label="Back to ${esc(target.host.name)}'s event types">←</a>`;
  return pickerPage(bookingFlow(rt, target, query), { messages: initial ? [{ event: "calendly.event_type_viewed" }] : [], back });
}

function parseStart(raw: string): number | null {
  const ms = parseTimestamp(raw);
  return ms === null || !Number.isFinite(ms) ? null : ms;
}

function errorSummary(eventType: EventTypeRecord, errors: FieldErrors, general: string[]): string {
  const items = [
    ...Object.entries(errors).map(([field, message]) => `<li><a href="#${esc(fieldId(field))}">${esc(fieldLabel(eventType, field))}: ${esc(message)}</a></li>`),
    ...general.map((message) => `<li>${esc(message)}</li>`),
  ];
  if (items.length === 0) return "";
  return `<div class="alert" role="alert" tabindex="-1" id="error-summary"><strong>Please fix the following:</strong><ul>${items.join("")}</ul></div>`;
}

interface FormPageInput {
  flow: PickerFlow;
  start: number;
  values: URLSearchParams;
  errors?: FieldErrors;
  general?: string[];
  status?: number;
  messages?: EmbedMessage[];
}

function formPage(input: FormPageInput): HttpResult {
  const { flow, start, values } = input;
  const { query, zone, eventType, host } = flow;
  const carry = carried(query);
  carry.set("timezone", zone);
  const end = start + eventType.duration * 60_000;
  const backHref = href(flow.pickerPath, carry, { month: query.get("month"), date: query.get("date") });
  const when = `<ul class="facts"><li>${icon("calendar")}<span>${esc(rangeLabel(start, end, zone))}</span></li><li>${icon("globe")}<span>${esc(zoneLabel(zone))}</span></li></ul>`;
  const back = `<a class="back" href="${esc(backHref)}" aria-label="Back to the calendar">←</a>`;
  const action = href(flow.slotPath(start), carry, { month: query.get("month"), date: query.get("date") });
  const body = `${detailsPanel(query, host, eventType, when, back)}
<section class="content" aria-labelledby="form-title">
${errorSummary(eventType, input.errors ?? {}, input.general ?? [])}
<h2 id="form-title">Enter Details</h2>
<form method="post" action="${esc(action)}" novalidate>
<input type="hidden" name="timezone" value="${esc(zone)}">
<input type="hidden" name="start_time" value="${esc(isoStart(start))}">
${formFields(eventType, host.name, values, input.errors ?? {})}
<p class="hint">By proceeding, you confirm that you have read and agree to Calendly's Terms of Use and Privacy Notice.</p>
<button type="submit" class="btn">Schedule Event</button>
</form></section>`;
  return page({ title: `${eventType.name} - ${host.name}`, query, body, status: input.status, messages: input.messages, timezone: zone, zoneFromBrowser: true });
}

function takenPage(flow: PickerFlow, start: number): HttpResult {
  const query = new URLSearchParams(flow.query);
  query.set("timezone", flow.zone);
  if (!query.get("date")) query.set("date", isoStart(start).slice(0, 10));
  query.delete("month");
  return pickerPage({ ...flow, query }, { alert: esc(TAKEN_MESSAGE), status: 409 });
}

function slotPage(req: PublicRequest, target: BookingTarget | null): HttpResult {
  const { rt, query } = req;
  if (!target) return notFoundPage(query, accept(req));
  const unavailable = unavailablePage(rt, target, query);
  if (unavailable) return unavailable;
  const flow = bookingFlow(rt, target, query);
  const start = parseStart(req.params.start ?? "");
  if (start === null) return notFoundPage(query, accept(req), "That time is not a valid start time.");
  if (!findOpenSlot(rt.store, target.eventType.uuid, start, rt.clock.now())) return takenPage(flow, start);
  return formPage({ flow, start, values: prefillValues(target.eventType, query), messages: [{ event: "calendly.date_and_time_selected" }] });
}

function confirmationPath(host: UserRecord, eventType: EventTypeRecord, invitee: InviteeRecord): string {
  return `/${host.slug}/${eventType.slug}/invitees/${invitee.uuid}`;
}

/** Maps a core validation error to form fields (the page validates first; this covers the rest). */
function coreErrorFields(error: CoreError): { errors: FieldErrors; general: string[] } {
  const errors: FieldErrors = {};
  const general: string[] = [];
  for (const detail of error.details ?? [{ message: error.message }]) {
    const p = detail.parameter ?? "";
    if (p === "invitee.email") errors.email = detail.message;
    else if (p === "invitee.name") errors.name = detail.message;
    else if (p === "event_guests") errors.guests = detail.message;
    else if (p.startsWith("location")) errors.location_kind = detail.message;
    else general.push(detail.message);
  }
  return { errors, general };
}

function bookSlot(req: PublicRequest, target: BookingTarget | null): HttpResult {
  const { rt, query } = req;
  if (!target) return notFoundPage(query, accept(req));
  const unavailable = unavailablePage(rt, target, query);
  if (unavailable) return unavailable;
  const values = new URLSearchParams(req.rawBody);
  const zoneQuery = new URLSearchParams(query);
  if (values.get("timezone")) zoneQuery.set("timezone", values.get("timezone") ?? "");
  const flow = bookingFlow(rt, target, zoneQuery);
  const start = parseStart(req.params.start ?? "");
  if (start === null) return notFoundPage(query, accept(req), "That time is not a valid start time.");
  if (!findOpenSlot(rt.store, target.eventType.uuid, start, rt.clock.now())) return takenPage(flow, start);
  const parsed = parseForm(target.eventType, values);
  if (Object.keys(parsed.errors).length > 0) return formPage({ flow, start, values, errors: parsed.errors, status: 422 });
  try {
    const { invitee } = bookInvitee(rt.core, {
      eventTypeUuid: target.eventType.uuid,
      startTime: start,
      invitee: { email: parsed.email, name: parsed.name, timezone: flow.zone },
      location: parsed.location,
      questionsAndAnswers: parsed.answers,
      tracking: trackingFrom(query),
      guests: parsed.guests,
      schedulingMethod: null,
    });
    if (target.link) target.link.bookedCount += 1;
    const carry = carried(query);
    carry.set("timezone", flow.zone);
    return { status: 303, headers: { location: href(confirmationPath(target.host, target.eventType, invitee), carry) }, text: "" };
  } catch (error) {
    if (!(error instanceof CoreError)) throw error;
    if (error.kind === "not_found") return takenPage(flow, start);
    const { errors, general } = coreErrorFields(error);
    return formPage({ flow, start, values, errors, general, status: 422 });
  }
}

/** "You are scheduled": shown after booking and rescheduling; posts `calendly.event_scheduled` when embedded. */
export function confirmationPage(rt: Runtime, invitee: InviteeRecord, query: URLSearchParams): HttpResult {
  const event = rt.store.state.events.get(invitee.eventUuid);
  const eventType = event ? rt.store.state.eventTypes.get(event.eventTypeUuid) : undefined;
  const host = event ? rt.store.state.users.get(event.hostUserUuid) : undefined;
  if (!event || !eventType || !host) return notFoundPage(query, "text/html");
  const zone = viewerZone(query, invitee.timezone, host.timezone);
  const canceled = invitee.status === "canceled";
  const location = eventLocationText(event.location);
  const old = invitee.oldInviteeUuid ? rt.store.state.invitees.get(invitee.oldInviteeUuid) : undefined;
  const oldEvent = old ? rt.store.state.events.get(old.eventUuid) : undefined;
  const rows = [
    `<li>${icon("person")}<span>${esc(eventType.name)} with ${esc(host.name)}</span></li>`,
    `<li>${icon("calendar")}<span>${esc(rangeLabel(event.startTime, event.endTime, zone))}</span></li>`,
    oldEvent ? `<li>${icon("redo")}<span>Former time: <span class="former">${esc(rangeLabel(oldEvent.startTime, oldEvent.endTime, zone))}</span></span></li>` : "",
    `<li>${icon("globe")}<span>${esc(zoneLabel(zone))}</span></li>`,
    location ? `<li>${icon("pin")}<span>${esc(location)}</span></li>` : "",
    event.guests.length ? `<li>${icon("mail")}<span>Guests: ${esc(event.guests.map((g) => g.email).join(", "))}</span></li>` : "",
  ].join("");
  const heading = canceled ? "This event has been canceled" : old ? "Your event has been rescheduled" : "You are scheduled";
  const actions = canceled
    ? `<a class="btn" href="${esc(href(`/${host.slug}/${eventType.slug}`, carried(query)))}">Schedule another event</a>`
    : `<p>Need to make a change?</p><div class="actions"><a class="btn secondary" href="${esc(rt.uris.rescheduleUrl(invitee.uuid))}">Reschedule</a><a class="btn secondary" href="${esc(rt.uris.cancelUrl(invitee.uuid))}">Cancel</a></div>`;
  const messages: EmbedMessage[] = canceled
    ? []
    : [{ event: "calendly.event_scheduled", payload: { event: { uri: rt.uris.event(event.uuid) }, invitee: { uri: rt.uris.invitee(event.uuid, invitee.uuid) } }, onceKey: `calendly-scheduled-${invitee.uuid}` }];
  const body = `<div class="center" aria-live="polite">${canceled ? "" : `<div class="check" aria-hidden="true">✓</div>`}<h1>${esc(heading)}</h1>
${canceled ? "" : `<p>A calendar invitation has been sent to <strong>${esc(invitee.email)}</strong>.</p>`}
<div class="summary"><ul class="facts">${rows}</ul></div>${actions}</div>`;
  return page({ title: heading, query, body, narrow: true, messages });
}

function confirmation(req: PublicRequest): HttpResult {
  const { rt, query } = req;
  const target = targetFromSlugs(rt, req.params.user ?? "", req.params.event ?? "");
  const invitee = rt.store.state.invitees.get(req.params.uuid ?? "");
  const event = invitee ? rt.store.state.events.get(invitee.eventUuid) : undefined;
  if (!target || !invitee || !event || event.eventTypeUuid !== target.eventType.uuid) return notFoundPage(query, accept(req));
  return confirmationPage(rt, invitee, query);
}

/** The user's page: their active, non-secret event types. */
function profilePage(req: PublicRequest): HttpResult {
  const { rt, query } = req;
  const host = rt.store.userBySlug(req.params.user ?? "");
  if (!host) return notFoundPage(query, accept(req));
  const carry = carried(query);
  const types = [...rt.store.state.eventTypes.values()]
    .filter((e) => e.userUuid === host.uuid && e.active && !e.secret)
    .sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  const cards = types
    .map((e) => `<li><a href="${esc(href(`/${host.slug}/${e.slug}`, carry))}" style="--c:${esc(e.color)}"><strong>${esc(e.name)}</strong><span>${e.duration} min${e.kind === "group" ? " · Group" : ""}</span>${e.descriptionPlain ? `<p class="hint">${esc(e.descriptionPlain)}</p>` : ""}</a></li>`)
    .join("");
  const header = flag(query, "hide_landing_page_details")
    ? ""
    : `<div style="text-align:center;margin-bottom:28px"><div class="avatar" aria-hidden="true" style="margin:0 auto 12px">${esc(initials(host.name))}</div><h1>${esc(host.name)}</h1><p class="hint">Welcome to my scheduling page. Please follow the instructions to add an event to my calendar.</p></div>`;
  const list = types.length ? `<h2 class="sr-only">Event types</h2><ul class="types">${cards}</ul>` : `<div class="notice" role="status"><h3>No event types</h3><p>${esc(host.name)} has no event types available right now.</p></div>`;
  return page({ title: host.name, query, body: `<section class="content" aria-label="${esc(host.name)}">${header}${list}</section>`, messages: [{ event: "calendly.profile_page_viewed" }] });
}

export const bookingHandlers = {
  profile: profilePage,
  eventPage: (req: PublicRequest) => eventPage(req, targetFromSlugs(req.rt, req.params.user ?? "", req.params.event ?? "")),
  slotPage: (req: PublicRequest) => slotPage(req, targetFromSlugs(req.rt, req.params.user ?? "", req.params.event ?? "")),
  book: (req: PublicRequest) => bookSlot(req, targetFromSlugs(req.rt, req.params.user ?? "", req.params.event ?? "")),
  confirmation,
  linkPage: (req: PublicRequest) => eventPage(req, targetFromLink(req.rt, req.params.link ?? "", req.params.event ?? "")),
  linkSlotPage: (req: PublicRequest) => slotPage(req, targetFromLink(req.rt, req.params.link ?? "", req.params.event ?? "")),
  linkBook: (req: PublicRequest) => bookSlot(req, targetFromLink(req.rt, req.params.link ?? "", req.params.event ?? "")),
};
