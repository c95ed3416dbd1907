import { z } from "zod";
import { AppError } from "@/lib/errors";
import type { CurrentUser } from "@/lib/auth/session";
import { calendlyClientForConnection } from "@/features/calendly/calendly-api";
import { toAppError } from "@/features/calendly/client/errors";
import { inviteeUuidsFromUri } from "@/features/calendly/client/uris";
import { normalizeEmail } from "@/features/calendly/sync/upsert-records";
import { getDb } from "@/lib/db";
import { getEventTypeForViewerOrThrow } from "./bookable-event-types";
import { completePopupAttempt } from "./complete-popup-attempt";
import { syncBookedSession, type BookedSessionDto } from "./sync-booked-session";

/**
 * After Calendly's popup says `calendly.event_scheduled`, the page sends the event and invitee URIs here: we read
 * both from Calendly (never trusting the browser's word), check they belong to this event type, and put the session
 * into the copy at once. The webhook confirms it later. The booking completes the attempt recorded when the realtor
 * opened the popup (booking success), once, whichever of this call and the webhook comes first.
 */
export const popupBookingBodySchema = z.object({
  eventType: z.string().trim().min(1),
  eventUri: z.url({ error: "The event URI from Calendly is missing." }).max(500),
  inviteeUri: z.url({ error: "The invitee URI from Calendly is missing." }).max(500),
});
export type PopupBookingBody = z.output<typeof popupBookingBodySchema>;

export async function recordPopupBooking(
  realtor: Pick<CurrentUser, "id" | "role" | "name" | "email">,
  body: PopupBookingBody,
  request?: { ip?: string; userAgent?: string | null },
): Promise<{ session: BookedSessionDto; bookedByYou: boolean }> {
  const eventType = await getEventTypeForViewerOrThrow(realtor, body.eventType);
  try {
    inviteeUuidsFromUri(body.inviteeUri);
  } catch {
    throw new AppError("validation_failed", "That is not a Calendly invitee URI.", { fields: { inviteeUri: ["Not an invitee URI."] } });
  }
  const client = calendlyClientForConnection(eventType.connectionId);
  const event = await client.getScheduledEvent(body.eventUri).catch((error: unknown) => {
    throw toAppError(error);
  });
  if (event.event_type !== eventType.uri) throw new AppError("not_found", "That booking is not for this event type.");
  const { session, invitee } = await syncBookedSession({
    client,
    owner: { connectionId: eventType.connectionId, coachUserId: eventType.coachUserId, coachName: eventType.coachName },
    eventUri: event.uri,
    inviteeUri: body.inviteeUri,
    actor: realtor,
    request,
    action: "session.booked",
    metadata: { via: "calendly_popup" },
  }).catch((error: unknown) => {
    throw toAppError(error);
  });
  const bookedByYou = normalizeEmail(invitee.email) === normalizeEmail(realtor.email);
  // Someone else's booking posted here is shown, never counted as this realtor's success.
  if (bookedByYou || invitee.tracking.utm_content === realtor.id) {
    await completePopupAttempt(
      getDb(),
      { coachUserId: eventType.coachUserId, realtorUserId: realtor.id, eventTypeUri: eventType.uri, eventUri: event.uri, bookedAt: new Date() },
      { createIfNone: true },
    );
  }
  return { session, bookedByYou };
}
