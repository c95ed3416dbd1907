// GET /event_type_available_times, /user_busy_times, /user_availability_schedules[/{uuid}] (no pagination).
import { z } from "zod";
import { computeAvailableTimes } from "../core/available-times";
import { DAY_MS, formatTimestamp } from "../core/time";
import { USER_BUSY_TIMES_WINDOW_DAYS } from "../defaults";
import { invalidParam, notFoundError, permissionDenied } from "../http/api-error";
import { parseOrThrow, queryObject, zRequired, zTimestamp } from "../http/validation";
import { scheduleView } from "../views/serialize";
import { uuidFromUri } from "../views/uris";
import { ok, requireUserInOrganization, sameOrganization, userFromUri } from "./helpers";
import { api, type RouteDef, type Runtime } from "./types";

const rangeQuery = z.object({ start_time: zTimestamp, end_time: zTimestamp });

function windowMessage(days: number): string {
  return days === 7 ? "date range can be no greater than 1 week (7 days)" : `date range can be no greater than ${days} days`;
}

function validateRange(rt: Runtime, start: number, end: number, maxDays: number, futureOnly: boolean): void {
  if (futureOnly && start < rt.clock.now()) throw invalidParam("start_time", "must be in the future");
  if (end <= start) throw invalidParam("end_time", "must be after start_time");
  if (end - start > maxDays * DAY_MS) throw invalidParam("end_time", windowMessage(maxDays));
}

function slotSchedulingUrl(base: string, start: number): string {
  const iso = `${new Date(start).toISOString().slice(0, 19)}Z`;
  return `${base}/${iso}?month=${iso.slice(0, 7)}&date=${iso.slice(0, 10)}`;
}

export const availabilityRoutes: RouteDef[] = [
  api("GET", "/event_type_available_times", ["event_types:read", "availability:read"], (req) => {
    const { rt } = req;
    const query = parseOrThrow(rangeQuery.extend({ event_type: zRequired }), queryObject(req.query));
    const uuid = uuidFromUri(rt.uris, "event_types", query.event_type);
    if (!uuid) throw invalidParam("event_type", "is invalid");
    const eventType = rt.store.state.eventTypes.get(uuid);
    if (!eventType) throw notFoundError();
    const owner = rt.store.state.users.get(eventType.userUuid);
    if (!owner || !sameOrganization(req, owner)) throw permissionDenied();
    validateRange(rt, query.start_time, query.end_time, rt.config.availabilityWindowDays, true);
    const slots = computeAvailableTimes(rt.store, {
      eventTypeUuid: uuid,
      rangeStart: query.start_time,
      rangeEnd: query.end_time,
      now: rt.clock.now(),
    });
    const base = rt.uris.eventTypeSchedulingUrl(owner.slug, eventType.slug);
    return ok({
      collection: slots.map((slot) => ({
        status: "available",
        invitees_remaining: slot.inviteesRemaining,
        start_time: formatTimestamp(slot.startTime),
        scheduling_url: slotSchedulingUrl(base, slot.startTime),
      })),
    });
  }),
  api("GET", "/user_busy_times", ["availability:read"], (req) => {
    const { rt } = req;
    const query = parseOrThrow(rangeQuery.extend({ user: zRequired }), queryObject(req.query));
    const user = userFromUri(rt, query.user, "user");
    requireUserInOrganization(req, user);
    validateRange(rt, query.start_time, query.end_time, USER_BUSY_TIMES_WINDOW_DAYS, false);
    const overlaps = (s: number, e: number) => s < query.end_time && e > query.start_time;
    const calendly = rt.store
      .eventsOfHost(user.uuid)
      .filter((e) => e.status === "active" && overlaps(e.startTime, e.endTime))
      .map((event) => {
        const eventType = rt.store.state.eventTypes.get(event.eventTypeUuid);
        const before = (eventType?.bufferBeforeMinutes ?? 0) * 60_000;
        const after = (eventType?.bufferAfterMinutes ?? 0) * 60_000;
        return {
          sort: event.startTime,
          json: {
            type: "calendly",
            start_time: formatTimestamp(event.startTime),
            end_time: formatTimestamp(event.endTime),
            buffered_start_time: formatTimestamp(event.startTime - before),
            buffered_end_time: formatTimestamp(event.endTime + after),
            event: { uri: rt.uris.event(event.uuid) },
          },
        };
      });
    const external = [...rt.store.state.busyTimes.values()]
      .filter((b) => b.userUuid === user.uuid && overlaps(b.startTime, b.endTime))
      .map((b) => ({ sort: b.startTime, json: { type: "external", start_time: formatTimestamp(b.startTime), end_time: formatTimestamp(b.endTime) } }));
    const collection = [...calendly, ...external].sort((a, b) => a.sort - b.sort).map((entry) => entry.json);
    return ok({ collection });
  }),
  api("GET", "/user_availability_schedules", ["availability:read"], (req) => {
    const { rt } = req;
    const userUri = req.query.get("user");
    const user = userUri ? userFromUri(rt, userUri, "user") : req.auth.user;
    requireUserInOrganization(req, user);
    const schedules = [...rt.store.state.schedules.values()].filter((s) => s.userUuid === user.uuid);
    return ok({ collection: schedules.map((s) => scheduleView(rt.view, s)) });
  }),
  api("GET", "/user_availability_schedules/:uuid", ["availability:read"], (req) => {
    const schedule = req.rt.store.state.schedules.get(req.params.uuid);
    if (!schedule) throw notFoundError();
    const user = req.rt.store.state.users.get(schedule.userUuid);
    if (!user) throw notFoundError();
    requireUserInOrganization(req, user);
    return ok({ resource: scheduleView(req.rt.view, schedule) });
  }),
];
