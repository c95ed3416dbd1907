// GET /api/booking/availability-overview - the coach's week across offered event types, low-availability and no-openings flags
import { apiRoute } from "@/lib/api/handler";
import { getCoachAvailabilityOverview, overviewQuerySchema } from "@/features/booking/coach-availability";

export const GET = apiRoute("GET /api/booking/availability-overview", { query: overviewQuerySchema }, async ({ user, query }) =>
  getCoachAvailabilityOverview(user, query),
);
