// Fault injection for the control plane: per-route latency/errors/429 bursts/forced 401s, and webhook chaos.
import type { RandomSource } from "./core/ids";

export interface RouteFault {
  id: number;
  /** Path glob (`*` = any characters), e.g. `/scheduled_events*`; `*` alone matches every route. */
  route: string;
  method: string | null;
  latencyMs: number;
  errorRate: number;
  errorStatus: number;
  /** The next N matching requests answer 429. */
  burst429: number;
  /** Tokens that get 401 on matching requests. */
  unauthorizedTokens: string[];
}

export interface WebhookFaults {
  dropRate: number;
  duplicateRate: number;
  reorderRate: number;
  /** Extra delay before the first attempt of every delivery. */
  delayMs: number;
  /** Maximum random hold for reordered deliveries. */
  reorderWindowMs: number;
}

export interface FaultDecision {
  latencyMs: number;
  errorStatus: number | null;
  force429: boolean;
  force401: boolean;
}

export const NO_WEBHOOK_FAULTS: WebhookFaults = { dropRate: 0, duplicateRate: 0, reorderRate: 0, delayMs: 0, reorderWindowMs: 250 };

function globToRegex(glob: string): RegExp {
  const source = glob.split("*").map((part) => part.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join(".*");
  return new RegExp(`^${source}$`);
}

export class FaultInjector {
  private routes: RouteFault[] = [];
  private nextId = 1;
  webhook: WebhookFaults = { ...NO_WEBHOOK_FAULTS };

  constructor(private readonly random: RandomSource = Math.random) {}

  addRoute(fault: Partial<Omit<RouteFault, "id">> & { route: string }): RouteFault {
    const full: RouteFault = {
      id: this.nextId++,
      route: fault.route,
      method: fault.method ? fault.method.toUpperCase() : null,
      latencyMs: fault.latencyMs ?? 0,
      errorRate: fault.errorRate ?? 0,
      errorStatus: fault.errorStatus ?? 500,
      burst429: fault.burst429 ?? 0,
      unauthorizedTokens: fault.unauthorizedTokens ?? [],
    };
    this.routes.push(full);
    return full;
  }

  setWebhookFaults(faults: Partial<WebhookFaults>): void {
    this.webhook = { ...this.webhook, ...faults };
  }

  list(): { routes: RouteFault[]; webhook: WebhookFaults } {
    return { routes: this.routes.map((r) => ({ ...r })), webhook: { ...this.webhook } };
  }

  clear(): void {
    this.routes = [];
    this.webhook = { ...NO_WEBHOOK_FAULTS };
  }

  /** Decides what to inject for one API request. */
  decide(method: string, path: string, token: string | null): FaultDecision {
    const decision: FaultDecision = { latencyMs: 0, errorStatus: null, force429: false, force401: false };
    for (const fault of this.routes) {
      if (fault.method && fault.method !== method) continue;
      if (!globToRegex(fault.route).test(path)) continue;
      decision.latencyMs += fault.latencyMs;
      if (token && fault.unauthorizedTokens.includes(token)) decision.force401 = true;
      if (fault.burst429 > 0) {
        fault.burst429 -= 1;
        decision.force429 = true;
      }
      if (fault.errorRate > 0 && this.random() < fault.errorRate) decision.errorStatus = fault.errorStatus;
    }
    return decision;
  }

  roll(rate: number): boolean {
    return rate > 0 && this.random() < rate;
  }

  randomBelow(max: number): number {
    return Math.floor(this.random() * max);
  }
}
