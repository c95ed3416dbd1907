// Injectable clock: real time plus an offset that tests (and the control plane) can set or advance.
export interface Clock {
  /** Current emulated time in epoch milliseconds. */
  now(): number;
  /** Jumps to an absolute instant (keeps ticking from there unless frozen). */
  set(at: number | Date | string): void;
  /** Moves time forward (or backward with a negative value). */
  advance(ms: number): void;
  /** Milliseconds between emulated time and real time. */
  offsetMs(): number;
  /** True when time does not move on its own. */
  isFrozen(): boolean;
}

export interface ClockOptions {
  /** Start the clock at this instant instead of real time. */
  at?: number | Date | string;
  /** Stop time from ticking: `now()` only changes through set/advance. */
  frozen?: boolean;
}

function toMillis(at: number | Date | string): number {
  const ms = typeof at === "number" ? at : new Date(at).getTime();
  if (!Number.isFinite(ms)) throw new Error(`Invalid clock instant: ${String(at)}`);
  return ms;
}

export function createClock(options: ClockOptions = {}): Clock {
  const frozen = options.frozen ?? false;
  let offset = options.at === undefined ? 0 : toMillis(options.at) - Date.now();
  let frozenAt = options.at === undefined ? Date.now() : toMillis(options.at);
  return {
    now: () => (frozen ? frozenAt : Date.now() + offset),
    set(at) {
      const ms = toMillis(at);
      if (frozen) frozenAt = ms;
      else offset = ms - Date.now();
    },
    advance(ms) {
      if (frozen) frozenAt += ms;
      else offset += ms;
    },
    offsetMs: () => (frozen ? frozenAt - Date.now() : offset),
    isFrozen: () => frozen,
  };
}
