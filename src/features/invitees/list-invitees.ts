import { and, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb } from "@/lib/db";
import { eventTypes, invitees, scheduledEvents, user } from "@/lib/db/schema";
import type { Scope } from "@/lib/auth/permissions";
import { toInviteeDto, type InviteeDto } from "./invitee-dto";
import { decodeInviteeCursor, encodeInviteeCursor } from "./invitee-cursor";
import type { InviteeListQuery, InviteeSort } from "./invitee-list-query";
import { getVisibleSessionOrThrow, visibleInviteesCondition, type Viewer } from "./invitee-visibility";

export interface InviteePage {
  invitees: InviteeDto[];
  /** Keyset cursors: pass as `after` / `before`; null at either end. */
  nextCursor: string | null;
  prevCursor: string | null;
}

const coach = alias(user, "coach");

const SORT_KEYS: Record<InviteeSort, { expression: SQL; cast: "timestamptz" | "text" }> = {
  booked: { expression: sql`${invitees.calendlyCreatedAt}`, cast: "timestamptz" },
  start: { expression: sql`${scheduledEvents.startTime}`, cast: "timestamptz" },
  name: { expression: sql`lower(${invitees.name})`, cast: "text" },
};

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (character) => `\\${character}`);
}

function filterConditions(query: InviteeListQuery): SQL[] {
  const conditions: SQL[] = [];
  if (query.status) conditions.push(eq(invitees.status, query.status));
  if (query.noShow === "yes") conditions.push(sql`${invitees.noShowUri} is not null`);
  if (query.noShow === "no") conditions.push(sql`${invitees.noShowUri} is null`);
  if (query.rescheduled === "yes") conditions.push(sql`(${invitees.rescheduled} or ${invitees.oldInviteeUri} is not null)`);
  if (query.rescheduled === "no") conditions.push(sql`(not ${invitees.rescheduled} and ${invitees.oldInviteeUri} is null)`);
  if (query.when === "past") conditions.push(sql`${scheduledEvents.startTime} <= now()`);
  if (query.when === "upcoming") conditions.push(sql`${scheduledEvents.startTime} > now()`);
  if (query.timeZone) conditions.push(eq(invitees.timeZone, query.timeZone));
  if (query.coach) conditions.push(eq(scheduledEvents.coachUserId, query.coach));
  if (query.realtor) conditions.push(eq(invitees.realtorUserId, query.realtor));
  if (query.q) {
    const pattern = `%${escapeLike(query.q)}%`;
    conditions.push(or(ilike(invitees.name, pattern), ilike(invitees.emailNormalized, pattern.toLowerCase()))!);
  }
  return conditions;
}

/** Invitees the viewer may see, filtered, sorted and paged by keyset (never OFFSET: rows never skip or repeat). */
export async function listInvitees(
  viewer: Viewer,
  scope: Scope,
  query: InviteeListQuery,
  options: { sessionUuid?: string; now?: Date } = {},
): Promise<InviteePage> {
  const now = options.now ?? new Date();
  const { expression, cast } = SORT_KEYS[query.sort];
  const backwards = Boolean(query.before);
  const cursorValue = query.after ?? query.before;
  const cursor = cursorValue ? decodeInviteeCursor(cursorValue, { sort: query.sort, dir: query.dir }) : null;
  // Walking backwards flips the comparison and the order; the page is reversed again below.
  const ascending = (query.dir === "asc") !== backwards;
  const direction = sql.raw(ascending ? "asc" : "desc");

  const conditions = [
    visibleInviteesCondition(viewer, scope),
    options.sessionUuid ? eq(invitees.eventUuid, options.sessionUuid) : undefined,
    ...filterConditions(query),
    cursor
      ? sql`(${expression}, ${invitees.uuid}) ${sql.raw(ascending ? ">" : "<")} (${cursor.key}::${sql.raw(cast)}, ${cursor.uuid})`
      : undefined,
  ];

  const rows = await getDb()
    .select({
      sortKey: sql<string>`(${expression})::text`,
      invitee: {
        uuid: invitees.uuid,
        uri: invitees.uri,
        name: invitees.name,
        email: invitees.email,
        status: invitees.status,
        timeZone: invitees.timeZone,
        calendlyCreatedAt: invitees.calendlyCreatedAt,
        realtorUserId: invitees.realtorUserId,
        noShowUri: invitees.noShowUri,
        noShowAt: invitees.noShowAt,
        rescheduled: invitees.rescheduled,
        oldInviteeUri: invitees.oldInviteeUri,
        newInviteeUri: invitees.newInviteeUri,
        canceledBy: invitees.canceledBy,
        cancelerType: invitees.cancelerType,
        cancelReason: invitees.cancelReason,
        questionsAndAnswers: invitees.questionsAndAnswers,
      },
      session: {
        uuid: scheduledEvents.uuid,
        name: scheduledEvents.name,
        status: scheduledEvents.status,
        rescheduled: scheduledEvents.rescheduled,
        startTime: scheduledEvents.startTime,
        endTime: scheduledEvents.endTime,
      },
      customQuestions: eventTypes.customQuestions,
      coachName: coach.name,
    })
    .from(invitees)
    .innerJoin(scheduledEvents, eq(scheduledEvents.uuid, invitees.eventUuid))
    .leftJoin(eventTypes, eq(eventTypes.uri, scheduledEvents.eventTypeUri))
    .leftJoin(coach, eq(coach.id, scheduledEvents.coachUserId))
    .where(and(...conditions))
    .orderBy(sql`${expression} ${direction}`, sql`${invitees.uuid} ${direction}`)
    .limit(query.limit + 1);

  const hasMore = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  if (backwards) page.reverse();
  const cursorOf = (row: (typeof page)[number]) => encodeInviteeCursor({ sort: query.sort, dir: query.dir, key: row.sortKey, uuid: row.invitee.uuid });
  const first = page[0];
  const last = page.at(-1);
  return {
    invitees: page.map((row) => toInviteeDto(row, viewer, now)),
    nextCursor: last && (backwards || hasMore) ? cursorOf(last) : null,
    prevCursor: first && (backwards ? hasMore : Boolean(cursor)) ? cursorOf(first) : null,
  };
}

/** The invitees of one session the viewer may open (404 for someone else's session). */
export async function listSessionInvitees(viewer: Viewer, scope: Scope, sessionUuid: string, query: InviteeListQuery, now?: Date) {
  const session = await getVisibleSessionOrThrow(viewer, scope, sessionUuid);
  const page = await listInvitees(viewer, scope, query, { sessionUuid, now });
  return {
    session: { uuid: session.uuid, name: session.name, status: session.status, startTime: session.startTime.toISOString(), endTime: session.endTime.toISOString() },
    ...page,
  };
}

/** Time zones present among the invitees the viewer may see (for the time zone filter). */
export async function listInviteeTimeZones(viewer: Viewer, scope: Scope, sessionUuid?: string): Promise<string[]> {
  const rows = await getDb()
    .selectDistinct({ timeZone: invitees.timeZone })
    .from(invitees)
    .innerJoin(scheduledEvents, eq(scheduledEvents.uuid, invitees.eventUuid))
    .where(and(visibleInviteesCondition(viewer, scope), sessionUuid ? eq(invitees.eventUuid, sessionUuid) : undefined, sql`${invitees.timeZone} is not null`))
    .orderBy(invitees.timeZone)
    .limit(400);
  return rows.map((row) => row.timeZone!).filter(Boolean);
}
