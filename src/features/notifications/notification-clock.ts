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

export interface EmulatorClockFollower {
  /** Reads the emulator's clock once (also what each poll does); resolves to the offset in ms. */
  poll(): Promise<number>;
  stop(): void;
}

/**
 * `NOTIFICATION_CLOCK=emulator`: the notification clock becomes real time plus the emulator's offset, read from its
 * control plane (`GET /__emulator/clock`) every `intervalMs`. `onJump` runs when the offset changes by more than a
 * second (someone advanced or reset the emulator's clock), so due reminders can be looked at straight away.
 */
export function followEmulatorClock(options: {
  baseUrl: string;
  adminToken: string;
  intervalMs?: number;
  onJump?: (offsetMs: number) => void | Promise<void>;
  fetchImpl?: typeof fetch;
}): EmulatorClockFollower {
  const fetchImpl = options.fetchImpl ?? fetch;
  let offset = 0;
  let stopped = false;
  setNotificationClock(() => Date.now() + offset);
  const poll = async () => {
    const response = await fetchImpl(`${options.baseUrl}/__emulator/clock`, { headers: { authorization: `Bearer ${options.adminToken}` } });
    if (!response.ok) throw new Error(`emulator clock: HTTP ${response.status}`);
    const body = (await response.json()) as { offset_ms?: number; resource?: { offset_ms?: number } };
    const next = Number(body.offset_ms ?? body.resource?.offset_ms ?? 0);
    const jumped = Math.abs(next - offset) > 1000;
    offset = next;
    if (jumped) await options.onJump?.(next);
    return offset;
  };
  const timer = setInterval(() => {
    if (!stopped) poll().catch(() => undefined);
  }, options.intervalMs ?? 1000);
  timer.unref?.();
  return {
    poll,
    stop() {
      stopped = true;
      clearInterval(timer);
      setNotificationClock(null);
    },
  };
}
