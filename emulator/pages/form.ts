// The invitee form: name/email, guests, location choice and the event type's custom questions of every type
// (string, text, phone_number, single_select, multi_select; required ones enforced), with prefill and field errors.
import type { LocationChoice } from "../core/locations";
import type { CustomQuestion, EventTypeRecord, LocationConfig, QuestionAnswer } from "../store/types";
import { esc } from "./html";
import { ANSWER_KEYS, prefillName } from "./params";

export type FieldErrors = Record<string, string>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const BLANK = "Can't be blank";

export const enabledQuestions = (eventType: EventTypeRecord): CustomQuestion[] =>
  eventType.customQuestions.filter((q) => q.enabled).sort((a, b) => a.position - b.position);

const qField = (q: CustomQuestion) => `q_${q.position}`;
const otherField = (q: CustomQuestion) => `q_${q.position}_other`;
const OTHER = "__other__";

export function locationLabel(config: LocationConfig, hostName: string): string {
  switch (config.kind) {
    case "zoom_conference": return "Zoom";
    case "google_conference": return "Google Meet";
    case "microsoft_teams_conference": return "Microsoft Teams";
    case "webex_conference": return "Webex";
    case "gotomeeting_conference": return "GoTo Meeting";
    case "physical": return config.location ? `In person: ${config.location}` : "In person";
    case "inbound_call": return `Phone call: you call ${config.phoneNumber ?? config.location ?? hostName}`;
    case "outbound_call": return `Phone call: ${hostName} will call you`;
    case "ask_invitee": return "Somewhere else (you tell us where)";
    default: return config.location ?? "Custom location";
  }
}

const needsDetail = (config: LocationConfig) => config.kind === "outbound_call" || config.kind === "ask_invitee";
const detailLabel = (config: LocationConfig) => (config.kind === "outbound_call" ? "Phone number we should call" : "Where should we meet?");
const detailField = (config: LocationConfig) => `location_${config.kind}`;

const sortedLocations = (eventType: EventTypeRecord) => [...eventType.locations].sort((a, b) => a.position - b.position);

/** Initial form values from the query (Calendly's prefill parameters). */
export function prefillValues(eventType: EventTypeRecord, query: URLSearchParams): URLSearchParams {
  const values = new URLSearchParams();
  values.set("name", prefillName(query));
  values.set("email", query.get("email") ?? "");
  values.set("guests", (query.get("guests") ?? "").split(",").map((g) => g.trim()).filter(Boolean).join(", "));
  const location = query.get("location");
  if (location) for (const config of eventType.locations) if (needsDetail(config)) values.set(detailField(config), location);
  enabledQuestions(eventType).forEach((q, index) => {
    const key = ANSWER_KEYS[index];
    const given = key ? query.get(key) : null;
    if (!given) return;
    if (q.type === "single_select") {
      if (q.answerChoices.includes(given)) values.set(qField(q), given);
      else if (q.includeOther) {
        values.set(qField(q), OTHER);
        values.set(otherField(q), given);
      }
    } else if (q.type === "multi_select") {
      const parts = q.answerChoices.includes(given) ? [given] : given.split(/[\n,]/).map((p) => p.trim()).filter(Boolean);
      for (const part of parts) {
        if (q.answerChoices.includes(part)) values.append(qField(q), part);
        else if (q.includeOther) {
          values.append(qField(q), OTHER);
          values.set(otherField(q), [values.get(otherField(q)), part].filter(Boolean).join(", "));
        }
      }
    } else {
      values.set(qField(q), given);
    }
  });
  return values;
}

function describedBy(id: string, errors: FieldErrors, field: string, hint?: boolean): string {
  const ids = [hint ? `${id}-hint` : "", errors[field] ? `${id}-error` : ""].filter(Boolean).join(" ");
  return ids ? ` aria-describedby="${ids}"` : "";
}

const errorText = (id: string, errors: FieldErrors, field: string) =>
  errors[field] ? `<p class="error" id="${id}-error">${esc(errors[field])}</p>` : "";
const invalidAttr = (errors: FieldErrors, field: string) => (errors[field] ? ` aria-invalid="true"` : "");
const requiredMark = (required: boolean) => (required ? ` <span class="req" aria-hidden="true">*</span>` : "");

function textInput(field: string, label: string, type: string, value: string, required: boolean, errors: FieldErrors, extra = ""): string {
  const id = `f-${field}`;
  return `<div class="field"><label for="${id}">${esc(label)}${requiredMark(required)}</label>
<input id="${id}" name="${esc(field)}" type="${type}" value="${esc(value)}"${required ? " required aria-required=\"true\"" : ""}${invalidAttr(errors, field)}${describedBy(id, errors, field)}${extra}>${errorText(id, errors, field)}</div>`;
}

function questionField(q: CustomQuestion, values: URLSearchParams, errors: FieldErrors): string {
  const field = qField(q);
  const id = `f-${field}`;
  const req = q.required ? " required aria-required=\"true\"" : "";
  if (q.type === "string" || q.type === "phone_number") {
    return textInput(field, q.name, q.type === "phone_number" ? "tel" : "text", values.get(field) ?? "", q.required, errors, q.type === "phone_number" ? ` autocomplete="tel"` : "");
  }
  if (q.type === "text") {
    return `<div class="field"><label for="${id}">${esc(q.name)}${requiredMark(q.required)}</label>
<textarea id="${id}" name="${field}"${req}${invalidAttr(errors, field)}${describedBy(id, errors, field)}>${esc(values.get(field) ?? "")}</textarea>${errorText(id, errors, field)}</div>`;
  }
  const multi = q.type === "multi_select";
  const chosen = values.getAll(field);
  const inputType = multi ? "checkbox" : "radio";
  const choices = q.answerChoices.map((choice, i) => {
    const cid = `${id}-${i}`;
    const checked = chosen.includes(choice) ? " checked" : "";
    const required = !multi && q.required ? " required" : "";
    return `<label class="choice" for="${cid}"><input type="${inputType}" id="${cid}" name="${field}" value="${esc(choice)}"${checked}${required}> ${esc(choice)}</label>`;
  });
  if (q.includeOther) {
    const checked = chosen.includes(OTHER) ? " checked" : "";
    choices.push(`<label class="choice" for="${id}-other"><input type="${inputType}" id="${id}-other" name="${field}" value="${OTHER}"${checked}${!multi && q.required ? " required" : ""}> Other</label>
<label class="sr-only" for="${id}-other-text">Other answer for ${esc(q.name)}</label><input type="text" id="${id}-other-text" name="${otherField(q)}" value="${esc(values.get(otherField(q)) ?? "")}" placeholder="Other">`);
  }
  return `<fieldset class="field" id="${id}"${invalidAttr(errors, field)}${describedBy(id, errors, field, multi)}><legend>${esc(q.name)}${requiredMark(q.required)}</legend>
${multi ? `<p class="hint" id="${id}-hint">Select all that apply.</p>` : ""}<div class="choices">${choices.join("\n")}</div>${errorText(id, errors, field)}</fieldset>`;
}

function locationFields(eventType: EventTypeRecord, hostName: string, values: URLSearchParams, errors: FieldErrors): string {
  const configs = sortedLocations(eventType);
  if (configs.length === 0) return "";
  const detail = (config: LocationConfig) =>
    needsDetail(config) ? textInput(detailField(config), detailLabel(config), config.kind === "outbound_call" ? "tel" : "text", values.get(detailField(config)) ?? "", configs.length === 1, errors) : "";
  if (configs.length === 1) return detail(configs[0]);
  const selected = values.get("location_kind") ?? configs[0].kind;
  const options = configs.map((config, i) => {
    const id = `f-location-${i}`;
    return `<label class="choice" for="${id}"><input type="radio" id="${id}" name="location_kind" value="${config.kind}"${config.kind === selected ? " checked" : ""} required> ${esc(locationLabel(config, hostName))}</label>${detail(config)}`;
  });
  return `<fieldset class="field"${invalidAttr(errors, "location_kind")}><legend>Location <span class="req" aria-hidden="true">*</span></legend>${options.join("\n")}${errorText("f-location", errors, "location_kind")}</fieldset>`;
}

/** The form's fields (without the surrounding <form>). */
export function formFields(eventType: EventTypeRecord, hostName: string, values: URLSearchParams, errors: FieldErrors): string {
  const guests = `<div class="field"><label for="f-guests">Guest email(s)</label>
<textarea id="f-guests" name="guests" rows="2" aria-describedby="f-guests-hint${errors.guests ? " f-guests-error" : ""}"${invalidAttr(errors, "guests")}>${esc(values.get("guests") ?? "")}</textarea>
<p class="hint" id="f-guests-hint">Notify up to 10 additional guests of the scheduled event (comma separated).</p>${errorText("f-guests", errors, "guests")}</div>`;
  return [
    textInput("name", "Name", "text", values.get("name") ?? "", true, errors, ` autocomplete="name"`),
    textInput("email", "Email", "email", values.get("email") ?? "", true, errors, ` autocomplete="email"`),
    guests,
    locationFields(eventType, hostName, values, errors),
    ...enabledQuestions(eventType).map((q) => questionField(q, values, errors)),
  ].join("\n");
}

export interface ParsedForm {
  name: string;
  email: string;
  guests: string[];
  location: LocationChoice | null;
  answers: QuestionAnswer[];
  errors: FieldErrors;
}

/** Reads and validates a posted form; `errors` is empty when it can be booked. */
export function parseForm(eventType: EventTypeRecord, values: URLSearchParams): ParsedForm {
  const errors: FieldErrors = {};
  const name = (values.get("name") ?? "").trim();
  const email = (values.get("email") ?? "").trim();
  if (!name) errors.name = BLANK;
  if (!email) errors.email = BLANK;
  else if (!EMAIL.test(email)) errors.email = "Enter a valid email address";
  const guests = (values.get("guests") ?? "").split(/[\s,;]+/).map((g) => g.trim()).filter(Boolean);
  if (guests.length > 10) errors.guests = "You can add up to 10 guests";
  else if (guests.some((g) => !EMAIL.test(g))) errors.guests = "Enter valid email addresses, separated by commas";

  let location: LocationChoice | null = null;
  const configs = sortedLocations(eventType);
  if (configs.length > 0) {
    const kind = configs.length === 1 ? configs[0].kind : values.get("location_kind");
    const config = configs.find((c) => c.kind === kind);
    if (!config) errors.location_kind = "Choose a location";
    else {
      const detail = (values.get(detailField(config)) ?? "").trim();
      if (needsDetail(config) && !detail) errors[configs.length === 1 ? detailField(config) : "location_kind"] = BLANK;
      location = { kind: config.kind, location: needsDetail(config) ? detail : null };
    }
  }

  const answers: QuestionAnswer[] = [];
  for (const q of enabledQuestions(eventType)) {
    const field = qField(q);
    const other = (values.get(otherField(q)) ?? "").trim();
    let answer = "";
    if (q.type === "multi_select") {
      answer = values.getAll(field).map((v) => (v === OTHER ? other : v.trim())).filter(Boolean).join("\n");
    } else if (q.type === "single_select") {
      const v = values.get(field) ?? "";
      answer = v === OTHER ? other : v.trim();
      if (answer && v !== OTHER && !q.answerChoices.includes(answer)) errors[field] = "Choose one of the options";
    } else {
      answer = (values.get(field) ?? "").trim();
    }
    if (q.required && !answer) errors[field] = BLANK;
    if (answer) answers.push({ question: q.name, answer, position: q.position });
  }
  return { name, email, guests, location, answers, errors };
}

/** Label of a field for the error summary. */
export function fieldLabel(eventType: EventTypeRecord, field: string): string {
  if (field === "name") return "Name";
  if (field === "email") return "Email";
  if (field === "guests") return "Guest email(s)";
  if (field.startsWith("location")) return "Location";
  const q = enabledQuestions(eventType).find((x) => qField(x) === field);
  return q?.name ?? field;
}

export const fieldId = (field: string): string => `f-${field}`;
