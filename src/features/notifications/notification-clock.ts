/**
 * The clock notifications decide with ("is this reminder due?", "has the session started?"). Real time by default;
 * tests point it at the Calendly emulator's controllable clock so a reminder's minute can be reached without waiting.
 */
type ClockSource = () => number;

const globalForClock = globalThis as unknown as { sessionlyNotificationClock?: ClockSource };

export function notificationNow(): Date {
  return new Date((globalForClock.sessionlyNotificationClock ?? Date.now)());
}

/** Replaces the clock (pass `null` to go back to real time). */
export function setNotificationClock(source: ClockSource | null) {
  globalForClock.sessionlyNotificationClock = source ?? undefined;
}
