import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { can } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { PageHeader } from "@/components/ui/page-header";
import { ConnectionPanel } from "@/features/calendly/components/connection-panel";
import { EventTypeOffers } from "@/features/calendly/components/event-type-offers";

export const metadata: Metadata = { title: "Calendly" };

export default async function CalendlyPage({ searchParams }: { searchParams: Promise<{ connected?: string; error?: string }> }) {
  const user = await requireUser();
  if (!can(user.role, "calendly.connect")) notFound();
  const { connected, error } = await searchParams;
  return (
    <>
      <PageHeader title="Calendly" description="Your Calendly connection, and the event types realtors can book with you." />
      <div className="space-y-6">
        {connected ? (
          <Alert variant="success" title="Calendly is connected">
            Your event types are here. Your bookings are being imported in the background.
          </Alert>
        ) : null}
        {error ? (
          <Alert variant="danger" title="Calendly was not connected">
            {error.slice(0, 300)}
          </Alert>
        ) : null}
        <ConnectionPanel timeZone={user.timeZone} />
        <Card>
          <CardHeader>
            <CardTitle as="h2">Event types you offer</CardTitle>
            <CardDescription>
              Only the event types you tick are shown to realtors. Event types that are off in Calendly, or that have no
              openings, cannot be offered until fixed there.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <EventTypeOffers />
          </CardContent>
        </Card>
      </div>
    </>
  );
}
