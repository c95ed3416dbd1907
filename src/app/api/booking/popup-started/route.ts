// POST /api/booking/popup-started - record that a realtor opened Calendly's popup (a started booking, for booking success)
import { apiRoute } from "@/lib/api/handler";
import { popupOpenedBodySchema, recordPopupOpened } from "@/features/booking/record-popup-opened";

export const POST = apiRoute("POST /api/booking/popup-started", { body: popupOpenedBodySchema }, async ({ user, body }) => recordPopupOpened(user, body));
