import { DateTime } from "luxon";
import { sql, type SQL } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { canOn } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import type { ListSessionsQuery, SessionFilters, SessionSort } from "./list-sessions-query";
import { ownedSessionsCondition, seesOtherInvitees, type SessionViewer } from "./session-access";
import { decodeCursor, encodeCursor } from "./session-cursor";
import { sessionColumns, sessionJoins, toSessionSummary, type SessionRow, type SessionSummaryDto } from "./session-row";

/**
 * The session list: the viewer's sessions, filtered, sorted and paged by keyset (never OFFSET), so a page costs the
 * same on page 1 and page 10 000 and rows inserted between two page loads are neither skipped nor repeated.
 */
export interface SessionPage {
  sessions: SessionSummaryDto[];
  /** Cursor of the page after this one (`after=`), or null on the last page. */
  nextCursor: string | null;
  /** Cursor of the page before this one (`before=`), or null on the first page. */
  prevCursor: string | null;
  timeZone: string;
}

const UTC_TEXT = (column: SQL) => sql`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
/** Status sort: active, then canceled, then rescheduled (stored facts only, so the order does not shift with the clock). */
const STATUS_RANK = sql`(case when e.status = 'active' then 0 when e.rescheduled then 2 else 1 end)`;

function sortColumns(sort: SessionSort): Array<{ expression: SQL; kind: "time" | "int" }> {
  if (sort === "created") return [{ expression: sql`e.calendly_created_at`, kind: "time" }];
  if (sort === "status") return [{ expression: STATUS_RANK, kind: "int" }, { expression: sql`e.start_time`, kind: "time" }];
  return [{ expression: sql`e.start_time`, kind: "time" }];
}

function likePattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (match) => `\\${match}`)}%`;
}

/**
 * Two forms of the same search condition (a session's name, or one of its invitees' names or emails, contains the
 * text), each fast in its own case:
 * - `walk`: reads sessions in the page's sort order and probes each one's invitees until the page is full; fast when
 *   matches are common ("carter"), a full scan when they are rare;
 * - `index`: finds the matching search terms by trigram (calendly_invitee_search_terms), their invitees and sessions by
 *   equality, then sorts those; fast when they are few (one realtor's email), slow when they are many.
 * Both return exactly the same rows; `searchStrategy` picks one from the terms table before the page query.
 */
export type SearchStrategy = "walk" | "index";
/** Above this many matching invitees, walking the sort order finds a page sooner than fetching every match. */
const SEARCH_INDEX_MAX_MATCHES = 2000;

export async function searchStrategy(viewer: SessionViewer, q: string | undefined): Promise<SearchStrategy> {
  return (await planSearch(viewer, q)).strategy;
}

/**
 * The strategy, and for the index form the matching terms themselves: the page query then looks their invitees up by
 * equality instead of running the trigram lookup a second time (~200 index pages per lookup at 1M).
 */
async function planSearch(viewer: SessionViewer, q: string | undefined): Promise<{ strategy: SearchStrategy; terms?: string[] }> {
  // Under three characters a trigram index has nothing to look up.
  if (!q || q.length < 3 || !seesOtherInvitees(viewer)) return { strategy: "walk" };
  const pattern = likePattern(q);
  const result = await getDb().execute<{ terms: Array<{ term: string; invitees: number }> | null; name_matches: boolean }>(sql`
    select
      (select json_agg(json_build_object('term', t.term, 'invitees', t.invitees))
         from (select term, invitees from calendly_invitee_search_terms where term like ${pattern} limit ${SEARCH_INDEX_MAX_MATCHES + 1}) t) as terms,
      exists (select 1 from calendly_scheduled_events where lower(name) like ${pattern}) as name_matches`);
  const row = result.rows[0];
  const terms = row?.terms ?? [];
  const inviteeMatches = terms.reduce((sum, term) => sum + Number(term.invitees), 0);
  return row && !row.name_matches && inviteeMatches <= SEARCH_INDEX_MAX_MATCHES ? { strategy: "index", terms: terms.map((term) => term.term) } : { strategy: "walk" };
}

function searchCondition(pattern: string, strategy: SearchStrategy, terms?: string[]): SQL {
  if (strategy === "index" && terms) {
    // The terms found while planning (no session name matched then; one named meanwhile is still found here).
    const list = terms.length ? sql`array[${sql.join(terms.map((term) => sql`${term}`), sql`, `)}]::text[]` : sql`'{}'::text[]`;
    return sql`e.uuid in (
      select si.event_uuid from calendly_invitees si where si.email_normalized = any(${list})
      union all
      select si.event_uuid from calendly_invitees si where lower(si.name) = any(${list})
      union all
      select se.uuid from calendly_scheduled_events se where lower(se.name) like ${pattern})`;
  }
  if (strategy === "index") {
    // The terms once (materialized: one trigram lookup, and no parallel plan, whose start-up costs more than the query).
    return sql`e.uuid in (
      with terms as materialized (select term from calendly_invitee_search_terms where term like ${pattern})
      select si.event_uuid from calendly_invitees si join terms t on si.email_normalized = t.term
      union all
      select si.event_uuid from calendly_invitees si join terms t on lower(si.name) = t.term
      union all
      select se.uuid from calendly_scheduled_events se where lower(se.name) like ${pattern})`;
  }
  // One correlated EXISTS over a UNION ALL: PostgreSQL cannot hash it (as it would `name like … or exists (…)`, by
  // reading every matching invitee first), so it runs per session, in the page's order, until the page is full.
  return sql`exists (
    select 1 where lower(e.name) like ${pattern}
    union all
    select 1 from calendly_invitees si where si.event_uuid = e.uuid and (lower(si.name) like ${pattern} or si.email_normalized like ${pattern}))`;
}

/** What a page query looks up before it runs, so its conditions can use the indexes (see listSessions). */
export interface ResolvedFilters {
  search?: SearchStrategy;
  /** For the index form: the matching search terms, found while choosing it (the page query does not look them up again). */
  searchTerms?: string[];
  /** The URIs of the event type filter's uuid (one, in practice): `e.event_type_uri = …` walks that type's sessions in start order. */
  eventTypeUris?: string[];
}

export async function resolveFilters(viewer: SessionViewer, filters: SessionFilters): Promise<ResolvedFilters> {
  const [search, eventTypeUris] = await Promise.all([
    planSearch(viewer, filters.q),
    filters.eventType
      ? getDb()
          .execute<{ uri: string }>(sql`select uri from calendly_event_types where uuid = ${filters.eventType}`)
          .then((result) => result.rows.map((row) => row.uri))
      : undefined,
  ]);
  return { search: search.strategy, searchTerms: search.terms, eventTypeUris };
}

/** The WHERE conditions of the filters (shared with the calendar export of a filtered list). */
export function sessionFilterConditions(viewer: SessionViewer, filters: SessionFilters, now: Date, resolved: ResolvedFilters = {}): SQL[] {
  const conditions: SQL[] = [ownedSessionsCondition(viewer)];
  const nowText = now.toISOString();
  switch (filters.status) {
    case "upcoming":
      conditions.push(sql`e.status = 'active' and e.start_time > ${nowText}::timestamptz`);
      break;
    case "past":
      conditions.push(sql`e.status = 'active' and e.start_time <= ${nowText}::timestamptz`);
      break;
    case "canceled":
      conditions.push(sql`e.status = 'canceled' and not e.rescheduled`);
      break;
    case "rescheduled":
      conditions.push(sql`e.status = 'canceled' and e.rescheduled`);
      break;
    case "no_show":
      conditions.push(
        sql`e.status = 'active' and e.start_time <= ${nowText}::timestamptz and e.no_show_invitees > 0`,
      );
      break;
  }
  const zone = viewer.user.timeZone || "UTC";
  if (filters.from) {
    const from = DateTime.fromISO(filters.from, { zone }).startOf("day");
    if (!from.isValid) throw new AppError("validation_failed", "The start date is not a valid date.", { fields: { from: ["is not a valid date"] } });
    conditions.push(sql`e.start_time >= ${from.toUTC().toISO()}::timestamptz`);
  }
  if (filters.to) {
    const to = DateTime.fromISO(filters.to, { zone }).startOf("day").plus({ days: 1 });
    if (!to.isValid) throw new AppError("validation_failed", "The end date is not a valid date.", { fields: { to: ["is not a valid date"] } });
    conditions.push(sql`e.start_time < ${to.toUTC().toISO()}::timestamptz`);
  }
  if (filters.eventType) {
    const uris = resolved.eventTypeUris;
    if (!uris) conditions.push(sql`e.event_type_uri in (select uri from calendly_event_types where uuid = ${filters.eventType})`);
    else if (uris.length === 1) conditions.push(sql`e.event_type_uri = ${uris[0]}`);
    else conditions.push(uris.length ? sql`e.event_type_uri in (${sql.join(uris.map((uri) => sql`${uri}`), sql`, `)})` : sql`false`);
  }
  if (filters.coach && viewer.scope === "any") conditions.push(sql`e.coach_user_id = ${filters.coach}`);
  if (filters.coach && viewer.scope === "own" && viewer.user.role === "realtor") conditions.push(sql`e.coach_user_id = ${filters.coach}`);
  if (filters.q) {
    const pattern = likePattern(filters.q);
    if (seesOtherInvitees(viewer)) {
      conditions.push(searchCondition(pattern, resolved.search ?? "walk", resolved.searchTerms));
    } else {
      conditions.push(sql`(lower(e.name) like ${pattern} or e.coach_user_id in (select id from "user" where lower(name) like ${pattern}))`);
    }
  }
  return conditions;
}

export async function listSessions(viewer: SessionViewer, query: ListSessionsQuery, options: { now?: Date } = {}): Promise<SessionPage> {
  const now = options.now ?? new Date();
  const columns = sortColumns(query.sort);
  const resolved = await resolveFilters(viewer, query);
  const conditions = sessionFilterConditions(viewer, query, now, resolved);

  const backwards = Boolean(query.before);
  const cursorText = query.after ?? query.before;
  if (cursorText) {
    const cursor = decodeCursor(cursorText, { sort: query.sort, dir: query.dir });
    const left = sql.join([...columns.map((column) => column.expression), sql`e.uuid`], sql`, `);
    const right = sql.join(
      [
        ...columns.map((column, index) => (column.kind === "time" ? sql`${String(cursor.keys[index])}::timestamptz` : sql`${Number(cursor.keys[index])}::int`)),
        sql`${cursor.uuid}`,
      ],
      sql`, `,
    );
    // Forward on an ascending sort reads rows after the cursor; backwards (or descending) flips the comparison.
    const greater = (query.dir === "asc") !== backwards;
    conditions.push(greater ? sql`(${left}) > (${right})` : sql`(${left}) < (${right})`);
  }

  const readAscending = (query.dir === "asc") !== backwards;
  const direction = readAscending ? sql`asc` : sql`desc`;
  const orderBy = sql.join([...columns.map((column) => sql`${column.expression} ${direction}`), sql`e.uuid ${direction}`], sql`, `);
  const keyColumns = sql.join(
    columns.map((column, index) => (column.kind === "time" ? sql`${UTC_TEXT(column.expression)} as sort_key_${sql.raw(String(index))}` : sql`${column.expression} as sort_key_${sql.raw(String(index))}`)),
    sql`, `,
  );

  const where = sql.join(conditions, sql` and `);
  // The index form of a search collects every match (~500 sessions for one realtor's email at 1M) and sorts them:
  // there a deferred join picks the page's uuids from the filters and sort keys alone, then builds the columns, joins
  // and first-invitee subquery for those rows only (they were built for every match before the sort). Everywhere
  // else the page is read in index order and stops after the page, so the plain query is cheaper (measured: the
  // deferred form adds ~1.5–3 ms p50 there, 26 more primary-key probes and a larger plan).
  const result = await getDb().execute(
    resolved.search === "index"
      ? sql`
    with page as materialized (
      select e.uuid from calendly_scheduled_events e
       where ${where}
       order by ${orderBy}
       limit ${query.size + 1})
    select ${sessionColumns(viewer)}, ${keyColumns}
      from page join calendly_scheduled_events e on e.uuid = page.uuid ${sessionJoins}
     order by ${orderBy}`
      : sql`
    select ${sessionColumns(viewer)}, ${keyColumns}
      from calendly_scheduled_events e ${sessionJoins}
     where ${where}
     order by ${orderBy}
     limit ${query.size + 1}`,
  );
  const rows = result.rows as unknown as Array<SessionRow & Record<string, unknown>>;
  const hasMore = rows.length > query.size;
  const page = rows.slice(0, query.size);
  if (backwards) page.reverse();

  const cursorOf = (row: SessionRow & Record<string, unknown>) =>
    encodeCursor({
      sort: query.sort,
      dir: query.dir,
      keys: columns.map((column, index) => (column.kind === "time" ? String(row[`sort_key_${index}`]) : Number(row[`sort_key_${index}`]))),
      uuid: row.uuid,
    });
  const first = page[0];
  const last = page[page.length - 1];
  const canCancel = canOn(viewer.user.role, "sessions.cancel", true);
  return {
    sessions: page.map((row) => toSessionSummary(row, viewer, now, canCancel)),
    nextCursor: last && (backwards ? true : hasMore) ? cursorOf(last) : null,
    prevCursor: first && (backwards ? hasMore : Boolean(query.after)) ? cursorOf(first) : null,
    timeZone: viewer.user.timeZone || "UTC",
  };
}
