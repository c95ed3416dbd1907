// GET /event_types (user | organization, active, sort, pagination) and GET /event_types/{uuid}.
import { z } from "zod";
import { badRequest, notFoundError, permissionDenied } from "../http/api-error";
import { paginate, type SortKey } from "../http/pagination";
import { parseOrThrow, queryObject, zBoolean, zCount, zSort } from "../http/validation";
import type { EventTypeRecord } from "../store/types";
import { eventTypeView } from "../views/serialize";
import { isAdmin, isMember, ok, organizationFromUri, requireUserInOrganization, sameOrganization, userFromUri } from "./helpers";
import { api, type ApiRequest, type RouteDef } from "./types";

const listQuery = z.object({
  user: z.string().optional(),
  organization: z.string().optional(),
  active: zBoolean.optional(),
  admin_managed: zBoolean.optional(),
  sort: zSort(["name", "position", "created_at", "updated_at"]).optional(),
  count: zCount,
  page_token: z.string().optional(),
});

function sortKeyOf(field: string, et: EventTypeRecord): SortKey {
  switch (field) {
    case "position":
      return [et.position, et.uuid];
    case "created_at":
      return [et.createdAt, et.uuid];
    case "updated_at":
      return [et.updatedAt, et.uuid];
    default:
      return [et.name.toLowerCase(), et.uuid];
  }
}

function scopedEventTypes(req: ApiRequest, query: z.output<typeof listQuery>): EventTypeRecord[] {
  const { rt } = req;
  const all = [...rt.store.state.eventTypes.values()];
  if (query.user) {
    const user = userFromUri(rt, query.user, "user");
    requireUserInOrganization(req, user);
    return all.filter((et) => et.userUuid === user.uuid);
  }
  if (!query.organization) throw badRequest([{ parameter: "organization", message: "one of organization or user must be filled" }]);
  const org = organizationFromUri(rt, query.organization, "organization");
  if (!isMember(req, org.uuid)) throw permissionDenied();
  if (!isAdmin(req, org.uuid)) throw permissionDenied("You do not have permission");
  return all.filter((et) => rt.store.state.users.get(et.userUuid)?.organizationUuid === org.uuid);
}

export const eventTypeRoutes: RouteDef[] = [
  api("GET", "/event_types", ["event_types:read"], (req) => {
    const { rt } = req;
    const query = parseOrThrow(listQuery, queryObject(req.query));
    let items = scopedEventTypes(req, query);
    if (query.active !== undefined) items = items.filter((et) => et.active === query.active);
    if (query.admin_managed === true) items = [];
    const sort = query.sort ?? { field: "name", direction: "asc" as const };
    const page = paginate({
      items,
      keyOf: (et) => sortKeyOf(sort.field, et),
      directions: [sort.direction, "asc"],
      count: query.count,
      pageToken: query.page_token ?? null,
      url: `${rt.uris.base}/event_types`,
      query: req.query,
    });
    return ok({ collection: page.collection.map((et) => eventTypeView(rt.view, et)), pagination: page.pagination });
  }),
  api("GET", "/event_types/:uuid", ["event_types:read"], (req) => {
    const eventType = req.rt.store.state.eventTypes.get(req.params.uuid);
    if (!eventType) throw notFoundError();
    const owner = req.rt.store.state.users.get(eventType.userUuid);
    if (!owner || !sameOrganization(req, owner)) throw permissionDenied();
    return ok({ resource: eventTypeView(req.rt.view, eventType) });
  }),
];
