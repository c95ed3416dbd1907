// GET /api/settings/notifications - the signed-in user's email choices, reminder offsets and time zone; PUT - save them
import { apiRoute } from "@/lib/api/handler";
import { getPreferencesDto, preferencesBodySchema, updateNotificationPreferences } from "@/features/notifications/update-notification-preferences";

export const GET = apiRoute("GET /api/settings/notifications", {}, async ({ user }) => getPreferencesDto(user));

export const PUT = apiRoute("PUT /api/settings/notifications", { body: preferencesBodySchema }, async ({ user, body, ip, userAgent }) =>
  updateNotificationPreferences(user, body, { ip, userAgent }),
);
