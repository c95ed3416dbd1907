import { DateTime } from "luxon";
import type { FilterValues } from "./analytics-filters-bar";

/** The last 30 days ending today in the viewer's zone (matches the API default). */
export function defaultFilterValues(timeZone: string, now: Date = new Date()): FilterValues {
  const today = DateTime.fromJSDate(now, { zone: timeZone });
  return { from: today.minus({ days: 29 }).toISODate()!, to: today.toISODate()!, coach: "", eventType: "", bucket: "" };
}
