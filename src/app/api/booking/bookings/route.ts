// POST /api/booking/bookings - book an open time through Calendly's Scheduling API and show it in the copy at once
import { apiRoute } from "@/lib/api/handler";
import { bookSlot, bookSlotBodySchema } from "@/features/booking/book-slot";

export const POST = apiRoute("POST /api/booking/bookings", { body: bookSlotBodySchema }, async ({ user, body, ip, userAgent }) =>
  bookSlot(user, body, { ip, userAgent }),
);
