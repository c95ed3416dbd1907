// GET /api/booking/availability-settings - the coach's low-availability threshold; PUT - change it
import { apiRoute } from "@/lib/api/handler";
import { availabilitySettingsBodySchema, getAvailabilitySettings, updateAvailabilitySettings } from "@/features/booking/coach-availability";

export const GET = apiRoute("GET /api/booking/availability-settings", {}, async ({ user }) => getAvailabilitySettings(user.id));

export const PUT = apiRoute("PUT /api/booking/availability-settings", { body: availabilitySettingsBodySchema }, async ({ user, body, ip, userAgent }) =>
  updateAvailabilitySettings(user, body, { ip, userAgent }),
);
