import { sql, type SQL } from "drizzle-orm";
import type { SessionLocation } from "@/lib/db/schema";
import { locationDto, type LocationDto } from "./location";
import { seesOtherInvitees, type SessionViewer } from "./session-access";
import { deriveSessionState, type SessionState } from "./session-state";

/**
 * The columns every session read selects from `calendly_scheduled_events e`, and their mapping to the DTO the API
 * returns (never raw rows).
 */
export interface SessionRow {
  uuid: string;
  uri: string;
  name: string;
  status: "active" | "canceled";
  rescheduled: boolean;
  canceler_type: string | null;
  canceled_by: string | null;
  cancel_reason: string | null;
  canceled_at: Date | string | null;
  start_time: Date | string;
  end_time: Date | string;
  created_at: Date | string;
  updated_at: Date | string;
  location: SessionLocation;
  invitees_total: number;
  invitees_active: number;
  invitees_limit: number;
  guests: Array<{ email: string }>;
  connection_id: string | null;
  coach_user_id: string;
  coach_name: string | null;
  event_type_uri: string | null;
  event_type_uuid: string | null;
  event_type_name: string | null;
  has_no_show: boolean;
  invitee: { name: string; email: string; timeZone: string | null; status: string } | null;
  series_id: string | null;
}

export function sessionColumns(viewer: SessionViewer): SQL {
  const inviteeScope = seesOtherInvitees(viewer) ? sql`` : sql`and pi.realtor_user_id = ${viewer.user.id}`;
  return sql`
    e.uuid, e.uri, e.name, e.status, e.rescheduled, e.canceler_type, e.canceled_by, e.cancel_reason, e.canceled_at,
    e.start_time, e.end_time, e.calendly_created_at as created_at, e.calendly_updated_at as updated_at, e.location,
    e.invitees_total, e.invitees_active, e.invitees_limit, e.guests, e.connection_id, e.coach_user_id, e.series_id,
    coach.name as coach_name, e.event_type_uri, et.uuid as event_type_uuid, et.name as event_type_name,
    -- Active invitees marked no-show, kept on the session row by triggers on calendly_invitees (docs/decisions/007).
    e.no_show_invitees > 0 as has_no_show,
    (select json_build_object('name', pi.name, 'email', pi.email, 'timeZone', pi.time_zone, 'status', pi.status)
       from calendly_invitees pi
      where pi.event_uuid = e.uuid ${inviteeScope}
      order by (pi.status = 'active') desc, pi.calendly_created_at, pi.uuid
      limit 1) as invitee`;
}

export const sessionJoins = sql`
  left join "user" coach on coach.id = e.coach_user_id
  left join calendly_event_types et on et.uri = e.event_type_uri`;

export interface SessionSummaryDto {
  uuid: string;
  name: string;
  state: SessionState;
  status: "active" | "canceled";
  startTime: string;
  endTime: string;
  createdAt: string;
  coach: { id: string; name: string };
  eventType: { uuid: string; name: string } | null;
  location: LocationDto | null;
  invitees: { total: number; active: number; limit: number };
  /** The realtor's own booking for realtors; the first active invitee for coaches and admins. */
  invitee: { name: string; email: string; timeZone: string | null } | null;
  /** The viewer may cancel it now (permission, ownership, state; one-on-one only for realtors). */
  cancelable: boolean;
}

const iso = (value: Date | string) => new Date(value).toISOString();

export function isCancelable(row: Pick<SessionRow, "status" | "start_time" | "invitees_limit" | "connection_id">, viewer: SessionViewer, now: Date) {
  if (row.status !== "active" || new Date(row.start_time) <= now || !row.connection_id) return false;
  return viewer.user.role !== "realtor" || row.invitees_limit <= 1;
}

export function toSessionSummary(row: SessionRow, viewer: SessionViewer, now: Date, canCancel: boolean): SessionSummaryDto {
  return {
    uuid: row.uuid,
    name: row.name,
    state: deriveSessionState(
      {
        status: row.status,
        rescheduled: row.rescheduled,
        cancelerType: row.canceler_type,
        startTime: new Date(row.start_time),
        endTime: new Date(row.end_time),
        hasNoShow: row.has_no_show,
      },
      now,
    ),
    status: row.status,
    startTime: iso(row.start_time),
    endTime: iso(row.end_time),
    createdAt: iso(row.created_at),
    coach: { id: row.coach_user_id, name: row.coach_name ?? "Coach" },
    eventType: row.event_type_uuid ? { uuid: row.event_type_uuid, name: row.event_type_name ?? row.name } : null,
    location: locationDto(row.location),
    invitees: { total: row.invitees_total, active: row.invitees_active, limit: row.invitees_limit },
    invitee: row.invitee ? { name: row.invitee.name, email: row.invitee.email, timeZone: row.invitee.timeZone } : null,
    cancelable: canCancel && isCancelable(row, viewer, now),
  };
}
