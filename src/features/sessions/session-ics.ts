import ical, { ICalCalendarMethod, ICalEventStatus } from "ical-generator";
import { sql } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { env } from "@/lib/env";
import { locationDto } from "./location";
import type { SessionFilters } from "./list-sessions-query";
import { sessionFilterConditions } from "./list-sessions";
import type { SessionViewer } from "./session-access";
import { sessionColumns, sessionJoins, type SessionRow } from "./session-row";

/**
 * iCalendar export of sessions: one download, a filtered list, or the personal subscription feed. Every event keeps
 * the UID `<uuid>@sessionly` and gets a SEQUENCE that grows with Calendly's `updated_at` (seconds since the session was
 * booked), so a calendar replaces its copy on change; canceled and rescheduled sessions are published as
 * STATUS:CANCELLED. Times are written in UTC on purpose: ical-generator would write the server's wall-clock time
 * for plain Dates once a calendar time zone is set, so none is set.
 */
export const ICS_EXPORT_LIMIT = 1000;
const FEED_PAST_DAYS = 90;

const asDate = (value: Date | string) => new Date(value);

export function sequenceOf(row: Pick<SessionRow, "created_at" | "updated_at">): number {
  return Math.max(0, Math.floor((asDate(row.updated_at).getTime() - asDate(row.created_at).getTime()) / 1000));
}

function titleFor(row: SessionRow, viewer: SessionViewer): string {
  if (viewer.user.role === "realtor") return `${row.name} with ${row.coach_name ?? "your coach"}`;
  if (row.invitees_limit > 1) return `${row.name} (group, ${row.invitees_active}/${row.invitees_limit})`;
  return row.invitee ? `${row.name} with ${row.invitee.name}` : row.name;
}

export function buildSessionsCalendar(rows: SessionRow[], viewer: SessionViewer, options: { name: string; feed?: boolean }): string {
  const appUrl = env().APP_URL;
  const calendar = ical({
    name: options.name,
    prodId: { company: "Sessionly", product: "Sessions", language: "EN" },
    // Downloads are published copies; a feed is a plain calendar that clients poll.
    ...(options.feed ? { ttl: 60 * 15 } : { method: ICalCalendarMethod.PUBLISH }),
  });
  for (const row of rows) {
    const location = locationDto(row.location);
    const canceled = row.status === "canceled";
    const sessionUrl = `${appUrl}/sessions/${row.uuid}`;
    const lines = [
      canceled ? (row.rescheduled ? "Rescheduled: this time is no longer booked." : `Canceled${row.cancel_reason ? `: ${row.cancel_reason}` : "."}`) : null,
      viewer.user.role === "realtor" ? `Coach: ${row.coach_name ?? "your coach"}` : row.invitee ? `Invitee: ${row.invitee.name} <${row.invitee.email}>` : null,
      location ? `${location.label}${location.detail ? `: ${location.detail}` : ""}` : null,
      location?.joinUrl ? `Join: ${location.joinUrl}` : null,
      `Details: ${sessionUrl}`,
    ].filter(Boolean);
    calendar.createEvent({
      id: `${row.uuid}@sessionly`,
      sequence: sequenceOf(row),
      start: asDate(row.start_time),
      end: asDate(row.end_time),
      stamp: asDate(row.updated_at),
      lastModified: asDate(row.updated_at),
      created: asDate(row.created_at),
      summary: canceled ? `Canceled: ${titleFor(row, viewer)}` : titleFor(row, viewer),
      description: lines.join("\n"),
      location: location?.detail ?? location?.joinUrl ?? null,
      url: sessionUrl,
      status: canceled ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  return calendar.toString();
}

/** Sessions for an export, in start order, capped at ICS_EXPORT_LIMIT. */
export async function sessionRowsForExport(
  viewer: SessionViewer,
  filters: SessionFilters,
  options: { now?: Date; startingAfter?: Date; limit?: number } = {},
): Promise<SessionRow[]> {
  const now = options.now ?? new Date();
  const conditions = sessionFilterConditions(viewer, filters, now);
  if (options.startingAfter) conditions.push(sql`e.start_time >= ${options.startingAfter.toISOString()}::timestamptz`);
  const result = await getDb().execute(sql`
    select ${sessionColumns(viewer)}
      from calendly_scheduled_events e ${sessionJoins}
     where ${sql.join(conditions, sql` and `)}
     order by e.start_time, e.uuid
     limit ${Math.min(options.limit ?? ICS_EXPORT_LIMIT, ICS_EXPORT_LIMIT)}`);
  return result.rows as unknown as SessionRow[];
}

/** The personal feed: the viewer's sessions from FEED_PAST_DAYS ago onwards, canceled ones included. */
export async function feedCalendar(viewer: SessionViewer, options: { now?: Date } = {}): Promise<string> {
  const now = options.now ?? new Date();
  const rows = await sessionRowsForExport(viewer, { status: "all" }, { now, startingAfter: new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000) });
  return buildSessionsCalendar(rows, viewer, { name: "Sessionly sessions", feed: true });
}

export function icsResponse(body: string, options: { filename?: string } = {}): Response {
  return new Response(body, {
    status: 200,
    headers: {
      "content-type": "text/calendar; charset=utf-8",
      "cache-control": "private, no-store",
      ...(options.filename ? { "content-disposition": `attachment; filename="${options.filename.replace(/[^A-Za-z0-9._-]/g, "-")}"` } : {}),
    },
  });
}
