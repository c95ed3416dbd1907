// POST /scheduling_links: single-use (max_event_count) booking links for an event type.
import { randomBytes } from "node:crypto";
import { z } from "zod";
import { invalidParam, notFoundError, permissionDenied } from "../http/api-error";
import { parseOrThrow, zRequired } from "../http/validation";
import { uuidFromUri } from "../views/uris";
import { created, parseBody, sameOrganization } from "./helpers";
import { api, type RouteDef } from "./types";

const body = z.object({
  max_event_count: z.number().int().min(1, "must be greater than or equal to 1").max(1, "must be less than or equal to 1"),
  owner: zRequired,
  owner_type: z.literal("EventType", { error: "must be one of: EventType" }),
});

export const schedulingLinkRoutes: RouteDef[] = [
  api("POST", "/scheduling_links", ["scheduling_links:write"], (req) => {
    const { rt } = req;
    const input = parseOrThrow(body, parseBody(req));
    const uuid = uuidFromUri(rt.uris, "event_types", input.owner);
    if (!uuid) throw invalidParam("owner", "is invalid");
    const eventType = rt.store.state.eventTypes.get(uuid);
    if (!eventType) throw notFoundError();
    const owner = rt.store.state.users.get(eventType.userUuid);
    if (!owner || !sameOrganization(req, owner)) throw permissionDenied();
    const slug = randomBytes(6).toString("hex").replace(/^(.{4})(.{4})/, "$1-$2-");
    rt.store.state.schedulingLinks.set(slug, { slug, eventTypeUuid: uuid, maxEventCount: input.max_event_count, bookedCount: 0, createdAt: rt.clock.now() });
    return created({
      resource: { booking_url: `${rt.uris.base}/d/${slug}/${eventType.slug}`, owner: rt.uris.eventType(uuid), owner_type: "EventType" },
    });
  }),
];
