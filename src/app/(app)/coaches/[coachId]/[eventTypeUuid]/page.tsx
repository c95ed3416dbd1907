import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowLeft } from "lucide-react";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { AppError } from "@/lib/errors";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { PageHeader } from "@/components/ui/page-header";
import { calendlyEmbedConfig } from "@/features/calendly/calendly-config";
import { getEventTypeForViewerOrThrow } from "@/features/booking/bookable-event-types";
import { durationsOf } from "@/features/booking/list-coach-directory";
import { EventTypeAvailability } from "@/features/booking/components/event-type-availability";

export const metadata: Metadata = { title: "Open times" };

type Params = Promise<{ coachId: string; eventTypeUuid: string }>;
type Search = Promise<{ date?: string; slot?: string }>;

/** A Calendly scheduling URL may be shown in the popup only when it is valid and on Calendly's page origin. */
function popupUrl(schedulingUrl: string, valid: boolean, pageOrigin: string): string | null {
  if (!valid) return null;
  try {
    const url = new URL(schedulingUrl);
    return url.origin === pageOrigin && url.protocol.startsWith("http") ? url.toString() : null;
  } catch {
    return null;
  }
}

export default async function EventTypeAvailabilityPage({ params, searchParams }: { params: Params; searchParams: Search }) {
  const user = await requireUser();
  if (!can(user.role, "availability.read")) notFound();
  const { coachId, eventTypeUuid } = await params;
  const { date, slot } = await searchParams;
  const eventType = await getEventTypeForViewerOrThrow(user, eventTypeUuid).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  });
  if (eventType.coachUserId !== coachId) notFound();
  const embed = calendlyEmbedConfig();
  const schedulingUrl = popupUrl(eventType.schedulingUrl, eventType.schedulingUrlValid, embed.pageOrigin);
  const broken = eventType.connectionStatus !== "connected";

  return (
    <>
      <PageHeader
        eyebrow={
          <Button asChild variant="link" size="sm">
            <Link href="/coaches">
              <ArrowLeft /> All coaches
            </Link>
          </Button>
        }
        title={eventType.name}
        description={`${durationsOf(eventType).join(" / ")} minutes with ${eventType.coachName}${eventType.description ? ` · ${eventType.description}` : ""}`}
      />
      {broken ? (
        <Alert variant="warning" title={`${eventType.coachName} can't take bookings right now`}>
          Their Calendly connection needs attention. Try again later or pick another coach.
        </Alert>
      ) : (
        <EventTypeAvailability
          eventType={{ uuid: eventType.uuid, name: eventType.name, coachName: eventType.coachName, duration: eventType.duration, durations: durationsOf(eventType) }}
          questions={eventType.customQuestions
            .filter((question) => question.enabled)
            .map((question) => ({
              name: question.name,
              type: question.type,
              position: question.position,
              required: question.required,
              answerChoices: question.answer_choices,
              includeOther: question.include_other,
            }))}
          viewer={{ id: user.id, name: user.name, email: user.email, timeZone: user.timeZone, canBook: can(user.role, "bookings.create") }}
          popup={schedulingUrl ? { scriptUrl: embed.scriptUrl, pageOrigin: embed.pageOrigin, schedulingUrl } : null}
          initialDate={date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? date : undefined}
          initialSlot={slot}
        />
      )}
    </>
  );
}
