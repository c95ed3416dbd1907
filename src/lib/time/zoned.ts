/**
 * Date and time formatting in a named zone with the platform's Intl only, for code that runs in the browser: the same
 * output as luxon's `toFormat` for the tokens below (zoned.test.ts checks it against luxon), without shipping luxon
 * (~22 KB gzip) to every page that shows a time. Server-only code may keep using luxon.
 *
 * Tokens: `d` `dd` (day), `ccc` `cccc` (weekday, short/long), `L` `LL` `M` `MM` (month number), `LLL` `LLLL` (month
 * name, short/long), `yyyy` (year), `HH` (hour, 00–23), `mm` (minute). Anything else that is not a letter is copied;
 * text in single quotes too. Like luxon's `toFormat` (which defaults to en-US whatever the system's locale), names are
 * English and digits ASCII, so the browser prints what the server prints.
 */

export interface ZonedParts {
  year: number;
  /** 1–12. */
  month: number;
  day: number;
  /** 0–23. */
  hour: number;
  minute: number;
}

type Zone = { kind: "intl"; name: string } | { kind: "fixed"; offsetMinutes: number };

const zoneCache = new Map<string, Zone | null>();

/** luxon's fixed-offset specifiers: `UTC+3`, `UTC-05:30` (and `utc`, `gmt` in any case for UTC itself). */
const FIXED_OFFSET = /^utc(?:([+-]\d{1,2})(?::(\d{2}))?)?$/i;

function resolveZone(zone: string | null | undefined): Zone | null {
  if (!zone) return null;
  const cached = zoneCache.get(zone);
  if (cached !== undefined) return cached;
  let resolved: Zone | null = null;
  const fixed = zone.toLowerCase() === "gmt" ? [zone] : FIXED_OFFSET.exec(zone);
  if (fixed) {
    const hours = Number(fixed[1] ?? 0);
    const minutes = Number(fixed[2] ?? 0);
    resolved = { kind: "fixed", offsetMinutes: hours * 60 + (hours < 0 || Object.is(hours, -0) ? -minutes : minutes) };
  } else {
    try {
      new Intl.DateTimeFormat("en-US", { timeZone: zone }).format(0);
      resolved = { kind: "intl", name: zone };
    } catch {
      resolved = null;
    }
  }
  zoneCache.set(zone, resolved);
  return resolved;
}

/** Whether `zone` names a time zone (an IANA name, or a fixed offset like `UTC+3`): what luxon accepts. */
export function isValidTimeZone(zone: string | null | undefined): zone is string {
  return resolveZone(zone) !== null;
}

const partsFormatters = new Map<string, Intl.DateTimeFormat>();

function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let formatter = partsFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
    });
    partsFormatters.set(timeZone, formatter);
  }
  return formatter;
}

function toDate(instant: Date | string | number): Date {
  return instant instanceof Date ? instant : new Date(instant);
}

/** The wall-clock reading of an instant in a zone, or null when the instant or the zone is invalid. */
export function zonedParts(instant: Date | string | number, zone: string): ZonedParts | null {
  const date = toDate(instant);
  const resolved = resolveZone(zone);
  if (!resolved || Number.isNaN(date.getTime())) return null;
  if (resolved.kind === "fixed") {
    const shifted = new Date(date.getTime() + resolved.offsetMinutes * 60_000);
    return {
      year: shifted.getUTCFullYear(),
      month: shifted.getUTCMonth() + 1,
      day: shifted.getUTCDate(),
      hour: shifted.getUTCHours(),
      minute: shifted.getUTCMinutes(),
    };
  }
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of partsFormatter(resolved.name).formatToParts(date)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour! % 24, minute: parts.minute! };
}

/** Whether two readings fall on the same calendar day. */
export function isSameDay(a: ZonedParts, b: ZonedParts): boolean {
  return a.year === b.year && a.month === b.month && a.day === b.day;
}

// English names, as luxon's toFormat prints them (its English tables equal Intl's en-US names).
const nameFormatters = new Map<string, Intl.DateTimeFormat>();

function nameOf(parts: ZonedParts, field: "weekday" | "month", width: "short" | "long"): string {
  const key = `${field}-${width}`;
  let formatter = nameFormatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone: "UTC", [field]: width });
    nameFormatters.set(key, formatter);
  }
  // Noon UTC of the calendar day: the name of that day (or month) whatever the zone was.
  const date = new Date(Date.UTC(parts.year, parts.month - 1, parts.day, 12));
  date.setUTCFullYear(parts.year);
  return formatter.formatToParts(date).find((part) => part.type === field)?.value ?? "";
}

function numberText(value: number, padTo: number): string {
  return String(value).padStart(padTo, "0");
}

function token(parts: ZonedParts, run: string): string {
  switch (run) {
    case "d":
      return numberText(parts.day, 1);
    case "dd":
      return numberText(parts.day, 2);
    case "ccc":
      return nameOf(parts, "weekday", "short");
    case "cccc":
      return nameOf(parts, "weekday", "long");
    case "L":
    case "M":
      return numberText(parts.month, 1);
    case "LL":
    case "MM":
      return numberText(parts.month, 2);
    case "LLL":
      return nameOf(parts, "month", "short");
    case "LLLL":
      return nameOf(parts, "month", "long");
    case "yyyy":
      return numberText(parts.year, 4);
    case "HH":
      return numberText(parts.hour, 2);
    case "mm":
      return numberText(parts.minute, 2);
    default:
      throw new Error(`Unsupported date format token "${run}"`);
  }
}

/** Formats a wall-clock reading with a luxon-style pattern (tokens above). */
export function formatParts(parts: ZonedParts, pattern: string): string {
  let out = "";
  for (let index = 0; index < pattern.length; ) {
    const char = pattern[index];
    if (char === "'") {
      const close = pattern.indexOf("'", index + 1);
      const end = close === -1 ? pattern.length : close;
      out += pattern.slice(index + 1, end);
      index = end + 1;
    } else if (/[A-Za-z]/.test(char)) {
      let end = index;
      while (pattern[end] === char) end += 1;
      out += token(parts, pattern.slice(index, end));
      index = end;
    } else {
      out += char;
      index += 1;
    }
  }
  return out;
}

/** An instant in a zone with a luxon-style pattern: `formatInZone(iso, "America/Chicago", "ccc d LLL, HH:mm")`. */
export function formatInZone(instant: Date | string | number, zone: string, pattern: string): string {
  const parts = zonedParts(instant, zone);
  return parts ? formatParts(parts, pattern) : "Invalid DateTime";
}

// Calendar dates ("2026-03-02"), without a zone: what luxon's DateTime.fromISO(date) does for date-only strings.

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function calendarParts(isoDate: string): ZonedParts | null {
  const match = ISO_DATE.exec(isoDate);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  date.setUTCFullYear(Number(match[1]));
  if (date.getUTCMonth() !== Number(match[2]) - 1) return null;
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate(), hour: 0, minute: 0 };
}

/** Whether `value` is a calendar date like `2026-03-02`. */
export function isIsoDate(value: string): boolean {
  return calendarParts(value) !== null;
}

function isoDateOf(parts: Pick<ZonedParts, "year" | "month" | "day">): string {
  return `${String(parts.year).padStart(4, "0")}-${String(parts.month).padStart(2, "0")}-${String(parts.day).padStart(2, "0")}`;
}

/** A calendar date with a pattern (date tokens only): `formatDate("2026-03-02", "ccc d LLL")` → `Mon 2 Mar`. */
export function formatDate(isoDate: string, pattern: string): string {
  const parts = calendarParts(isoDate);
  return parts ? formatParts(parts, pattern) : "Invalid DateTime";
}

/** `isoDate` plus `days` (negative: minus) calendar days. */
export function addDays(isoDate: string, days: number): string {
  const parts = calendarParts(isoDate);
  if (!parts) throw new RangeError(`Not a date: ${isoDate}`);
  const date = new Date(Date.UTC(parts.year, parts.month - 1, parts.day + days));
  return isoDateOf({ year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() });
}

/** The Monday of the (ISO) week of a calendar date. */
export function mondayOf(isoDate: string): string {
  const parts = calendarParts(isoDate);
  if (!parts) throw new RangeError(`Not a date: ${isoDate}`);
  const weekday = new Date(Date.UTC(parts.year, parts.month - 1, parts.day)).getUTCDay(); // 0 = Sunday
  return addDays(isoDate, -((weekday + 6) % 7));
}

/** The calendar date of an instant in a zone (`today` when no instant is given). */
export function dateInZone(zone: string, instant: Date | string | number = new Date()): string {
  const parts = zonedParts(instant, zone);
  if (!parts) throw new RangeError(`Unknown time zone: ${zone}`);
  return isoDateOf(parts);
}
