// GET /api/calendar/:token.ics - a person's calendar subscription feed, authenticated by its signed token
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { serveCalendarFeed } from "@/features/sessions/serve-calendar-feed";

export const GET = apiRoute("GET /api/calendar/[token]", { params: z.object({ token: z.string().max(200) }) }, ({ params }) =>
  serveCalendarFeed(params.token),
);
