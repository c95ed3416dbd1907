import { logger } from "@/lib/logger";
import { getAvailableTimes } from "./availability-cache";
import { recordOpeningsCheck, targetOf, type BookableEventType } from "./bookable-event-types";

/**
 * Whether an event type has any opening in the next 30 days (Calendly's "No openings" page otherwise). Goes through
 * the availability cache, so it shares Calendly calls with the week views. Realtors do not see it while it has none.
 */
export const OPENINGS_HORIZON_DAYS = 30;
const RECHECK_AFTER_MS = 6 * 3600 * 1000;
const pending = new Set<Promise<unknown>>();

/** Resolves once every background re-check started so far has finished (tests, graceful shutdown). */
export async function openingsChecksSettled() {
  while (pending.size) await Promise.allSettled([...pending]);
}

export async function checkEventTypeOpenings(eventType: BookableEventType): Promise<boolean> {
  const start = new Date();
  const end = new Date(start.getTime() + OPENINGS_HORIZON_DAYS * 86_400_000);
  const { slots } = await getAvailableTimes(targetOf(eventType), { start, end });
  const hasOpenings = slots.length > 0;
  await recordOpeningsCheck(eventType.uri, hasOpenings);
  return hasOpenings;
}

/** Re-checks, in the background, offered event types whose last check is old (or that were never checked). */
export function recheckOpeningsInBackground(eventTypes: BookableEventType[], now = Date.now()) {
  for (const eventType of eventTypes) {
    if (eventType.connectionStatus !== "connected" || !eventType.active) continue;
    if (eventType.noOpeningsCheckedAt && now - eventType.noOpeningsCheckedAt.getTime() < RECHECK_AFTER_MS) continue;
    const check = checkEventTypeOpenings(eventType)
      .catch((error: unknown) => logger.warn({ err: error, eventTypeUri: eventType.uri }, "openings check failed"))
      .finally(() => pending.delete(check));
    pending.add(check);
  }
}
