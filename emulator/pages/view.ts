// Shared pieces of the booking pages: time formatting in the viewer's zone, the event-type details panel, the
// month/day/time picker with its time-zone selector, and the "no openings" states.
import { DateTime } from "luxon";
import type { HttpResult } from "../http/router";
import type { Runtime } from "../routes/types";
import type { EventLocation, EventTypeRecord, UserRecord } from "../store/types";
import { locationLabel } from "./form";
import { esc, icon, initials, page, type EmbedMessage } from "./html";
import { carried, flag, href, validZone } from "./params";
import { addMonths, firstMonthWithSlots, horizonDays, isDate, isMonth, monthBounds, monthStart, slotsForMonth, type MonthSlots } from "./slots";

export const timeLabel = (ms: number, zone: string): string => DateTime.fromMillis(ms, { zone }).toFormat("h:mma").toLowerCase();
export const dateLabel = (ms: number, zone: string): string => DateTime.fromMillis(ms, { zone }).toFormat("cccc, LLLL d, yyyy");
export const zoneLabel = (zone: string): string => `${zone.replace(/_/g, " ")} time`;
export const isoStart = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");

export function rangeLabel(start: number, end: number, zone: string): string {
  return `${timeLabel(start, zone)} – ${timeLabel(end, zone)}, ${dateLabel(start, zone)}`;
}

/** The zone the page shows times in: `timezone` query parameter, else the given fallback, else the host's. */
export function viewerZone(query: URLSearchParams, ...fallbacks: (string | null | undefined)[]): string {
  const asked = query.get("timezone");
  if (validZone(asked)) return asked;
  return fallbacks.find(validZone) ?? "UTC";
}

export function eventLocationText(location: EventLocation | null): string | null {
  if (!location) return null;
  const text = typeof location.location === "string" && location.location ? location.location : null;
  const join = typeof location.join_url === "string" ? location.join_url : null;
  const names: Record<string, string> = { zoom: "Zoom", google_conference: "Google Meet", microsoft_teams_conference: "Microsoft Teams", webex_conference: "Webex", gotomeeting: "GoTo Meeting", outbound_call: "Phone call", inbound_call: "Phone call", physical: "In person", ask_invitee: "Location", custom: "Location" };
  const name = names[location.type] ?? location.type;
  if (join) return `${name}: ${join}`;
  return text ? `${name}: ${text}` : name;
}

/** Left panel: host, event name, duration, locations, description (hidden with `hide_event_type_details=1`). */
export function detailsPanel(query: URLSearchParams, host: UserRecord, eventType: EventTypeRecord, extra = "", back = ""): string {
  if (flag(query, "hide_event_type_details")) return extra || back ? `<aside class="details" aria-label="Event details">${back}${extra}</aside>` : "";
  const locations = [...eventType.locations].sort((a, b) => a.position - b.position).map((c) => `<li>${icon("pin")}<span>${esc(locationLabel(c, host.name))}</span></li>`).join("");
  return `<aside class="details" aria-label="Event details">${back}
<div class="avatar" aria-hidden="true">${esc(initials(host.name))}</div>
<p class="host">${esc(host.name)}</p>
<h1>${esc(eventType.name)}</h1>
<ul class="facts"><li>${icon("clock")}<span>${eventType.duration} min</span></li>${locations}</ul>
${eventType.descriptionPlain ? `<p class="description">${esc(eventType.descriptionPlain)}</p>` : ""}${extra}</aside>`;
}

let zoneOptionsCache: string[] | null = null;
function zoneNames(): string[] {
  if (!zoneOptionsCache) {
    const supported = typeof Intl.supportedValuesOf === "function" ? Intl.supportedValuesOf("timeZone") : [];
    zoneOptionsCache = [...new Set(["UTC", ...supported])];
  }
  return zoneOptionsCache;
}

function zoneSelector(action: string, carry: URLSearchParams, zone: string, keep: Record<string, string | undefined>): string {
  const hidden = [...carry.entries(), ...Object.entries(keep)]
    .filter(([key, value]) => key !== "timezone" && value)
    .map(([key, value]) => `<input type="hidden" name="${esc(key)}" value="${esc(value)}">`)
    .join("");
  const names = zoneNames().includes(zone) ? zoneNames() : [zone, ...zoneNames()];
  const options = names.map((z) => `<option value="${esc(z)}"${z === zone ? " selected" : ""}>${esc(z.replace(/_/g, " "))}</option>`).join("");
  return `<form class="tz" method="get" action="${esc(action)}">${hidden}<label for="timezone">Time zone</label>
<select id="timezone" name="timezone">${options}</select> <button type="submit" class="btn secondary" id="tz-apply">Apply</button></form>`;
}

/** Everything that differs between booking a new event and rescheduling an existing one. */
export interface PickerFlow {
  rt: Runtime;
  host: UserRecord;
  eventType: EventTypeRecord;
  query: URLSearchParams;
  zone: string;
  /** Path of the picker page (no query string). */
  pickerPath: string;
  /** Path of the page for one chosen start time (no query string). */
  slotPath(start: number): string;
  ignoreEventUuid?: string;
  /** Extra HTML under the details (e.g. the former time when rescheduling). */
  extraDetails?: string;
  title: string;
}

export interface PickerOptions {
  alert?: string;
  status?: number;
  messages?: EmbedMessage[];
  back?: string;
}

function monthTable(flow: PickerFlow, slots: MonthSlots, selected: string | null, carry: URLSearchParams): string {
  const start = monthStart(slots.month, flow.zone);
  const today = DateTime.fromMillis(flow.rt.clock.now(), { zone: flow.zone }).toISODate();
  const lead = start.weekday % 7; // Sunday first
  const cells: string[] = Array.from({ length: lead }, () => "<td></td>");
  for (let day = 1; day <= start.daysInMonth!; day += 1) {
    const date = start.set({ day });
    const iso = date.toISODate() ?? "";
    const todayClass = iso === today ? " today" : "";
    if (slots.days.has(iso)) {
      const link = href(flow.pickerPath, carry, { month: slots.month, date: iso });
      cells.push(`<td><a class="day${todayClass}" href="${esc(link)}" data-date="${iso}" aria-label="${esc(date.toFormat("cccc, LLLL d"))} – times available"${iso === selected ? ' aria-current="date"' : ""}>${day}</a></td>`);
    } else {
      cells.push(`<td><span class="day${todayClass}"><span aria-hidden="true">${day}</span><span class="sr-only">${esc(date.toFormat("LLLL d"))}, no times available</span></span></td>`);
    }
  }
  while (cells.length % 7 !== 0) cells.push("<td></td>");
  const rows: string[] = [];
  for (let i = 0; i < cells.length; i += 7) rows.push(`<tr>${cells.slice(i, i + 7).join("")}</tr>`);
  const heads = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"].map((d) => `<th scope="col"><abbr title="${d}">${d.slice(0, 3).toUpperCase()}</abbr></th>`).join("");
  return `<table class="cal"><caption class="sr-only">${esc(start.toFormat("LLLL yyyy"))}</caption><thead><tr>${heads}</tr></thead><tbody>${rows.join("")}</tbody></table>`;
}

function timesPanels(flow: PickerFlow, slots: MonthSlots, selected: string | null, carry: URLSearchParams): string {
  const spots = (start: number) => {
    if (flow.eventType.kind !== "group") return "";
    const left = slots.remaining.get(start) ?? 0;
    return `, ${left} ${left === 1 ? "spot" : "spots"} left`;
  };
  const panels = [...slots.days.entries()].map(([date, starts]) => {
    const heading = DateTime.fromISO(date, { zone: flow.zone }).toFormat("cccc, LLLL d");
    const items = starts.map((start) => {
      const link = href(flow.slotPath(start), carry, { month: slots.month, date });
      return `<li><a class="slot" href="${esc(link)}" data-start="${isoStart(start)}" aria-label="${esc(`${timeLabel(start, flow.zone)}, ${heading}${spots(start)}`)}">${timeLabel(start, flow.zone)}${flow.eventType.kind === "group" ? `<span class="spots">${esc(spots(start).slice(2))}</span>` : ""}</a></li>`;
    });
    return `<section class="times" id="times-${date}" aria-label="Times on ${esc(heading)}"${date === selected ? "" : " hidden"}><h3>${esc(heading)}</h3><ul>${items.join("")}</ul></section>`;
  });
  const prompt = `<p class="times hint" id="times-none"${selected && slots.days.has(selected) ? " hidden" : ""}>${slots.days.size > 0 ? "Select a day to see open times." : ""}</p>`;
  return prompt + panels.join("");
}

/** The month picker page (new booking or reschedule). */
export function pickerPage(flow: PickerFlow, options: PickerOptions = {}): HttpResult {
  const { query, zone, rt, eventType } = flow;
  const carry = carried(query);
  carry.set("timezone", zone);
  const bounds = monthBounds(rt, eventType, zone);
  const dateParam = query.get("date");
  const asked = isMonth(query.get("month")) ? query.get("month") : isDate(dateParam) ? dateParam.slice(0, 7) : null;
  let slots: MonthSlots;
  if (asked) {
    const month = asked < bounds.first ? bounds.first : asked > bounds.last ? bounds.last : asked;
    slots = slotsForMonth(rt, eventType, month, zone, flow.ignoreEventUuid);
  } else {
    slots = firstMonthWithSlots(rt, eventType, zone, bounds.first, flow.ignoreEventUuid) ?? slotsForMonth(rt, eventType, bounds.first, zone, flow.ignoreEventUuid);
  }
  const selected = isDate(dateParam) && slots.days.has(dateParam) ? dateParam : null;
  let notice = "";
  if (slots.days.size === 0) {
    const next = slots.month < bounds.last ? firstMonthWithSlots(rt, eventType, zone, addMonths(slots.month, 1), flow.ignoreEventUuid) : null;
    const monthName = monthStart(slots.month, zone).toFormat("LLLL");
    if (next) {
      notice = `<div class="notice" role="status"><h3>No times in ${esc(monthName)}</h3><a class="btn" href="${esc(href(flow.pickerPath, carry, { month: next.month }))}">View next month</a></div>`;
    } else {
      const earlier = slots.month > bounds.first ? firstMonthWithSlots(rt, eventType, zone, bounds.first, flow.ignoreEventUuid) : null;
      notice = earlier
        ? `<div class="notice" role="status"><h3>No times in ${esc(monthName)}</h3><a class="btn" href="${esc(href(flow.pickerPath, carry, { month: earlier.month }))}">View ${esc(monthStart(earlier.month, zone).toFormat("LLLL"))}</a></div>`
        : `<div class="notice" role="status"><h3>No openings</h3><p>${esc(flow.host.name)} has no open times for ${esc(eventType.name)} in the next ${horizonDays(eventType)} days. Please check back later.</p></div>`;
    }
  }
  const prev = slots.month > bounds.first ? href(flow.pickerPath, carry, { month: addMonths(slots.month, -1) }) : null;
  const next = slots.month < bounds.last ? href(flow.pickerPath, carry, { month: addMonths(slots.month, 1) }) : null;
  const navLink = (target: string | null, label: string, glyph: string) =>
    target ? `<a class="nav-btn" href="${esc(target)}" aria-label="${label}">${glyph}</a>` : `<button type="button" class="nav-btn" disabled aria-label="${label}">${glyph}</button>`;
  const alert = options.alert ? `<div class="alert" role="alert">${options.alert}</div>` : "";
  const body = `${detailsPanel(query, flow.host, eventType, flow.extraDetails ?? "", options.back ?? "")}
<section class="content" aria-labelledby="picker-title">${alert}<h2 id="picker-title">${esc(flow.title)}</h2>
${notice}
<div class="picker"><div class="month">
<div class="month-nav">${navLink(prev, "Previous month", "‹")}<span class="label" aria-live="polite">${esc(monthStart(slots.month, zone).toFormat("LLLL yyyy"))}</span>${navLink(next, "Next month", "›")}</div>
${monthTable(flow, slots, selected, carry)}
${zoneSelector(flow.pickerPath, carry, zone, { month: slots.month, date: selected ?? undefined })}
</div><div class="times-col">${timesPanels(flow, slots, selected, carry)}</div></div></section>`;
  return page({ title: `${eventType.name} - ${flow.host.name}`, query, body, status: options.status, messages: options.messages, timezone: zone, zoneFromBrowser: true });
}
