// Webhook delivery queue: real HTTP POSTs with Calendly's envelope and signature, exponential back-off retries,
// subscription disabled after the retry budget; every duration is multiplied by `retryScale` so tests run fast.
import type { Clock } from "../core/clock";
import type { WebhookEmission } from "../core/context";
import { formatTimestamp } from "../core/time";
import type { FaultInjector } from "../faults";
import { stringifySorted } from "../http/json";
import type { WebhookEventName, WebhookSubscriptionRecord } from "../store/types";
import { inviteePayloadView, type ViewContext } from "../views/serialize";
import { signWebhookBody } from "./sign";

export interface DispatcherConfig {
  retryScale: number;
  retryBaseDelayMs: number;
  retryBudgetMs: number;
  timeoutMs: number;
  /** Clock used for the signature's `t`: the emulator clock (default) or real wall time. */
  signatureTime: "clock" | "wall";
}

export interface DeliveryAttempt {
  attempted_at: string;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

export interface Delivery {
  id: string;
  subscription: string;
  subscription_uuid: string;
  event: WebhookEventName;
  callback_url: string;
  created_at: string;
  state: "pending" | "delivered" | "failed" | "dropped";
  duplicate_of: string | null;
  attempts: DeliveryAttempt[];
  body: string;
}

interface Job {
  generation: number;
  delivery: Delivery;
  signingKey: string | null;
  firstAttemptWall: number | null;
  timer: NodeJS.Timeout | null;
}

export class WebhookDispatcher {
  private jobs: Job[] = [];
  /** Bumped by clear(): jobs of an older generation (in flight during a reset) are not retried. */
  private generation = 0;
  private nextId = 1;
  private inFlight = 0;
  private waiters: (() => void)[] = [];
  private stopped = false;
  private readonly controllers = new Set<AbortController>();

  constructor(
    private readonly view: () => ViewContext,
    private readonly clock: Clock,
    private readonly config: DispatcherConfig,
    private readonly faults: FaultInjector,
  ) {}

  /** Builds the payload now (state at the moment of the action) and queues one delivery per matching hook. */
  emit(emission: WebhookEmission): void {
    const ctx = this.view();
    const invitee = ctx.store.state.invitees.get(emission.inviteeUuid);
    const event = invitee ? ctx.store.state.events.get(invitee.eventUuid) : undefined;
    const host = event ? ctx.store.state.users.get(event.hostUserUuid) : undefined;
    if (!invitee || !host) return;
    const payload = inviteePayloadView(ctx, invitee);
    for (const hook of ctx.store.state.webhooks.values()) {
      if (!this.matches(hook, emission.event, host.uuid, host.organizationUuid)) continue;
      const body = stringifySorted({
        event: emission.event,
        created_at: formatTimestamp(this.clock.now()),
        created_by: ctx.uris.user(hook.creatorUuid),
        payload,
      });
      this.enqueue(ctx, hook, emission.event, body, null);
    }
  }

  private matches(hook: WebhookSubscriptionRecord, event: WebhookEventName, hostUuid: string, orgUuid: string): boolean {
    if (hook.state !== "active" || !hook.events.includes(event)) return false;
    return hook.scope === "organization" ? hook.organizationUuid === orgUuid : hook.userUuid === hostUuid;
  }

  private enqueue(ctx: ViewContext, hook: WebhookSubscriptionRecord, event: WebhookEventName, body: string, duplicateOf: string | null): void {
    const delivery: Delivery = {
      id: `dlv_${this.nextId++}`,
      subscription: ctx.uris.webhook(hook.uuid),
      subscription_uuid: hook.uuid,
      event,
      callback_url: hook.callbackUrl,
      created_at: formatTimestamp(this.clock.now()),
      state: "pending",
      duplicate_of: duplicateOf,
      attempts: [],
      body,
    };
    const job: Job = { generation: this.generation, delivery, signingKey: hook.signingKey, firstAttemptWall: null, timer: null };
    this.jobs.push(job);
    const faults = this.faults.webhook;
    if (this.faults.roll(faults.dropRate)) {
      delivery.state = "dropped";
      return;
    }
    let delay = faults.delayMs;
    if (this.faults.roll(faults.reorderRate)) delay += this.faults.randomBelow(faults.reorderWindowMs);
    this.schedule(job, delay);
    if (duplicateOf === null && this.faults.roll(faults.duplicateRate)) this.enqueue(ctx, hook, event, body, delivery.id);
  }

  private schedule(job: Job, delayMs: number): void {
    if (this.stopped || job.generation !== this.generation) return;
    this.inFlight += 1;
    job.timer = setTimeout(() => {
      job.timer = null;
      void this.attempt(job).finally(() => this.settle());
    }, Math.max(0, delayMs));
  }

  private settle(): void {
    this.inFlight -= 1;
    if (this.inFlight === 0) for (const resolve of this.waiters.splice(0)) resolve();
  }

  private async send(job: Job): Promise<DeliveryAttempt> {
    const started = Date.now();
    const seconds = Math.floor((this.config.signatureTime === "wall" ? Date.now() : this.clock.now()) / 1000);
    const headers: Record<string, string> = { "content-type": "application/json", "user-agent": "Calendly-Emulator-Webhooks/1.0" };
    if (job.signingKey) headers["calendly-webhook-signature"] = signWebhookBody(job.signingKey, job.delivery.body, seconds);
    const controller = new AbortController();
    this.controllers.add(controller);
    const timer = setTimeout(() => controller.abort(), this.config.timeoutMs);
    try {
      const response = await fetch(job.delivery.callback_url, {
        method: "POST",
        headers,
        body: job.delivery.body,
        redirect: "manual",
        signal: controller.signal,
      });
      await response.arrayBuffer().catch(() => undefined);
      return { attempted_at: new Date(started).toISOString(), status_code: response.status, error: null, duration_ms: Date.now() - started };
    } catch (error) {
      const message = controller.signal.aborted ? "timeout" : (error as Error).message;
      return { attempted_at: new Date(started).toISOString(), status_code: null, error: message, duration_ms: Date.now() - started };
    } finally {
      clearTimeout(timer);
      this.controllers.delete(controller);
    }
  }

  private async attempt(job: Job): Promise<void> {
    if (this.stopped) return;
    const hook = this.view().store.state.webhooks.get(job.delivery.subscription_uuid);
    if (!hook || hook.state !== "active") {
      job.delivery.state = "failed";
      return;
    }
    job.firstAttemptWall ??= Date.now();
    const attempt = await this.send(job);
    job.delivery.attempts.push(attempt);
    const ok = attempt.status_code !== null && attempt.status_code >= 200 && attempt.status_code < 300;
    if (ok) {
      job.delivery.state = "delivered";
      if (hook.retryStartedAt !== null) Object.assign(hook, { retryStartedAt: null, updatedAt: this.clock.now() });
      return;
    }
    this.retryOrDisable(job, hook);
  }

  private retryOrDisable(job: Job, hook: WebhookSubscriptionRecord): void {
    const scale = this.config.retryScale;
    hook.retryStartedAt ??= this.clock.now();
    const nextDelay = this.config.retryBaseDelayMs * 2 ** (job.delivery.attempts.length - 1) * scale;
    const elapsed = Date.now() - (job.firstAttemptWall ?? Date.now());
    if (elapsed + nextDelay > this.config.retryBudgetMs * scale) {
      job.delivery.state = "failed";
      Object.assign(hook, { state: "disabled", updatedAt: this.clock.now() });
      return;
    }
    this.schedule(job, nextDelay);
  }

  list(): Delivery[] {
    return this.jobs.map((job) => ({ ...job.delivery, attempts: [...job.delivery.attempts] }));
  }

  /** Resolves once no delivery is waiting or in flight. */
  idle(): Promise<void> {
    if (this.inFlight === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  clear(): void {
    this.generation += 1;
    for (const job of this.jobs) {
      if (!job.timer) continue;
      clearTimeout(job.timer);
      job.timer = null;
      this.settle();
    }
    this.jobs = [];
  }

  stop(): void {
    this.stopped = true;
    for (const job of this.jobs) {
      if (job.timer) {
        clearTimeout(job.timer);
        job.timer = null;
        this.settle();
      }
    }
    for (const controller of this.controllers) controller.abort();
  }
}
