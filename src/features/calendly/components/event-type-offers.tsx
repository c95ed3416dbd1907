"use client";

import useSWR from "swr";
import { toast } from "@/components/ui/toast";
import { apiFetch, ApiRequestError, swrFetcher } from "@/lib/api/fetcher";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { EventTypeDto } from "../event-types/event-type-offers";

/** The coach chooses which Calendly event types realtors can book. */
export function EventTypeOffers() {
  const { data, error, isLoading, mutate } = useSWR<{ eventTypes: EventTypeDto[] }>("/api/calendly/event-types", swrFetcher);

  async function setOffered(eventType: EventTypeDto, offered: boolean) {
    const previous = data;
    await mutate(
      { eventTypes: (data?.eventTypes ?? []).map((item) => (item.uuid === eventType.uuid ? { ...item, offered } : item)) },
      { revalidate: false },
    );
    try {
      await apiFetch(`/api/calendly/event-types/${eventType.uuid}`, { method: "PATCH", json: { offered } });
      toast.success(offered ? `Realtors can now book “${eventType.name}”.` : `“${eventType.name}” is no longer offered.`);
    } catch (failure) {
      await mutate(previous, { revalidate: false });
      toast.error(failure instanceof ApiRequestError ? failure.message : "Could not save your choice.");
    }
  }

  if (isLoading) return <Skeleton className="h-40 w-full" />;
  if (error) {
    return (
      <Alert variant="danger" title="Could not load your event types" action={<Button size="sm" variant="outline" onClick={() => mutate()}>Try again</Button>}>
        {error instanceof ApiRequestError ? error.message : "Please try again."}
      </Alert>
    );
  }
  const eventTypes = data?.eventTypes ?? [];
  if (eventTypes.length === 0) {
    return (
      <EmptyState
        title="No event types yet"
        description="Once Calendly is connected, your event types appear here. Create them in Calendly, then use “Sync now”."
      />
    );
  }
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead className="w-16">Offer</TableHead>
          <TableHead>Event type</TableHead>
          <TableHead>Length</TableHead>
          <TableHead>Status</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {eventTypes.map((eventType) => {
          const blocked = eventType.unavailableReason !== null && !eventType.offered;
          return (
            <TableRow key={eventType.uuid}>
              <TableCell>
                <Checkbox
                  checked={eventType.offered}
                  disabled={blocked}
                  onCheckedChange={(checked) => setOffered(eventType, checked === true)}
                  aria-label={`Offer ${eventType.name} to realtors`}
                />
              </TableCell>
              <TableCell>
                <div className="font-medium">{eventType.name}</div>
                {eventType.description ? <div className="line-clamp-1 text-sm text-muted-foreground">{eventType.description}</div> : null}
              </TableCell>
              <TableCell className="whitespace-nowrap">
                {eventType.durationOptions && eventType.durationOptions.length > 1 ? eventType.durationOptions.join(" / ") : eventType.duration} min
                {eventType.kind === "group" ? <Badge className="ml-2" variant="info">Group</Badge> : null}
              </TableCell>
              <TableCell>
                {eventType.unavailableReason ? (
                  <span className="text-sm text-muted-foreground">{eventType.unavailableReason}</span>
                ) : eventType.offered ? (
                  <Badge variant="success" dot>Offered</Badge>
                ) : (
                  <Badge variant="neutral">Not offered</Badge>
                )}
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
