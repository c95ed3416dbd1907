// Scheduling API POST /invitees, and invitee no-shows: POST /invitee_no_shows, GET/DELETE /invitee_no_shows/{uuid}.
import { z } from "zod";
import { bookInvitee } from "../core/book";
import { markNoShow, unmarkNoShow } from "../core/no-show";
import { parseTimestamp } from "../core/time";
import { invalidParam, notFoundError, permissionDenied } from "../http/api-error";
import { parseOrThrow, zRequired } from "../http/validation";
import { inviteeView, noShowView } from "../views/serialize";
import { uuidFromUri } from "../views/uris";
import { canManageEvent, created, noContent, ok, parseBody, sameOrganization } from "./helpers";
import { api, type ApiRequest, type RouteDef } from "./types";

export const SCHEDULING_API_PLAN_MESSAGE =
  "The Scheduling API is only available on paid Calendly plans. Upgrade your plan to access this feature.";

const nullableString = z.string().nullable().optional();

const createInviteeBody = z.object({
  event_type: zRequired,
  start_time: zRequired,
  invitee: z.object({
    email: zRequired,
    timezone: zRequired,
    name: nullableString,
    first_name: nullableString,
    last_name: nullableString,
    text_reminder_number: nullableString,
  }),
  location: z.object({ kind: zRequired, location: nullableString }).nullable().optional(),
  questions_and_answers: z
    .array(z.object({ question: zRequired, answer: z.string(), position: z.number().int() }))
    .optional(),
  tracking: z
    .object({
      utm_campaign: nullableString,
      utm_source: nullableString,
      utm_medium: nullableString,
      utm_content: nullableString,
      utm_term: nullableString,
      salesforce_uuid: nullableString,
    })
    .partial()
    .optional(),
  event_guests: z.array(z.string()).max(10, "size cannot be greater than 10").optional(),
});

function inviteeFromUri(req: ApiRequest, uri: string) {
  const match = /\/scheduled_events\/([^/]+)\/invitees\/([^/?#]+)\/?$/.exec(uri);
  if (!uri.startsWith(`${req.rt.uris.base}/scheduled_events/`) || !match) throw invalidParam("invitee", "is invalid");
  const invitee = req.rt.store.state.invitees.get(match[2]);
  if (!invitee || invitee.eventUuid !== match[1]) throw notFoundError();
  const event = req.rt.store.state.events.get(invitee.eventUuid);
  if (!event) throw notFoundError();
  if (!canManageEvent(req, event)) throw permissionDenied();
  return invitee;
}

export const inviteeRoutes: RouteDef[] = [
  api("POST", "/invitees", ["scheduled_events:write"], (req) => {
    const { rt } = req;
    const body = parseOrThrow(createInviteeBody, parseBody(req));
    const eventTypeUuid = uuidFromUri(rt.uris, "event_types", body.event_type);
    if (!eventTypeUuid) throw invalidParam("event_type", "is invalid");
    const eventType = rt.store.state.eventTypes.get(eventTypeUuid);
    if (!eventType) throw notFoundError();
    const host = rt.store.state.users.get(eventType.userUuid);
    if (!host || !sameOrganization(req, host)) throw permissionDenied();
    if (req.auth.user.plan === "free" || host.plan === "free") throw permissionDenied(SCHEDULING_API_PLAN_MESSAGE);
    const startTime = parseTimestamp(body.start_time);
    if (startTime === null) throw invalidParam("start_time", "is in invalid format");
    const { invitee } = bookInvitee(rt.core, {
      eventTypeUuid,
      startTime,
      invitee: {
        email: body.invitee.email,
        name: body.invitee.name,
        firstName: body.invitee.first_name,
        lastName: body.invitee.last_name,
        timezone: body.invitee.timezone,
        textReminderNumber: body.invitee.text_reminder_number,
      },
      location: body.location ? { kind: body.location.kind, location: body.location.location ?? null } : null,
      questionsAndAnswers: body.questions_and_answers,
      tracking: body.tracking,
      guests: body.event_guests,
      schedulingMethod: "api",
    });
    return created({ resource: inviteeView(rt.view, invitee) });
  }),
  api("POST", "/invitee_no_shows", ["scheduled_events:write"], (req) => {
    const body = parseOrThrow(z.object({ invitee: zRequired }), parseBody(req));
    const invitee = inviteeFromUri(req, body.invitee);
    const noShow = markNoShow(req.rt.core, { inviteeUuid: invitee.uuid });
    return created({ resource: noShowView(req.rt.view, noShow) });
  }),
  api("GET", "/invitee_no_shows/:uuid", ["scheduled_events:read"], (req) => {
    const noShow = req.rt.store.state.noShows.get(req.params.uuid);
    if (!noShow) throw notFoundError();
    const invitee = req.rt.store.state.invitees.get(noShow.inviteeUuid);
    const event = invitee ? req.rt.store.state.events.get(invitee.eventUuid) : undefined;
    if (!event || !canManageEvent(req, event)) throw permissionDenied();
    return ok({ resource: noShowView(req.rt.view, noShow) });
  }),
  api("DELETE", "/invitee_no_shows/:uuid", ["scheduled_events:write"], (req) => {
    const noShow = req.rt.store.state.noShows.get(req.params.uuid);
    if (!noShow) throw notFoundError();
    const invitee = req.rt.store.state.invitees.get(noShow.inviteeUuid);
    const event = invitee ? req.rt.store.state.events.get(invitee.eventUuid) : undefined;
    if (!event || !canManageEvent(req, event)) throw permissionDenied();
    unmarkNoShow(req.rt.core, { noShowUuid: noShow.uuid });
    return noContent();
  }),
];
