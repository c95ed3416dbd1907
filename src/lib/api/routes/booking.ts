import type { RouteAccess } from "./access";

// Coach directory, availability and booking.
export const BOOKING_ROUTES = {
  "GET /api/calendly/availability": "availability.read",
  "GET /api/booking/coaches": "coaches.read",
  "GET /api/booking/find": "coaches.read",
  "POST /api/booking/bookings": "bookings.create",
  "POST /api/booking/popup-started": "bookings.create",
  "POST /api/booking/popup-bookings": "bookings.create",
  "GET /api/booking/series": "bookings.create",
  "POST /api/booking/series": "bookings.create",
  "POST /api/booking/series/[seriesId]/cancel-remaining": "bookings.create",
  "GET /api/booking/availability-overview": "availability.manage",
  "GET /api/booking/availability-settings": "availability.manage",
  "PUT /api/booking/availability-settings": "availability.manage",
} as const satisfies Record<string, RouteAccess>;
