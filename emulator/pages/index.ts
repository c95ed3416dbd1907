// Booking pages, cancel/reschedule pages and the embed widget assets, as public routes of the emulator.
// Matched after the API routes; the specific paths come before the `/{user}/{event}` catch-alls.
import type { HttpResult } from "../http/router";
import { publicRoute, type RouteDef } from "../routes/types";
import { bookingHandlers as book } from "./booking";
import { manageHandlers as manage } from "./manage";
import { WIDGET_CSS, WIDGET_JS } from "./widget";

const asset = (text: string, type: string): HttpResult => ({
  status: 200,
  text,
  headers: { "content-type": type, "cache-control": "public, max-age=300", "access-control-allow-origin": "*" },
});

export const PAGE_ROUTES: RouteDef[] = [
  publicRoute("GET", "/assets/external/widget.js", () => asset(WIDGET_JS, "application/javascript; charset=utf-8")),
  publicRoute("GET", "/assets/external/widget.css", () => asset(WIDGET_CSS, "text/css; charset=utf-8")),
  publicRoute("GET", "/cancellations/:uuid", manage.cancelPage),
  publicRoute("POST", "/cancellations/:uuid", manage.cancelSubmit),
  publicRoute("GET", "/reschedulings/:uuid", manage.reschedulePicker),
  publicRoute("GET", "/reschedulings/:uuid/:start", manage.rescheduleSlotPage),
  publicRoute("POST", "/reschedulings/:uuid/:start", manage.rescheduleSubmit),
  publicRoute("GET", "/d/:link/:event", book.linkPage),
  publicRoute("GET", "/d/:link/:event/:start", book.linkSlotPage),
  publicRoute("POST", "/d/:link/:event/:start", book.linkBook),
  publicRoute("GET", "/:user/:event/invitees/:uuid", book.confirmation),
  publicRoute("GET", "/:user", book.profile),
  publicRoute("GET", "/:user/:event", book.eventPage),
  publicRoute("GET", "/:user/:event/:start", book.slotPage),
  publicRoute("POST", "/:user/:event/:start", book.book),
];

export { WIDGET_CSS, WIDGET_JS } from "./widget";
export { TAKEN_MESSAGE } from "./booking";
