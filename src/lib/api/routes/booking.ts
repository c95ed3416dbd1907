import type { RouteAccess } from "./access";

// Coach directory, availability and booking.
export const BOOKING_ROUTES = {} as const satisfies Record<string, RouteAccess>;
