// GET /scheduled_events (org-scope rules, filters, sort, pagination), GET one, POST …/cancellation,
// GET …/invitees (list) and GET …/invitees/{uuid}.
import { z } from "zod";
import { cancelEvent } from "../core/cancel";
import { badRequest, notFoundError, permissionDenied } from "../http/api-error";
import { paginate } from "../http/pagination";
import { parseOrThrow, queryObject, zCount, zSort, zTimestamp } from "../http/validation";
import type { ScheduledEventRecord } from "../store/types";
import { cancellationView, inviteeView, scheduledEventView } from "../views/serialize";
import { created, eventOrThrow, isAdmin, isMember, ok, organizationFromUri, parseBody, sameOrganization, userFromUri } from "./helpers";
import { api, type ApiRequest, type RouteDef } from "./types";

const listQuery = z.object({
  user: z.string().optional(),
  organization: z.string().optional(),
  group: z.string().optional(),
  invitee_email: z.string().optional(),
  status: z.enum(["active", "canceled"], { error: "must be one of: active, canceled" }).optional(),
  min_start_time: zTimestamp.optional(),
  max_start_time: zTimestamp.optional(),
  sort: zSort(["start_time"]).optional(),
  count: zCount,
  page_token: z.string().optional(),
});

/** Applies Calendly's rules for `user` / `organization` and returns the host filter. */
function hostFilter(req: ApiRequest, query: z.output<typeof listQuery>): (event: ScheduledEventRecord) => boolean {
  const { rt, auth } = req;
  if (!query.user && !query.organization) {
    throw badRequest([{ parameter: "organization", message: "one of organization or user must be filled" }]);
  }
  if (query.organization) {
    const org = organizationFromUri(rt, query.organization, "organization");
    if (!isMember(req, org.uuid)) throw permissionDenied();
    const user = query.user ? userFromUri(rt, query.user, "user") : null;
    if (user && user.organizationUuid !== org.uuid) throw permissionDenied("This user is not in your organization");
    if (!isAdmin(req, org.uuid) && (!user || user.uuid !== auth.user.uuid)) throw permissionDenied("You do not have permission");
    if (user) return (event) => event.hostUserUuid === user.uuid;
    return (event) => rt.store.state.users.get(event.hostUserUuid)?.organizationUuid === org.uuid;
  }
  const user = userFromUri(rt, query.user ?? "", "user");
  if (user.uuid !== auth.user.uuid) {
    if (!sameOrganization(req, user)) throw permissionDenied("This user is not in your organization");
    throw permissionDenied("Please also specify organization when requesting events for a user within your organization.");
  }
  return (event) => event.hostUserUuid === user.uuid;
}

const inviteeListQuery = z.object({
  status: z.enum(["active", "canceled"], { error: "must be one of: active, canceled" }).optional(),
  email: z.string().optional(),
  sort: zSort(["created_at"]).optional(),
  count: zCount,
  page_token: z.string().optional(),
});

const cancelBody = z.object({ reason: z.string().max(10_000, "size cannot be greater than 10000").nullable().optional() });

export const scheduledEventRoutes: RouteDef[] = [
  api("GET", "/scheduled_events", ["scheduled_events:read"], (req) => {
    const { rt } = req;
    const query = parseOrThrow(listQuery, queryObject(req.query));
    const byHost = hostFilter(req, query);
    const email = query.invitee_email?.trim().toLowerCase();
    const items = [...rt.store.state.events.values()].filter(
      (event) =>
        byHost(event) &&
        (!query.status || event.status === query.status) &&
        (query.min_start_time === undefined || event.startTime >= query.min_start_time) &&
        (query.max_start_time === undefined || event.startTime < query.max_start_time) &&
        (!email || rt.store.inviteesOfEvent(event.uuid).some((i) => i.email.toLowerCase() === email)),
    );
    const direction = query.sort?.direction ?? "asc";
    const page = paginate({
      items,
      keyOf: (e) => [e.startTime, e.uuid],
      directions: [direction, direction],
      count: query.count,
      pageToken: query.page_token ?? null,
      url: `${rt.uris.base}/scheduled_events`,
      query: req.query,
    });
    return ok({ collection: page.collection.map((e) => scheduledEventView(rt.view, e)), pagination: page.pagination });
  }),
  api("GET", "/scheduled_events/:uuid", ["scheduled_events:read"], (req) => {
    const event = eventOrThrow(req, req.params.uuid, "You are not allowed to view this event");
    return ok({ resource: scheduledEventView(req.rt.view, event) });
  }),
  api("POST", "/scheduled_events/:uuid/cancellation", ["scheduled_events:write"], (req) => {
    const body = parseOrThrow(cancelBody, parseBody(req));
    const event = eventOrThrow(req, req.params.uuid, "You are not allowed to cancel this event");
    const cancellation = cancelEvent(req.rt.core, {
      eventUuid: event.uuid,
      actor: { kind: "user", userUuid: req.auth.user.uuid },
      reason: body.reason ?? null,
    });
    return created({ resource: cancellationView(cancellation) });
  }),
  api("GET", "/scheduled_events/:uuid/invitees", ["scheduled_events:read"], (req) => {
    const { rt } = req;
    const query = parseOrThrow(inviteeListQuery, queryObject(req.query));
    const event = eventOrThrow(req, req.params.uuid, "You are not allowed to view this event");
    const email = query.email?.trim().toLowerCase();
    const items = rt.store
      .inviteesOfEvent(event.uuid)
      .filter((i) => (!query.status || i.status === query.status) && (!email || i.email.toLowerCase() === email));
    const direction = query.sort?.direction ?? "asc";
    const page = paginate({
      items,
      keyOf: (i) => [i.createdAt, i.uuid],
      directions: [direction, direction],
      count: query.count,
      pageToken: query.page_token ?? null,
      url: `${rt.uris.base}/scheduled_events/${event.uuid}/invitees`,
      query: req.query,
    });
    return ok({ collection: page.collection.map((i) => inviteeView(rt.view, i)), pagination: page.pagination });
  }),
  api("GET", "/scheduled_events/:eventUuid/invitees/:inviteeUuid", ["scheduled_events:read"], (req) => {
    const invitee = req.rt.store.state.invitees.get(req.params.inviteeUuid);
    if (!invitee || invitee.eventUuid !== req.params.eventUuid) throw notFoundError();
    eventOrThrow(req, invitee.eventUuid, "You do not have permission to view this event");
    return ok({ resource: inviteeView(req.rt.view, invitee) });
  }),
];
