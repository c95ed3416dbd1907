import { and, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/lib/db";
import { invitees, scheduledEvents, user } from "@/lib/db/schema";
import type { Scope } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { attendanceOutcome, attendanceRate, type AttendanceOutcome } from "./attendance-outcome";
import type { Viewer } from "./invitee-visibility";

/**
 * A realtor's attendance history: every booking they made (with this coach, when a coach asks), each counted once by
 * what it came to. Canceled and rescheduled bookings never count as no-shows or in the attendance rate.
 */
export interface AttendanceCounts {
  upcoming: number;
  inProgress: number;
  attended: number;
  noShow: number;
  canceled: number;
  rescheduled: number;
  total: number;
}

export interface AttendanceDto {
  realtor: { id: string; name: string; email: string; timeZone: string };
  counts: AttendanceCounts;
  /** attended ÷ (attended + no-shows); null before any session was decided. */
  attendanceRate: number | null;
  noShowRate: number | null;
  /** The most recent bookings first. */
  history: Array<{
    inviteeUri: string;
    outcome: AttendanceOutcome;
    session: { uuid: string; name: string; startTime: string; endTime: string; coachName: string | null };
  }>;
  historyLimit: number;
}

const HISTORY_LIMIT = 50;
const coach = alias(user, "coach");

/** The same states as `attendanceOutcome`, in SQL, so counting never loads every booking. */
function outcomeSql(now: Date) {
  const at = now.toISOString();
  return sql<AttendanceOutcome>`case
    when ${invitees.status} = 'canceled' and ${invitees.rescheduled} then 'rescheduled'
    when ${invitees.status} = 'canceled' then 'canceled'
    when ${scheduledEvents.status} = 'canceled' and ${scheduledEvents.rescheduled} then 'rescheduled'
    when ${scheduledEvents.status} = 'canceled' then 'canceled'
    when ${invitees.noShowUri} is not null then 'no_show'
    when ${scheduledEvents.startTime} > ${at}::timestamptz then 'upcoming'
    when ${scheduledEvents.endTime} > ${at}::timestamptz then 'in_progress'
    else 'attended' end`;
}

export async function getRealtorAttendance(viewer: Viewer, scope: Scope, realtorUserId: string, now = new Date()): Promise<AttendanceDto> {
  const db = getDb();
  // A realtor sees only their own history; a coach only realtors who booked with them (scoped to their sessions).
  if (scope !== "any" && viewer.role === "realtor" && viewer.id !== realtorUserId) throw notFound("Realtor");
  const [realtor] = await db
    .select({ id: user.id, name: user.name, email: user.email, timeZone: user.timeZone, role: user.role })
    .from(user)
    .where(eq(user.id, realtorUserId));
  if (!realtor || realtor.role !== "realtor") throw notFound("Realtor");

  const scoped = and(
    eq(invitees.realtorUserId, realtorUserId),
    scope !== "any" && viewer.role === "coach" ? eq(scheduledEvents.coachUserId, viewer.id) : undefined,
  );
  const outcome = outcomeSql(now);
  const grouped = await db
    .select({ outcome, count: sql<number>`count(*)::int` })
    .from(invitees)
    .innerJoin(scheduledEvents, eq(scheduledEvents.uuid, invitees.eventUuid))
    .where(scoped)
    .groupBy(sql`1`);
  const counts: AttendanceCounts = { upcoming: 0, inProgress: 0, attended: 0, noShow: 0, canceled: 0, rescheduled: 0, total: 0 };
  const key: Record<AttendanceOutcome, keyof AttendanceCounts> = {
    upcoming: "upcoming",
    in_progress: "inProgress",
    attended: "attended",
    no_show: "noShow",
    canceled: "canceled",
    rescheduled: "rescheduled",
  };
  for (const row of grouped) {
    counts[key[row.outcome]] += row.count;
    counts.total += row.count;
  }
  if (counts.total === 0 && scope !== "any" && viewer.role === "coach") throw notFound("Realtor");

  const recent = await db
    .select({
      inviteeUri: invitees.uri,
      invitee: { status: invitees.status, rescheduled: invitees.rescheduled, noShowUri: invitees.noShowUri },
      session: {
        uuid: scheduledEvents.uuid,
        name: scheduledEvents.name,
        status: scheduledEvents.status,
        rescheduled: scheduledEvents.rescheduled,
        startTime: scheduledEvents.startTime,
        endTime: scheduledEvents.endTime,
      },
      coachName: coach.name,
    })
    .from(invitees)
    .innerJoin(scheduledEvents, eq(scheduledEvents.uuid, invitees.eventUuid))
    .leftJoin(coach, eq(coach.id, scheduledEvents.coachUserId))
    .where(scoped)
    .orderBy(desc(scheduledEvents.startTime), desc(invitees.uuid))
    .limit(HISTORY_LIMIT);

  const rate = attendanceRate(counts);
  return {
    realtor: { id: realtor.id, name: realtor.name, email: realtor.email, timeZone: realtor.timeZone },
    counts,
    attendanceRate: rate,
    noShowRate: rate === null ? null : 1 - rate,
    history: recent.map((row) => ({
      inviteeUri: row.inviteeUri,
      outcome: attendanceOutcome(row.invitee, row.session, now),
      session: {
        uuid: row.session.uuid,
        name: row.session.name,
        startTime: row.session.startTime.toISOString(),
        endTime: row.session.endTime.toISOString(),
        coachName: row.coachName,
      },
    })),
    historyLimit: HISTORY_LIMIT,
  };
}
