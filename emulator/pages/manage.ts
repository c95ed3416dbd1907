// Invitee self-service pages at the invitee's `cancel_url` (`/cancellations/{uuid}`) and `reschedule_url`
// (`/reschedulings/{uuid}`): cancel with a reason (core cancelInvitee, canceler_type "invitee") and pick a new time
// (core rescheduleInvitee: old invitee canceled with `rescheduled: true`, new one with `old_invitee`).
import { findOpenSlot } from "../core/available-times";
import { cancelInvitee } from "../core/cancel";
import { CoreError } from "../core/errors";
import { rescheduleInvitee } from "../core/reschedule";
import { parseTimestamp } from "../core/time";
import type { HttpResult } from "../http/router";
import type { PublicRequest, Runtime } from "../routes/types";
import type { EventTypeRecord, InviteeRecord, ScheduledEventRecord, UserRecord } from "../store/types";
import { TAKEN_MESSAGE } from "./booking";
import { esc, icon, notFoundPage, page } from "./html";
import { carried, href } from "./params";
import { eventLocationText, isoStart, pickerPage, rangeLabel, viewerZone, zoneLabel, type PickerFlow } from "./view";

interface Booking {
  invitee: InviteeRecord;
  event: ScheduledEventRecord;
  eventType: EventTypeRecord;
  host: UserRecord;
}

function findBooking(rt: Runtime, uuid: string): Booking | null {
  const invitee = rt.store.state.invitees.get(uuid);
  const event = invitee ? rt.store.state.events.get(invitee.eventUuid) : undefined;
  const eventType = event ? rt.store.state.eventTypes.get(event.eventTypeUuid) : undefined;
  const host = event ? rt.store.state.users.get(event.hostUserUuid) : undefined;
  return invitee && event && eventType && host ? { invitee, event, eventType, host } : null;
}

function summary(b: Booking, zone: string, former = false): string {
  const location = eventLocationText(b.event.location);
  const time = rangeLabel(b.event.startTime, b.event.endTime, zone);
  return `<div class="summary"><ul class="facts">
<li>${icon("person")}<span>${esc(b.eventType.name)} with ${esc(b.host.name)}</span></li>
<li>${icon("calendar")}<span>${former ? `Former time: <span class="former">${esc(time)}</span>` : esc(time)}</span></li>
<li>${icon("globe")}<span>${esc(zoneLabel(zone))}</span></li>
${location && !former ? `<li>${icon("pin")}<span>${esc(location)}</span></li>` : ""}</ul></div>`;
}

function messagePage(query: URLSearchParams, title: string, text: string, extra = "", status = 200): HttpResult {
  return page({ title, query, status, narrow: true, body: `<div class="center"><h1>${esc(title)}</h1><p>${esc(text)}</p>${extra}</div>` });
}

/** Why a booking can no longer be changed, or null. */
function blocked(rt: Runtime, b: Booking, query: URLSearchParams, verb: "canceled" | "rescheduled"): HttpResult | null {
  const zone = viewerZone(query, b.invitee.timezone, b.host.timezone);
  const again = `<p><a class="btn" href="${esc(rt.uris.eventTypeSchedulingUrl(b.host.slug, b.eventType.slug))}">Schedule another event</a></p>`;
  if (b.invitee.status === "canceled") {
    if (b.invitee.rescheduled && b.invitee.newInviteeUuid) {
      const link = `<p><a class="btn" href="${esc(rt.uris[verb === "canceled" ? "cancelUrl" : "rescheduleUrl"](b.invitee.newInviteeUuid))}">${verb === "canceled" ? "Cancel" : "Reschedule"} the new time</a></p>`;
      return messagePage(query, "This event has been rescheduled", `This booking was moved to a new time, so it can't be ${verb} here.`, summary(b, zone, true) + link);
    }
    const reason = b.invitee.cancellation?.reason ? ` Reason: “${b.invitee.cancellation.reason}”` : "";
    return messagePage(query, "This event has been canceled", `${b.eventType.name} with ${b.host.name} was canceled.${reason}`, summary(b, zone) + again);
  }
  if (b.event.startTime <= rt.clock.now()) {
    return messagePage(query, "This event is in the past", `Events that have already started can't be ${verb}.`, summary(b, zone));
  }
  return null;
}

function cancelForm(rt: Runtime, b: Booking, query: URLSearchParams, error = ""): HttpResult {
  const zone = viewerZone(query, b.invitee.timezone, b.host.timezone);
  const action = href(`/cancellations/${b.invitee.uuid}`, carried(query));
  const body = `<section class="content" aria-labelledby="cancel-title"><div style="text-align:center"><h1 id="cancel-title">Cancel event?</h1>${summary(b, zone)}</div>
${error ? `<div class="alert" role="alert">${esc(error)}</div>` : ""}
<form method="post" action="${esc(action)}" style="max-width:480px;margin:0 auto">
<div class="field"><label for="f-reason">Reason for canceling</label><textarea id="f-reason" name="reason" maxlength="10000" aria-describedby="f-reason-hint"></textarea>
<p class="hint" id="f-reason-hint">Optional. ${esc(b.host.name)} will see it.</p></div>
<div class="actions" style="justify-content:flex-start"><button type="submit" class="btn danger">Cancel event</button>
<a class="btn secondary" href="${esc(rt.uris.rescheduleUrl(b.invitee.uuid))}">Reschedule instead</a></div></form></section>`;
  return page({ title: "Cancel event", query, body, narrow: true });
}

function cancelPage(req: PublicRequest): HttpResult {
  const { rt, query } = req;
  const b = findBooking(rt, req.params.uuid ?? "");
  if (!b) return notFoundPage(query, req.headers.accept, "This cancellation link isn't valid.");
  return blocked(rt, b, query, "canceled") ?? cancelForm(rt, b, query);
}

function cancelSubmit(req: PublicRequest): HttpResult {
  const { rt, query } = req;
  const b = findBooking(rt, req.params.uuid ?? "");
  if (!b) return notFoundPage(query, req.headers.accept, "This cancellation link isn't valid.");
  const stop = blocked(rt, b, query, "canceled");
  if (stop) return { ...stop, status: 409 };
  const reason = (new URLSearchParams(req.rawBody).get("reason") ?? "").trim();
  try {
    cancelInvitee(rt.core, { inviteeUuid: b.invitee.uuid, cancelerType: "invitee", reason: reason || null });
  } catch (error) {
    if (error instanceof CoreError) return cancelForm(rt, b, query, error.details?.[0]?.message ?? error.message);
    throw error;
  }
  const zone = viewerZone(query, b.invitee.timezone, b.host.timezone);
  const again = `<p><a class="btn" href="${esc(rt.uris.eventTypeSchedulingUrl(b.host.slug, b.eventType.slug))}">Schedule another event</a></p>`;
  return messagePage(query, "Cancellation confirmed", `Your meeting with ${b.host.name} has been canceled.`, summary(b, zone) + again);
}

function rescheduleFlow(rt: Runtime, b: Booking, query: URLSearchParams): PickerFlow {
  const zone = viewerZone(query, b.invitee.timezone, b.host.timezone);
  return {
    rt,
    host: b.host,
    eventType: b.eventType,
    query,
    zone,
    pickerPath: `/reschedulings/${b.invitee.uuid}`,
    slotPath: (start) => `/reschedulings/${b.invitee.uuid}/${isoStart(start)}`,
    ignoreEventUuid: b.event.uuid,
    extraDetails: `<p class="hint"><strong>Former time</strong><br><span class="former">${esc(rangeLabel(b.event.startTime, b.event.endTime, zone))}</span></p>`,
    title: "Select a new Date & Time",
  };
}

function reschedulePicker(req: PublicRequest): HttpResult {
  const { rt, query } = req;
  const b = findBooking(rt, req.params.uuid ?? "");
  if (!b) return notFoundPage(query, req.headers.accept, "This reschedule link isn't valid.");
  const stop = blocked(rt, b, query, "rescheduled");
  if (stop) return stop;
  if (!b.eventType.active) return messagePage(query, "This event type is turned off", `${b.host.name} has turned off ${b.eventType.name}; please cancel instead.`);
  return pickerPage(rescheduleFlow(rt, b, query), { messages: query.get("month") ? [] : [{ event: "calendly.event_type_viewed" }] });
}

function rescheduleForm(flow: PickerFlow, b: Booking, start: number, error = "", status = 200): HttpResult {
  const { query, zone } = flow;
  const carry = carried(query);
  carry.set("timezone", zone);
  const end = start + b.eventType.duration * 60_000;
  const action = href(flow.slotPath(start), carry);
  const backHref = href(flow.pickerPath, carry, { month: query.get("month"), date: query.get("date") });
  const body = `<section class="content" aria-labelledby="re-title"><a class="back" href="${esc(backHref)}" aria-label="Back to the calendar">←</a>
<div style="text-align:center"><h1 id="re-title">Confirm new time</h1>
<div class="summary"><ul class="facts"><li>${icon("person")}<span>${esc(b.eventType.name)} with ${esc(b.host.name)}</span></li>
<li>${icon("calendar")}<span><strong>${esc(rangeLabel(start, end, zone))}</strong></span></li>
<li>${icon("redo")}<span>Former time: <span class="former">${esc(rangeLabel(b.event.startTime, b.event.endTime, zone))}</span></span></li>
<li>${icon("globe")}<span>${esc(zoneLabel(zone))}</span></li></ul></div></div>
${error ? `<div class="alert" role="alert">${esc(error)}</div>` : ""}
<form method="post" action="${esc(action)}" style="max-width:480px;margin:0 auto">
<div class="field"><label for="f-reason">Reason for rescheduling</label><textarea id="f-reason" name="reason" maxlength="10000" aria-describedby="f-reason-hint"></textarea>
<p class="hint" id="f-reason-hint">Optional. ${esc(b.host.name)} will see it.</p></div>
<button type="submit" class="btn">Reschedule event</button></form></section>`;
  return page({ title: "Reschedule event", query, body, narrow: true, status, messages: status === 200 ? [{ event: "calendly.date_and_time_selected" }] : [] });
}

function takenReschedule(flow: PickerFlow, start: number): HttpResult {
  const query = new URLSearchParams(flow.query);
  query.set("timezone", flow.zone);
  query.set("date", isoStart(start).slice(0, 10));
  query.delete("month");
  return pickerPage({ ...flow, query }, { alert: esc(TAKEN_MESSAGE), status: 409 });
}

function rescheduleSlot(req: PublicRequest, submit: boolean): HttpResult {
  const { rt, query } = req;
  const b = findBooking(rt, req.params.uuid ?? "");
  if (!b) return notFoundPage(query, req.headers.accept, "This reschedule link isn't valid.");
  const stop = blocked(rt, b, query, "rescheduled");
  if (stop) return submit ? { ...stop, status: 409 } : stop;
  const flow = rescheduleFlow(rt, b, query);
  const start = parseTimestamp(req.params.start ?? "");
  if (start === null) return notFoundPage(query, req.headers.accept, "That time is not a valid start time.");
  if (!findOpenSlot(rt.store, b.eventType.uuid, start, rt.clock.now(), b.event.uuid)) return takenReschedule(flow, start);
  if (!submit) return rescheduleForm(flow, b, start);
  const reason = (new URLSearchParams(req.rawBody).get("reason") ?? "").trim();
  try {
    const result = rescheduleInvitee(rt.core, { inviteeUuid: b.invitee.uuid, newStartTime: start, reason: reason || null });
    const carry = carried(query);
    carry.set("timezone", flow.zone);
    return { status: 303, headers: { location: href(`/${b.host.slug}/${b.eventType.slug}/invitees/${result.invitee.uuid}`, carry) }, text: "" };
  } catch (error) {
    if (!(error instanceof CoreError)) throw error;
    if (error.kind === "not_found") return takenReschedule(flow, start);
    return rescheduleForm(flow, b, start, error.details?.[0]?.message ?? error.message, 422);
  }
}

export const manageHandlers = {
  cancelPage,
  cancelSubmit,
  reschedulePicker,
  rescheduleSlotPage: (req: PublicRequest) => rescheduleSlot(req, false),
  rescheduleSubmit: (req: PublicRequest) => rescheduleSlot(req, true),
};
