// Control plane under /__emulator/ (bearer admin token): reset, clock, faults, deliveries, person-like actions,
// extra tokens, state summary and snapshots. Not part of Calendly.
import { z } from "zod";
import { createAccount } from "../core/accounts";
import { bookInvitee } from "../core/book";
import { cancelInvitee } from "../core/cancel";
import { newToken } from "../core/ids";
import { markNoShow, unmarkNoShow } from "../core/no-show";
import { rescheduleInvitee } from "../core/reschedule";
import { formatTimestamp, parseTimestamp } from "../core/time";
import { badRequest, invalidParam, notFoundError } from "../http/api-error";
import type { HttpResult } from "../http/router";
import { parseOrThrow } from "../http/validation";
import { isFixtureName } from "../fixtures";
import type { InviteeRecord, UserRecord } from "../store/types";
import { inviteeView, noShowView, scheduledEventView } from "../views/serialize";
import { created, noContent, ok, parseBody } from "./helpers";
import { control, type PublicRequest, type RouteDef, type Runtime } from "./types";

const lastSegment = (ref: string) => ref.replace(/\/+$/, "").split("/").pop() ?? "";

function findUser(rt: Runtime, ref: string): UserRecord {
  const user = rt.store.userByEmail(ref) ?? rt.store.state.users.get(lastSegment(ref)) ?? rt.store.userBySlug(ref);
  if (!user) throw notFoundError();
  return user;
}

function findInvitee(rt: Runtime, ref: string): InviteeRecord {
  const invitee = rt.store.state.invitees.get(lastSegment(ref));
  if (!invitee) throw notFoundError();
  return invitee;
}

function requireTime(value: string, parameter: string): number {
  const ms = parseTimestamp(value);
  if (ms === null) throw invalidParam(parameter, "is in invalid format");
  return ms;
}

function clockState(rt: Runtime): HttpResult {
  const now = rt.clock.now();
  return ok({ now: formatTimestamp(now), now_ms: now, offset_ms: rt.clock.offsetMs(), frozen: rt.clock.isFrozen() });
}

const clockBody = z.object({
  set: z.string().optional(),
  now: z.string().optional(),
  advance_ms: z.number().optional(),
  advance_minutes: z.number().optional(),
});

const routeFault = z.object({
  route: z.string().min(1),
  method: z.string().optional(),
  latency_ms: z.number().min(0).optional(),
  error_rate: z.number().min(0).max(1).optional(),
  error_status: z.number().int().min(400).max(599).optional(),
  burst_429: z.number().int().min(0).optional(),
  unauthorized_tokens: z.array(z.string()).optional(),
});

const faultsBody = z.object({
  routes: z.array(routeFault).optional(),
  webhook: z
    .object({
      drop_rate: z.number().min(0).max(1).optional(),
      duplicate_rate: z.number().min(0).max(1).optional(),
      reorder_rate: z.number().min(0).max(1).optional(),
      delay_ms: z.number().min(0).optional(),
      reorder_window_ms: z.number().min(0).optional(),
    })
    .optional(),
});

const bookBody = z.object({
  event_type: z.string().min(1),
  start_time: z.string().min(1),
  invitee: z.object({
    email: z.string(),
    name: z.string().nullable().optional(),
    first_name: z.string().nullable().optional(),
    last_name: z.string().nullable().optional(),
    timezone: z.string().nullable().optional(),
    text_reminder_number: z.string().nullable().optional(),
  }),
  location: z.object({ kind: z.string(), location: z.string().nullable().optional() }).nullable().optional(),
  questions_and_answers: z.array(z.object({ question: z.string(), answer: z.string(), position: z.number() })).optional(),
  tracking: z.record(z.string(), z.string().nullable()).optional(),
  event_guests: z.array(z.string()).optional(),
});

function faultsResult(rt: Runtime): HttpResult {
  const { routes, webhook } = rt.faults.list();
  return ok({
    routes: routes.map((r) => ({ id: r.id, route: r.route, method: r.method, latency_ms: r.latencyMs, error_rate: r.errorRate, error_status: r.errorStatus, burst_429: r.burst429, unauthorized_tokens: r.unauthorizedTokens })),
    webhook: { drop_rate: webhook.dropRate, duplicate_rate: webhook.duplicateRate, reorder_rate: webhook.reorderRate, delay_ms: webhook.delayMs, reorder_window_ms: webhook.reorderWindowMs },
  });
}

function bookingResult(rt: Runtime, invitee: InviteeRecord): HttpResult {
  const event = rt.store.state.events.get(invitee.eventUuid);
  return created({ resource: inviteeView(rt.view, invitee), event: event ? scheduledEventView(rt.view, event) : null });
}

function stateSummary(rt: Runtime): HttpResult {
  const pats = [...rt.store.state.personalAccessTokens.values()];
  const users = [...rt.store.state.users.values()].map((u) => ({
    uri: rt.uris.user(u.uuid),
    uuid: u.uuid,
    name: u.name,
    email: u.email,
    slug: u.slug,
    timezone: u.timezone,
    plan: u.plan,
    organization: rt.uris.organization(u.organizationUuid),
    role: [...rt.store.state.memberships.values()].find((m) => m.userUuid === u.uuid)?.role ?? null,
    personal_access_tokens: pats.filter((p) => p.userUuid === u.uuid).map((p) => p.token),
    event_types: [...rt.store.state.eventTypes.values()].filter((e) => e.userUuid === u.uuid).map((e) => ({ uri: rt.uris.eventType(e.uuid), name: e.name, slug: e.slug, duration: e.duration, kind: e.kind, active: e.active })),
  }));
  const clients = [...rt.store.state.oauthClients.values()].map((c) => ({ client_id: c.clientId, redirect_uris: c.redirectUris, loopback_callback_path: c.loopbackCallbackPath }));
  return ok({
    now: formatTimestamp(rt.clock.now()),
    public_url: rt.uris.base,
    counts: rt.store.counts(),
    organizations: [...rt.store.state.organizations.values()].map((o) => ({ uri: rt.uris.organization(o.uuid), name: o.name, plan: o.plan })),
    users,
    oauth_clients: clients,
    deliveries: rt.dispatcher.list().length,
  });
}

async function runAction(req: PublicRequest, action: string): Promise<HttpResult> {
  const { rt } = req;
  const body = parseBody(req);
  switch (action) {
    case "book": {
      const input = parseOrThrow(bookBody, body);
      const eventTypeUuid = lastSegment(input.event_type);
      const { invitee } = bookInvitee(rt.core, {
        eventTypeUuid,
        startTime: requireTime(input.start_time, "start_time"),
        invitee: { email: input.invitee.email, name: input.invitee.name, firstName: input.invitee.first_name, lastName: input.invitee.last_name, timezone: input.invitee.timezone, textReminderNumber: input.invitee.text_reminder_number },
        location: input.location ? { kind: input.location.kind, location: input.location.location ?? null } : null,
        questionsAndAnswers: input.questions_and_answers,
        tracking: input.tracking,
        guests: input.event_guests,
        schedulingMethod: null,
      });
      return bookingResult(rt, invitee);
    }
    case "cancel": {
      const input = parseOrThrow(z.object({ invitee: z.string(), reason: z.string().nullable().optional(), canceler_type: z.enum(["host", "invitee"]).optional() }), body);
      const invitee = cancelInvitee(rt.core, { inviteeUuid: findInvitee(rt, input.invitee).uuid, cancelerType: input.canceler_type ?? "invitee", reason: input.reason ?? null });
      return ok({ resource: inviteeView(rt.view, invitee) });
    }
    case "reschedule": {
      const input = parseOrThrow(z.object({ invitee: z.string(), start_time: z.string(), reason: z.string().nullable().optional() }), body);
      const result = rescheduleInvitee(rt.core, { inviteeUuid: findInvitee(rt, input.invitee).uuid, newStartTime: requireTime(input.start_time, "start_time"), reason: input.reason ?? null });
      return created({ resource: inviteeView(rt.view, result.invitee), old_invitee: inviteeView(rt.view, result.oldInvitee), event: scheduledEventView(rt.view, result.event) });
    }
    case "no-show": {
      const input = parseOrThrow(z.object({ invitee: z.string() }), body);
      return created({ resource: noShowView(rt.view, markNoShow(rt.core, { inviteeUuid: findInvitee(rt, input.invitee).uuid })) });
    }
    case "remove-no-show": {
      const input = parseOrThrow(z.object({ invitee: z.string().optional(), no_show: z.string().optional() }), body);
      const noShowUuid = input.no_show ? lastSegment(input.no_show) : input.invitee ? findInvitee(rt, input.invitee).noShowUuid : null;
      if (!noShowUuid) throw notFoundError();
      unmarkNoShow(rt.core, { noShowUuid });
      return noContent();
    }
    default:
      throw notFoundError();
  }
}

export const controlRoutes: RouteDef[] = [
  control("POST", "/__emulator/reset", (req) => {
    const body = parseBody(req);
    if (body.snapshot !== undefined) {
      req.rt.reset({ snapshot: typeof body.snapshot === "string" ? body.snapshot : JSON.stringify(body.snapshot) });
    } else {
      const fixture = body.fixture ?? "demo";
      if (!isFixtureName(fixture)) throw badRequest([{ parameter: "fixture", message: "must be one of: demo, empty" }]);
      req.rt.reset(fixture);
    }
    return ok({ counts: req.rt.store.counts() });
  }),
  control("GET", "/__emulator/clock", (req) => clockState(req.rt)),
  control("POST", "/__emulator/clock", (req) => {
    const body = parseOrThrow(clockBody, parseBody(req));
    const target = body.set ?? body.now;
    if (target !== undefined) req.rt.clock.set(requireTime(target, "set"));
    if (body.advance_ms !== undefined) req.rt.clock.advance(body.advance_ms);
    if (body.advance_minutes !== undefined) req.rt.clock.advance(body.advance_minutes * 60_000);
    return clockState(req.rt);
  }),
  control("GET", "/__emulator/faults", (req) => faultsResult(req.rt)),
  control("POST", "/__emulator/faults", (req) => {
    const body = parseOrThrow(faultsBody, parseBody(req));
    for (const r of body.routes ?? []) {
      req.rt.faults.addRoute({ route: r.route, method: r.method, latencyMs: r.latency_ms, errorRate: r.error_rate, errorStatus: r.error_status, burst429: r.burst_429, unauthorizedTokens: r.unauthorized_tokens });
    }
    const w = body.webhook;
    if (w) req.rt.faults.setWebhookFaults({ dropRate: w.drop_rate, duplicateRate: w.duplicate_rate, reorderRate: w.reorder_rate, delayMs: w.delay_ms, reorderWindowMs: w.reorder_window_ms });
    return faultsResult(req.rt);
  }),
  control("DELETE", "/__emulator/faults", (req) => {
    req.rt.faults.clear();
    return noContent();
  }),
  control("GET", "/__emulator/deliveries", (req) => {
    const event = req.query.get("event");
    const state = req.query.get("state");
    const collection = req.rt.dispatcher.list().filter((d) => (!event || d.event === event) && (!state || d.state === state));
    return ok({ collection });
  }),
  control("POST", "/__emulator/deliveries/wait", async (req) => {
    await req.rt.dispatcher.idle();
    return ok({ collection: req.rt.dispatcher.list() });
  }),
  control("POST", "/__emulator/actions/:action", (req) => runAction(req, req.params.action)),
  control("POST", "/__emulator/tokens", (req) => {
    const body = parseOrThrow(z.object({ user: z.string(), scopes: z.array(z.string()).nullable().optional() }), parseBody(req));
    const user = findUser(req.rt, body.user);
    const token = newToken("pat_test_");
    req.rt.store.state.personalAccessTokens.set(token, { token, userUuid: user.uuid, scopes: body.scopes ?? null, label: "control-plane" });
    return created({ token, user: req.rt.uris.user(user.uuid), scopes: body.scopes ?? null });
  }),
  control("POST", "/__emulator/users", (req) => {
    const body = parseOrThrow(z.object({ name: z.string(), email: z.string(), timezone: z.string().nullable().optional() }), parseBody(req));
    const user = createAccount(req.rt.store, req.rt.clock, body);
    return created({ resource: { uri: req.rt.uris.user(user.uuid), uuid: user.uuid, name: user.name, email: user.email, slug: user.slug, timezone: user.timezone } });
  }),
  control("GET", "/__emulator/state", (req) => stateSummary(req.rt)),
  control("POST", "/__emulator/snapshot", async (req) => {
    const path = await req.rt.saveSnapshot();
    if (!path) throw badRequest([{ parameter: "snapshotPath", message: "no snapshot path configured" }]);
    return ok({ path });
  }),
];
