// GET /api/calendly/availability - an event type's open times per day in the viewer's zone, with hours and status
import { apiRoute } from "@/lib/api/handler";
import { availabilityQuerySchema, getEventTypeAvailability } from "@/features/booking/get-event-type-availability";

export const GET = apiRoute("GET /api/calendly/availability", { query: availabilityQuerySchema }, async ({ user, query }) =>
  getEventTypeAvailability(user, query),
);
