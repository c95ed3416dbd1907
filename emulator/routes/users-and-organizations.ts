// GET /users/me, /users/{uuid}, /organizations/{uuid}, /organization_memberships[/{uuid}].
import { z } from "zod";
import { badRequest, notFoundError, permissionDenied } from "../http/api-error";
import { paginate } from "../http/pagination";
import { parseOrThrow, queryObject, zCount } from "../http/validation";
import { membershipView, organizationView, userView } from "../views/serialize";
import { isMember, ok, organizationFromUri, sameOrganization, userFromUri } from "./helpers";
import { api, type RouteDef } from "./types";

const membershipQuery = z.object({
  organization: z.string().optional(),
  user: z.string().optional(),
  email: z.string().optional(),
  role: z.enum(["user", "admin", "owner"], { error: "must be one of: user, admin, owner" }).optional(),
  count: zCount,
  page_token: z.string().optional(),
});

export const userRoutes: RouteDef[] = [
  api("GET", "/users/:uuid", ["users:read"], (req) => {
    const { rt, auth } = req;
    const uuid = req.params.uuid === "me" ? auth.user.uuid : req.params.uuid;
    const user = rt.store.state.users.get(uuid);
    if (!user) throw notFoundError();
    if (!sameOrganization(req, user)) throw permissionDenied();
    return ok({ resource: userView(rt.view, user) });
  }),
  api("GET", "/organizations/:uuid", ["organizations:read"], (req) => {
    const org = req.rt.store.state.organizations.get(req.params.uuid);
    if (!org) throw notFoundError();
    if (!isMember(req, org.uuid)) throw permissionDenied();
    return ok({ resource: organizationView(req.rt.view, org) });
  }),
  api("GET", "/organization_memberships/:uuid", ["organizations:read"], (req) => {
    const membership = req.rt.store.state.memberships.get(req.params.uuid);
    if (!membership) throw notFoundError();
    if (!isMember(req, membership.organizationUuid)) throw permissionDenied();
    return ok({ resource: membershipView(req.rt.view, membership) });
  }),
  api("GET", "/organization_memberships", ["organizations:read"], (req) => {
    const { rt } = req;
    const query = parseOrThrow(membershipQuery, queryObject(req.query));
    if (!query.organization && !query.user) {
      throw badRequest([{ parameter: "organization", message: "one of organization or user must be filled" }]);
    }
    let memberships = [...rt.store.state.memberships.values()];
    if (query.organization) {
      const org = organizationFromUri(rt, query.organization, "organization");
      if (!isMember(req, org.uuid)) throw permissionDenied();
      memberships = memberships.filter((m) => m.organizationUuid === org.uuid);
    }
    if (query.user) {
      const user = userFromUri(rt, query.user, "user");
      if (user.uuid !== req.auth.user.uuid && !sameOrganization(req, user)) throw permissionDenied("This user is not in your organization");
      memberships = memberships.filter((m) => m.userUuid === user.uuid);
    }
    if (query.email) {
      const email = query.email.toLowerCase();
      memberships = memberships.filter((m) => rt.store.state.users.get(m.userUuid)?.email.toLowerCase() === email);
    }
    if (query.role) memberships = memberships.filter((m) => m.role === query.role);
    const page = paginate({
      items: memberships,
      keyOf: (m) => [m.createdAt, m.uuid],
      directions: ["asc", "asc"],
      count: query.count,
      pageToken: query.page_token ?? null,
      url: `${rt.uris.base}/organization_memberships`,
      query: req.query,
    });
    return ok({ collection: page.collection.map((m) => membershipView(rt.view, m)), pagination: page.pagination });
  }),
];
