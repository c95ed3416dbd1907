// What core domain functions need: the store, the clock, the public base URL and a webhook emitter.
import { randomUUID } from "node:crypto";
import type { Store } from "../store/store";
import type { WebhookEventName } from "../store/types";
import type { Clock } from "./clock";

export interface WebhookEmission {
  event: WebhookEventName;
  inviteeUuid: string;
}

export interface CoreContext {
  store: Store;
  clock: Clock;
  /** Base of every URI the emulator hands out, e.g. `http://127.0.0.1:4010`. */
  publicUrl: string;
  /** Queues webhook deliveries for the event (never blocks; payload is captured at call time). */
  emit(emission: WebhookEmission): void;
  /** Optional deterministic id source (fixtures); random UUIDs otherwise. */
  ids?: () => string;
}

export function nextId(ctx: Pick<CoreContext, "ids">): string {
  return ctx.ids ? ctx.ids() : randomUUID();
}

/** Who performed an action: a Calendly user (host/admin through the API) or the invitee on a Calendly page. */
export type Actor = { kind: "user"; userUuid: string } | { kind: "invitee" };
