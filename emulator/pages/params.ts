// Query parameters the booking pages honour (Calendly's embed, react-calendly and plain links): which ones are carried
// from page to page, prefill values, page settings and the utm/salesforce values stored as the invitee's `tracking`.
import { IANAZone } from "luxon";
import type { TrackingRecord } from "../store/types";

export const EMBED_KEYS = [
  "embed_domain",
  "embed_type",
  "hide_event_type_details",
  "hide_landing_page_details",
  "hide_gdpr_banner",
  "background_color",
  "text_color",
  "primary_color",
] as const;

export const ANSWER_KEYS = ["a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10"] as const;
export const PREFILL_KEYS = ["name", "email", "first_name", "last_name", "guests", "location", ...ANSWER_KEYS] as const;
export const TRACKING_KEYS = ["utm_campaign", "utm_source", "utm_medium", "utm_content", "utm_term", "salesforce_uuid"] as const;

/** Everything kept on links and form actions from one page to the next. */
export const CARRY_KEYS: readonly string[] = [...EMBED_KEYS, ...PREFILL_KEYS, ...TRACKING_KEYS, "timezone"];

/** Calendly keeps at most 255 characters of each utm value. */
const TRACKING_MAX = 255;

export function carried(query: URLSearchParams): URLSearchParams {
  const out = new URLSearchParams();
  for (const key of CARRY_KEYS) {
    const value = query.get(key);
    if (value !== null && value !== "") out.set(key, value);
  }
  return out;
}

/** `path?carry&extra` (extra values override; undefined/empty ones are dropped). */
export function href(path: string, carry: URLSearchParams, extra: Record<string, string | undefined | null> = {}): string {
  const params = new URLSearchParams(carry);
  for (const [key, value] of Object.entries(extra)) {
    if (value === undefined || value === null || value === "") params.delete(key);
    else params.set(key, value);
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

export function trackingFrom(query: URLSearchParams): Partial<TrackingRecord> {
  const out: Partial<TrackingRecord> = {};
  for (const key of TRACKING_KEYS) {
    const value = query.get(key)?.trim();
    if (value) out[key] = value.slice(0, TRACKING_MAX);
  }
  return out;
}

export const isEmbedded = (query: URLSearchParams): boolean => (query.get("embed_domain") ?? "") !== "";
export const flag = (query: URLSearchParams, key: string): boolean => ["1", "true"].includes(query.get(key) ?? "");

export function validZone(zone: string | null | undefined): zone is string {
  return typeof zone === "string" && zone !== "" && IANAZone.isValidZone(zone);
}

/** A hex colour from `primary_color` etc. (with or without `#`), or null. */
export function colorParam(query: URLSearchParams, key: string): string | null {
  const raw = (query.get(key) ?? "").replace(/^#/, "");
  return /^([0-9a-f]{3}|[0-9a-f]{6})$/i.test(raw) ? `#${raw}` : null;
}

/** Prefilled name: `name`, else `first_name last_name`. */
export function prefillName(query: URLSearchParams): string {
  const name = query.get("name")?.trim();
  if (name) return name;
  return [query.get("first_name"), query.get("last_name")].map((v) => v?.trim() ?? "").filter(Boolean).join(" ");
}
