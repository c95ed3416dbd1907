import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { canOn } from "@/lib/auth/permissions";
import { env } from "@/lib/env";
import { googleCalendarLink, outlookCalendarLink } from "./calendar-links";
import { getSessionOrThrow } from "./get-session-or-throw";
import { seesOtherInvitees, type SessionViewer } from "./session-access";
import { isCancelable, toSessionSummary, type SessionRow, type SessionSummaryDto } from "./session-row";

/** Everything the session details page shows, as one DTO for the viewer (their actions included). */
export interface SessionLink {
  uuid: string;
  startTime: string;
  name: string;
}

export interface SessionDetailsDto extends SessionSummaryDto {
  durationMinutes: number;
  guests: string[];
  cancellation: { canceledBy: string | null; reason: string | null; cancelerType: string | null; canceledAt: string | null } | null;
  /** The reschedule chain through Calendly: the session this one replaced, and the one that replaced it. */
  chain: { previous: SessionLink[]; next: SessionLink[] };
  /** A coach's "request a reschedule" on this session, and the rebooked session once the invitee booked again. */
  rescheduleRequest: { requestedAt: string; reason: string; rebookPath: string; rebooked: SessionLink | null } | null;
  /** This session was booked after the coach asked to reschedule that one. */
  rebookedFrom: SessionLink | null;
  seriesId: string | null;
  actions: {
    cancel: boolean;
    /** Why cancel is not offered, when the session is still active. */
    cancelBlockedReason: string | null;
    /** Calendly's own reschedule page for the realtor's booking. */
    rescheduleUrl: string | null;
    /** Calendly's own cancel page (group sessions: a realtor cancels only their spot there). */
    cancelUrl: string | null;
    requestReschedule: boolean;
    export: boolean;
    markNoShow: boolean;
  };
  calendar: { icsPath: string; google: string; outlook: string };
}

interface ChainRow {
  uuid: string;
  start_time: Date | string;
  name: string;
  direction: "previous" | "next";
}

const iso = (value: Date | string) => new Date(value).toISOString();
const link = (row: { uuid: string; start_time: Date | string; name: string }): SessionLink => ({ uuid: row.uuid, startTime: iso(row.start_time), name: row.name });

export async function getSessionDetails(viewer: SessionViewer, uuid: string, options: { now?: Date } = {}): Promise<SessionDetailsDto> {
  const now = options.now ?? new Date();
  const db = getDb();
  const row = await getSessionOrThrow(viewer, uuid);
  const ownInvitees = seesOtherInvitees(viewer) ? sql`` : sql`and i.realtor_user_id = ${viewer.user.id}`;

  const chainRows = (
    await db.execute(sql`
      select old_e.uuid, old_e.start_time, old_e.name, 'previous' as direction
        from calendly_invitees i
        join calendly_invitees old_i on old_i.uri = i.old_invitee_uri
        join calendly_scheduled_events old_e on old_e.uuid = old_i.event_uuid
       where i.event_uuid = ${uuid} ${ownInvitees}
      union
      select new_e.uuid, new_e.start_time, new_e.name, 'next' as direction
        from calendly_invitees i
        join calendly_invitees new_i on new_i.uri = i.new_invitee_uri
        join calendly_scheduled_events new_e on new_e.uuid = new_i.event_uuid
       where i.event_uuid = ${uuid} ${ownInvitees}`)
  ).rows as unknown as ChainRow[];

  const ownInvitee = viewer.user.role === "realtor"
    ? ((
        await db.execute(sql`
          select reschedule_url, cancel_url from calendly_invitees i
           where i.event_uuid = ${uuid} and i.realtor_user_id = ${viewer.user.id} and i.status = 'active'
           order by i.calendly_created_at limit 1`)
      ).rows[0] as { reschedule_url: string | null; cancel_url: string | null } | undefined)
    : undefined;

  const { rescheduleRequest, rebookedFrom } = await rescheduleRequestLinks(row, viewer);

  const summary = toSessionSummary(row, viewer, now, canOn(viewer.user.role, "sessions.cancel", true));
  const active = row.status === "active";
  const future = new Date(row.start_time) > now;
  let cancelBlockedReason: string | null = null;
  if (active && !summary.cancelable) {
    if (!future) cancelBlockedReason = "This session has already started, so it can no longer be canceled.";
    else if (!row.connection_id) cancelBlockedReason = "The coach's Calendly account is no longer connected, so this session cannot be changed here.";
    else if (viewer.user.role === "realtor" && row.invitees_limit > 1) cancelBlockedReason = "This is a group session: cancel your own spot with Calendly's cancel link.";
  }

  const appUrl = env().APP_URL;
  const details = `${row.name} with ${viewer.user.role === "realtor" ? (row.coach_name ?? "your coach") : (row.invitee?.name ?? "your invitee")}\n${appUrl}/sessions/${row.uuid}${summary.location?.joinUrl ? `\nJoin: ${summary.location.joinUrl}` : ""}`;
  const calendarEvent = {
    title: row.name,
    start: new Date(row.start_time),
    end: new Date(row.end_time),
    details,
    location: summary.location?.joinUrl ?? summary.location?.detail ?? null,
  };

  return {
    ...summary,
    durationMinutes: Math.round((new Date(row.end_time).getTime() - new Date(row.start_time).getTime()) / 60_000),
    guests: (row.guests ?? []).map((guest) => guest.email),
    cancellation:
      row.status === "canceled"
        ? { canceledBy: row.canceled_by, reason: row.cancel_reason, cancelerType: row.canceler_type, canceledAt: row.canceled_at ? iso(row.canceled_at) : null }
        : null,
    chain: {
      previous: chainRows.filter((chain) => chain.direction === "previous").map(link),
      next: chainRows.filter((chain) => chain.direction === "next").map(link),
    },
    rescheduleRequest,
    rebookedFrom,
    seriesId: row.series_id,
    actions: {
      cancel: summary.cancelable,
      cancelBlockedReason,
      rescheduleUrl: active && future && ownInvitee?.reschedule_url && canOn(viewer.user.role, "sessions.reschedule", true) ? ownInvitee.reschedule_url : null,
      cancelUrl: active && future && row.invitees_limit > 1 ? (ownInvitee?.cancel_url ?? null) : null,
      requestReschedule:
        viewer.user.role !== "realtor" && canOn(viewer.user.role, "sessions.reschedule", true) && isCancelable(row, viewer, now) && Boolean(row.event_type_uuid),
      export: canOn(viewer.user.role, "sessions.export", true),
      markNoShow: viewer.user.role !== "realtor" && canOn(viewer.user.role, "invitees.mark_no_show", true) && active && !future,
    },
    calendar: { icsPath: `/api/sessions/${row.uuid}/ics`, google: googleCalendarLink(calendarEvent), outlook: outlookCalendarLink(calendarEvent) },
  };
}

interface RequestRow {
  event_uuid: string;
  requested_at: Date | string;
  reason: string;
  rebook_path: string;
  coach_user_id: string;
}

/** The first booking with the same coach, by one of the request's invitees, made after the request. */
async function rebookedAfter(request: RequestRow, viewer: SessionViewer): Promise<SessionLink | null> {
  const ownOnly = seesOtherInvitees(viewer) ? sql`` : sql`and ni.realtor_user_id = ${viewer.user.id}`;
  const result = await getDb().execute(sql`
    select e.uuid, e.start_time, e.name
      from calendly_scheduled_events e
     where e.coach_user_id = ${request.coach_user_id}
       and e.uuid <> ${request.event_uuid}
       and e.calendly_created_at > ${iso(request.requested_at)}::timestamptz
       and exists (
         select 1 from calendly_invitees ni
           join calendly_invitees oi on oi.email_normalized = ni.email_normalized
           join session_reschedule_requests r on oi.uri = any(r.invitee_uris)
          where ni.event_uuid = e.uuid and r.event_uuid = ${request.event_uuid} ${ownOnly})
     order by e.calendly_created_at, e.uuid
     limit 1`);
  const found = result.rows[0] as { uuid: string; start_time: Date; name: string } | undefined;
  return found ? link(found) : null;
}

async function rescheduleRequestLinks(row: SessionRow, viewer: SessionViewer) {
  const db = getDb();
  const [own] = (
    await db.execute(sql`
      select event_uuid, requested_at, reason, rebook_path, coach_user_id from session_reschedule_requests
       where event_uuid = ${row.uuid} order by requested_at desc limit 1`)
  ).rows as unknown as RequestRow[];
  const rescheduleRequest = own
    ? { requestedAt: iso(own.requested_at), reason: own.reason, rebookPath: own.rebook_path, rebooked: await rebookedAfter(own, viewer) }
    : null;

  const ownOnly = seesOtherInvitees(viewer) ? sql`` : sql`and ni.realtor_user_id = ${viewer.user.id}`;
  const candidates = (
    await db.execute(sql`
      select distinct r.event_uuid, r.requested_at, r.reason, r.rebook_path, r.coach_user_id
        from session_reschedule_requests r
        join calendly_invitees oi on oi.uri = any(r.invitee_uris)
        join calendly_invitees ni on ni.email_normalized = oi.email_normalized and ni.event_uuid = ${row.uuid} ${ownOnly}
       where r.coach_user_id = ${row.coach_user_id} and r.requested_at < ${iso(row.created_at)}::timestamptz
       order by r.requested_at desc
       limit 3`)
  ).rows as unknown as RequestRow[];
  let rebookedFrom: SessionLink | null = null;
  for (const candidate of candidates) {
    const rebooked = await rebookedAfter(candidate, viewer);
    if (rebooked?.uuid === row.uuid) {
      const [old] = (await db.execute(sql`select uuid, start_time, name from calendly_scheduled_events where uuid = ${candidate.event_uuid}`)).rows as unknown as Array<{
        uuid: string;
        start_time: Date;
        name: string;
      }>;
      if (old) rebookedFrom = link(old);
      break;
    }
  }
  return { rescheduleRequest, rebookedFrom };
}
