// POST /api/booking/popup-bookings - record a booking made in Calendly's popup (read back from Calendly by its URIs)
import { apiRoute } from "@/lib/api/handler";
import { popupBookingBodySchema, recordPopupBooking } from "@/features/booking/record-popup-booking";

export const POST = apiRoute("POST /api/booking/popup-bookings", { body: popupBookingBodySchema }, async ({ user, body, ip, userAgent }) =>
  recordPopupBooking(user, body, { ip, userAgent }),
);
