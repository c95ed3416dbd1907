// Webhook subscriptions: POST/GET /webhook_subscriptions, GET/DELETE /webhook_subscriptions/{uuid}.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { nextId } from "../core/context";
import { alreadyExists, badRequest, notFoundError, permissionDenied } from "../http/api-error";
import { paginate } from "../http/pagination";
import { parseOrThrow, queryObject, zCount, zRequired, zSort } from "../http/validation";
import type { WebhookEventName, WebhookSubscriptionRecord } from "../store/types";
import { webhookView } from "../views/serialize";
import { created, isAdmin, isMember, noContent, ok, organizationFromUri, parseBody, userFromUri } from "./helpers";
import { api, type ApiRequest, type RouteDef } from "./types";

export const WEBHOOK_PLAN_MESSAGE = "Please upgrade your Calendly account to Standard";
export const WEBHOOK_DUPLICATE_MESSAGE = "Hook with this url already exists";

const EVENTS = ["invitee.created", "invitee.canceled", "invitee_no_show.created", "invitee_no_show.deleted"] as const;

const createBody = z.object({
  url: zRequired.refine((value) => /^https?:\/\/[^\s]+$/.test(value), "is invalid"),
  events: z.array(z.enum(EVENTS, { error: `must be one of: ${EVENTS.join(", ")}` })).min(1, "must be filled"),
  organization: zRequired,
  scope: z.enum(["organization", "user"], { error: "must be one of: organization, user" }),
  user: z.string().optional(),
  signing_key: z.string().min(1).optional(),
});

const listQuery = z.object({
  organization: zRequired,
  scope: z.enum(["organization", "user"], { error: "must be one of: organization, user" }),
  user: z.string().optional(),
  sort: zSort(["created_at"]).optional(),
  count: zCount,
  page_token: z.string().optional(),
});

function signingKeyFor(req: ApiRequest, requested: string | undefined): string {
  if (req.auth.kind === "oauth" && req.auth.clientId) {
    const client = req.rt.store.state.oauthClients.get(req.auth.clientId);
    if (client) return client.webhookSigningKey;
  }
  return requested ?? randomBytes(32).toString("base64url");
}

function hookOrThrow(req: ApiRequest): WebhookSubscriptionRecord {
  const hook = req.rt.store.state.webhooks.get(req.params.uuid);
  if (!hook) throw notFoundError();
  if (!isMember(req, hook.organizationUuid)) throw permissionDenied("You do not have permission");
  if (hook.scope === "organization" || hook.userUuid === req.auth.user.uuid || isAdmin(req, hook.organizationUuid)) return hook;
  throw permissionDenied("You do not have permission");
}

export const webhookRoutes: RouteDef[] = [
  api("POST", "/webhook_subscriptions", ["webhooks:write"], (req) => {
    const { rt, auth } = req;
    const body = parseOrThrow(createBody, parseBody(req));
    const org = organizationFromUri(rt, body.organization, "organization");
    if (!isMember(req, org.uuid)) throw permissionDenied("You do not have permission");
    if (auth.user.plan === "free" || org.plan === "free") throw permissionDenied(WEBHOOK_PLAN_MESSAGE);
    let userUuid: string | null = null;
    if (body.scope === "organization" && !isAdmin(req, org.uuid)) throw permissionDenied("You do not have permission");
    if (body.scope === "user") {
      if (!body.user) throw badRequest([{ parameter: "user", message: "must be filled" }]);
      const user = userFromUri(rt, body.user, "user");
      if (user.organizationUuid !== org.uuid) throw permissionDenied("You do not have permission");
      if (user.uuid !== auth.user.uuid && !isAdmin(req, org.uuid)) throw permissionDenied("You do not have permission");
      userUuid = user.uuid;
    }
    const duplicate = [...rt.store.state.webhooks.values()].some((h) => h.organizationUuid === org.uuid && h.callbackUrl === body.url);
    if (duplicate) throw alreadyExists(WEBHOOK_DUPLICATE_MESSAGE);
    const now = rt.clock.now();
    const hook: WebhookSubscriptionRecord = {
      uuid: nextId(rt.core),
      callbackUrl: body.url,
      events: [...new Set(body.events)] as WebhookEventName[],
      scope: body.scope,
      organizationUuid: org.uuid,
      userUuid,
      creatorUuid: auth.user.uuid,
      signingKey: signingKeyFor(req, body.signing_key),
      state: "active",
      retryStartedAt: null,
      createdAt: now,
      updatedAt: now,
    };
    rt.store.state.webhooks.set(hook.uuid, hook);
    return created({ resource: webhookView(rt.view, hook) });
  }),
  api("GET", "/webhook_subscriptions", ["webhooks:read"], (req) => {
    const { rt } = req;
    const query = parseOrThrow(listQuery, queryObject(req.query));
    const org = organizationFromUri(rt, query.organization, "organization");
    if (!isMember(req, org.uuid)) throw permissionDenied("You do not have permission");
    let items = [...rt.store.state.webhooks.values()].filter((h) => h.organizationUuid === org.uuid && h.scope === query.scope);
    if (query.scope === "organization" && !isAdmin(req, org.uuid)) throw permissionDenied();
    if (query.scope === "user") {
      if (!query.user) throw badRequest([{ parameter: "user", message: "must be filled" }]);
      const user = userFromUri(rt, query.user, "user");
      if (user.uuid !== req.auth.user.uuid && !isAdmin(req, org.uuid)) throw permissionDenied();
      items = items.filter((h) => h.userUuid === user.uuid);
    }
    const direction = query.sort?.direction ?? "asc";
    const page = paginate({
      items,
      keyOf: (h) => [h.createdAt, h.uuid],
      directions: [direction, direction],
      count: query.count,
      pageToken: query.page_token ?? null,
      url: `${rt.uris.base}/webhook_subscriptions`,
      query: req.query,
    });
    return ok({ collection: page.collection.map((h) => webhookView(rt.view, h)), pagination: page.pagination });
  }),
  api("GET", "/webhook_subscriptions/:uuid", ["webhooks:read"], (req) => ok({ resource: webhookView(req.rt.view, hookOrThrow(req)) })),
  api("DELETE", "/webhook_subscriptions/:uuid", ["webhooks:write"], (req) => {
    const hook = hookOrThrow(req);
    if (hook.scope === "organization" && !isAdmin(req, hook.organizationUuid)) throw permissionDenied("You do not have permission");
    req.rt.store.state.webhooks.delete(hook.uuid);
    return noContent();
  }),
];
