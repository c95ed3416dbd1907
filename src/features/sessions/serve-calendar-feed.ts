import { scopeOf } from "@/lib/auth/permissions";
import { notFound } from "@/lib/errors";
import { resolveCalendarFeedToken, touchCalendarFeedToken } from "./calendar-feed-token";
import { feedCalendar, icsResponse } from "./session-ics";

/** The subscription feed of a token's owner; any bad, revoked or forged token answers 404 alike. */
export async function serveCalendarFeed(token: string, options: { now?: Date } = {}): Promise<Response> {
  const resolved = await resolveCalendarFeedToken(token);
  const scope = resolved ? scopeOf(resolved.user.role, "sessions.export") : null;
  if (!resolved || !scope) throw notFound("This calendar feed");
  const body = await feedCalendar({ user: resolved.user, scope }, options);
  await touchCalendarFeedToken(resolved.tokenId);
  return icsResponse(body);
}
