// GET/POST/DELETE /api/calendar/feed - the viewer's calendar subscription URL: show, create or rotate, revoke
import { apiRoute } from "@/lib/api/handler";
import { getCalendarFeed, revokeCalendarFeed, rotateCalendarFeed } from "@/features/sessions/calendar-feed-token";

export const GET = apiRoute("GET /api/calendar/feed", {}, async ({ user }) => ({ feed: await getCalendarFeed(user.id) }));

export const POST = apiRoute("POST /api/calendar/feed", {}, async ({ user, ip, userAgent }) => ({
  feed: await rotateCalendarFeed(user, { ip, userAgent }),
}));

export const DELETE = apiRoute("DELETE /api/calendar/feed", {}, async ({ user, ip, userAgent }) => ({
  feed: await revokeCalendarFeed(user, { ip, userAgent }),
}));
