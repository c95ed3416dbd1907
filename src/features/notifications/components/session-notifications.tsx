"use client";

import useSWR from "swr";
import { BellRing } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { swrFetcher } from "@/lib/api/fetcher";
import { describeOffset, formatInstant } from "../format-session-time";
import type { SessionNotificationsDto } from "../get-session-notifications";
import { KIND_NAMES, MESSAGE_STATUS, REMINDER_STATUS } from "../notification-labels";

/**
 * For the session details page: the session's reminder schedule (when each goes out, and whether it did) and every
 * email sent about it. `<SessionNotifications eventUuid={session.uuid} />`; it loads
 * GET /api/sessions/:uuid/notifications and shows times in the viewer's zone, named.
 */
export function SessionNotifications({ eventUuid }: { eventUuid: string }) {
  const { data, error, isLoading } = useSWR<SessionNotificationsDto>(`/api/sessions/${encodeURIComponent(eventUuid)}/notifications`, swrFetcher);
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2" className="flex items-center gap-2">
          <BellRing aria-hidden="true" className="size-4" /> Reminders & emails
        </CardTitle>
        <CardDescription>When reminders go out for this session, and what was sent.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-5">
        {isLoading ? (
          <Skeleton className="h-20 w-full" />
        ) : error || !data ? (
          <p className="text-sm text-danger">Could not load the reminders for this session.</p>
        ) : (
          <>
            <section aria-labelledby={`reminders-${eventUuid}`}>
              <h3 id={`reminders-${eventUuid}`} className="mb-2 text-sm font-medium">
                Reminder schedule
              </h3>
              {data.reminders.length === 0 ? (
                <p className="text-sm text-muted-foreground">No reminders for this session.</p>
              ) : (
                <ul className="divide-y rounded-md border text-sm">
                  {data.reminders.map((reminder) => (
                    <li key={reminder.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
                      <span>
                        <span className="font-medium">{describeOffset(reminder.offsetMinutes)} before</span>
                        <span className="text-muted-foreground"> · to the {reminder.recipientRole} · {formatInstant(reminder.dueAt, data.timeZone)}</span>
                        {reminder.statusReason ? <span className="block text-xs text-muted-foreground">{reminder.statusReason}</span> : null}
                      </span>
                      <Badge variant={REMINDER_STATUS[reminder.status].variant} dot>
                        {reminder.status === "queued" && !reminder.sentAt ? "Sending" : REMINDER_STATUS[reminder.status].label}
                      </Badge>
                    </li>
                  ))}
                </ul>
              )}
            </section>
            <section aria-labelledby={`emails-${eventUuid}`}>
              <h3 id={`emails-${eventUuid}`} className="mb-2 text-sm font-medium">
                Emails
              </h3>
              {data.messages.length === 0 ? (
                <p className="text-sm text-muted-foreground">No emails about this session yet.</p>
              ) : (
                <ul className="divide-y rounded-md border text-sm">
                  {data.messages.map((message) => (
                    <li key={message.id} className="flex flex-wrap items-center justify-between gap-2 px-3 py-2">
                      <span>
                        <span className="font-medium">{KIND_NAMES[message.kind]}</span>
                        <span className="text-muted-foreground">
                          {" "}
                          · to the {message.recipientRole} · {formatInstant(message.sentAt ?? message.createdAt, data.timeZone)}
                        </span>
                        {message.lastError && message.status !== "sent" ? <span className="block text-xs text-danger">{message.lastError}</span> : null}
                        {message.suppressedReason ? <span className="block text-xs text-muted-foreground">{message.suppressedReason}</span> : null}
                      </span>
                      <Badge variant={MESSAGE_STATUS[message.status].variant} dot>
                        {MESSAGE_STATUS[message.status].label}
                      </Badge>
                    </li>
                  ))}
                </ul>
              )}
            </section>
          </>
        )}
      </CardContent>
    </Card>
  );
}
