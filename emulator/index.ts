// Public entry point of the Calendly emulator: server, defaults, core domain functions and their types.
export { startEmulator, type RunningEmulator, type SeededUserInfo, type StartEmulatorOptions } from "./server";
export * from "./defaults";
export { createClock, type Clock, type ClockOptions } from "./core/clock";
export type { Actor, CoreContext, WebhookEmission } from "./core/context";
export { CoreError, type CoreErrorKind, type ErrorDetail } from "./core/errors";
export { computeAvailableTimes, findOpenSlot, candidateSlotStarts, scheduleIntervals, type AvailableSlot, type AvailabilityQuery } from "./core/available-times";
export { bookInvitee, SLOT_UNAVAILABLE_MESSAGE, type BookingInput, type BookingInvitee, type BookingResult } from "./core/book";
export { cancelEvent, cancelInvitee, assertEventCancelable, type CancelEventInput, type CancelInviteeInput } from "./core/cancel";
export { rescheduleInvitee, type RescheduleInput, type RescheduleResult } from "./core/reschedule";
export { markNoShow, unmarkNoShow } from "./core/no-show";
export { formatTimestamp, parseTimestamp } from "./core/time";
export { signWebhookBody } from "./webhooks/sign";
export { publicRoute, type PublicRequest, type RouteDef, type Runtime } from "./routes/types";
export type { Fixture, FixtureName } from "./fixtures";
export type { FixtureContext, FixtureFunction } from "./fixtures/builder";
