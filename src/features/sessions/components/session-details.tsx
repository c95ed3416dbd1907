"use client";

import * as React from "react";
import Link from "next/link";
import useSWR from "swr";
import { ArrowLeft, ArrowRight, CalendarPlus, Download, ExternalLink, Repeat, Users } from "lucide-react";
import { ApiRequestError, swrFetcher } from "@/lib/api/fetcher";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { SessionNotifications } from "@/features/notifications/components/session-notifications";
import type { SessionDetailsDto, SessionLink } from "../get-session-details";
import { CancelSessionsDialog, type CancelMode } from "./cancel-sessions-dialog";
import { formatDateTime, formatDuration, formatSessionRange } from "./format";
import { LocationIcon } from "./location-icon";
import { SessionStateBadge } from "./session-state-badge";

/** SessionDetails: one session for the viewer, with the actions they may take on it. */
export interface SessionDetailsProps {
  uuid: string;
  backHref: string;
  timeZone: string;
  role: "admin" | "coach" | "realtor";
}

export function SessionDetails({ uuid, backHref, timeZone, role }: SessionDetailsProps) {
  const { data, error, isLoading, mutate } = useSWR<{ session: SessionDetailsDto }>(`/api/calendly/sessions/${uuid}`, swrFetcher);
  const [cancelMode, setCancelMode] = React.useState<CancelMode | null>(null);
  const session = data?.session;

  const back = (
    <Link href={backHref} className="inline-flex items-center gap-1 text-sm text-muted-foreground hover:text-foreground">
      <ArrowLeft aria-hidden="true" className="size-4" /> Back to sessions
    </Link>
  );

  if (isLoading) {
    return (
      <div className="space-y-4" aria-busy="true" aria-label="Loading session">
        {back}
        <Skeleton className="h-10 w-2/3" />
        <Skeleton className="h-48 w-full" />
      </div>
    );
  }
  if (error || !session) {
    const missing = error instanceof ApiRequestError && error.status === 404;
    return (
      <div className="space-y-4">
        {back}
        <Alert
          variant={missing ? "warning" : "danger"}
          title={missing ? "Session not found" : "Could not load this session"}
          action={missing ? null : <Button size="sm" variant="outline" onClick={() => mutate()}>Try again</Button>}
        >
          {missing ? "It does not exist, or it is not one of your sessions." : error instanceof ApiRequestError ? error.message : "Please try again."}
        </Alert>
      </div>
    );
  }

  const inviteeZone = session.invitee?.timeZone;
  const actions = session.actions;

  return (
    <div className="space-y-6">
      {back}
      <header className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0 space-y-1">
          <div className="flex flex-wrap items-center gap-2">
            <h1 className="text-2xl font-semibold tracking-tight text-balance">{session.name}</h1>
            <SessionStateBadge state={session.state} />
          </div>
          <p className="text-sm text-muted-foreground">{formatSessionRange(session.startTime, session.endTime, timeZone)}</p>
          <p className="text-sm text-muted-foreground">
            {role === "realtor" ? `With ${session.coach.name}` : session.invitee ? `With ${session.invitee.name}` : "No invitees yet"}
            {role === "admin" ? ` · Coach: ${session.coach.name}` : ""}
          </p>
        </div>
        <div className="flex flex-wrap gap-2">
          {actions.rescheduleUrl ? (
            <Button variant="outline" asChild>
              <a href={actions.rescheduleUrl} target="_blank" rel="noreferrer">
                <Repeat aria-hidden="true" /> Reschedule
              </a>
            </Button>
          ) : null}
          {actions.requestReschedule ? (
            <Button variant="outline" onPointerEnter={CancelSessionsDialog.preload} onFocus={CancelSessionsDialog.preload} onClick={() => setCancelMode("request_reschedule")}>
              <Repeat aria-hidden="true" /> Request a reschedule
            </Button>
          ) : null}
          {actions.cancel ? (
            <Button variant="destructive" onPointerEnter={CancelSessionsDialog.preload} onFocus={CancelSessionsDialog.preload} onClick={() => setCancelMode("cancel")}>
              Cancel session
            </Button>
          ) : null}
          {actions.cancelUrl ? (
            <Button variant="outline" asChild>
              <a href={actions.cancelUrl} target="_blank" rel="noreferrer">
                Cancel my spot <ExternalLink aria-hidden="true" />
              </a>
            </Button>
          ) : null}
        </div>
      </header>

      {actions.cancelBlockedReason ? <p className="text-sm text-muted-foreground">{actions.cancelBlockedReason}</p> : null}

      {session.cancellation ? (
        <Alert variant="neutral" title={session.state === "rescheduled" ? "This session was rescheduled" : `Canceled${session.cancellation.canceledBy ? ` by ${session.cancellation.canceledBy}` : ""}`}>
          {session.cancellation.reason ? <p className="whitespace-pre-line">Reason: {session.cancellation.reason}</p> : null}
          {session.cancellation.canceledAt ? <p>On {formatDateTime(session.cancellation.canceledAt, timeZone)}</p> : null}
        </Alert>
      ) : null}

      <ChainPanel session={session} timeZone={timeZone} />

      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle as="h2">When</CardTitle>
          </CardHeader>
          <CardContent>
            <dl className="grid gap-3 text-sm sm:grid-cols-[auto_1fr] sm:gap-x-6">
              <dt className="text-muted-foreground">Starts</dt>
              <dd>{formatDateTime(session.startTime, timeZone)}</dd>
              <dt className="text-muted-foreground">Ends</dt>
              <dd>{formatDateTime(session.endTime, timeZone)}</dd>
              <dt className="text-muted-foreground">Duration</dt>
              <dd>{formatDuration(session.durationMinutes)}</dd>
              {inviteeZone && inviteeZone !== timeZone ? (
                <>
                  <dt className="text-muted-foreground">{role === "realtor" ? "In your booking's zone" : "For the invitee"}</dt>
                  <dd>{formatSessionRange(session.startTime, session.endTime, inviteeZone)}</dd>
                </>
              ) : null}
            </dl>
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle as="h2">Where</CardTitle>
          </CardHeader>
          <CardContent className="space-y-2 text-sm">
            {session.location ? (
              <>
                <p className="flex items-center gap-2 font-medium">
                  <LocationIcon kind={session.location.kind} /> {session.location.label}
                </p>
                {session.location.detail ? <p className="break-words text-muted-foreground">{session.location.detail}</p> : null}
                {session.location.joinUrl ? (
                  <Button size="sm" asChild>
                    <a href={session.location.joinUrl} target="_blank" rel="noreferrer">
                      Join meeting <ExternalLink aria-hidden="true" />
                    </a>
                  </Button>
                ) : null}
              </>
            ) : (
              <p className="text-muted-foreground">No location was set for this session.</p>
            )}
          </CardContent>
        </Card>

        <Card>
          <CardHeader>
            <CardTitle as="h2" className="flex items-center gap-2">
              <Users aria-hidden="true" className="size-4" /> Invitees
            </CardTitle>
          </CardHeader>
          <CardContent className="space-y-3 text-sm">
            <dl className="grid grid-cols-3 gap-2 text-center">
              <div className="rounded-lg bg-muted/50 p-2">
                <dt className="text-xs text-muted-foreground">Total</dt>
                <dd className="text-lg font-semibold tabular-nums">{session.invitees.total}</dd>
              </div>
              <div className="rounded-lg bg-muted/50 p-2">
                <dt className="text-xs text-muted-foreground">Active</dt>
                <dd className="text-lg font-semibold tabular-nums">{session.invitees.active}</dd>
              </div>
              <div className="rounded-lg bg-muted/50 p-2">
                <dt className="text-xs text-muted-foreground">Limit</dt>
                <dd className="text-lg font-semibold tabular-nums">{session.invitees.limit}</dd>
              </div>
            </dl>
            {session.guests.length ? (
              <div>
                <p className="font-medium">Guests</p>
                <ul className="mt-1 space-y-0.5 text-muted-foreground">
                  {session.guests.map((guest) => (
                    <li key={guest} className="break-all">
                      {guest}
                    </li>
                  ))}
                </ul>
              </div>
            ) : (
              <p className="text-muted-foreground">No guests.</p>
            )}
            <div className="flex flex-wrap gap-2">
              <Button size="sm" variant="outline" asChild>
                <Link href={`/sessions/${session.uuid}/invitees`}>{role === "realtor" ? "My booking details" : "Invitee list"}</Link>
              </Button>
              {actions.markNoShow ? (
                <Button size="sm" variant="outline" asChild>
                  <Link href={`/sessions/${session.uuid}/invitees`}>Mark no-show</Link>
                </Button>
              ) : null}
            </div>
          </CardContent>
        </Card>

        {actions.export ? (
          <Card>
            <CardHeader>
              <CardTitle as="h2" className="flex items-center gap-2">
                <CalendarPlus aria-hidden="true" className="size-4" /> Add to your calendar
              </CardTitle>
            </CardHeader>
            <CardContent className="flex flex-wrap gap-2">
              <Button size="sm" variant="outline" asChild>
                <a href={session.calendar.icsPath} download>
                  <Download aria-hidden="true" /> Download .ics
                </a>
              </Button>
              {session.status === "active" ? (
                <>
                  <Button size="sm" variant="outline" asChild>
                    <a href={session.calendar.google} target="_blank" rel="noreferrer">Google Calendar</a>
                  </Button>
                  <Button size="sm" variant="outline" asChild>
                    <a href={session.calendar.outlook} target="_blank" rel="noreferrer">Outlook</a>
                  </Button>
                </>
              ) : null}
            </CardContent>
          </Card>
        ) : null}
      </div>

      <SessionNotifications eventUuid={session.uuid} />

      <CancelSessionsDialog
        open={cancelMode !== null}
        onOpenChange={(open) => !open && setCancelMode(null)}
        sessions={[{ uuid: session.uuid, name: session.name }]}
        mode={cancelMode ?? "cancel"}
        onDone={() => void mutate()}
      />
    </div>
  );
}

function SessionLinkItem({ link, timeZone, label }: { link: SessionLink; timeZone: string; label: string }) {
  return (
    <li>
      {label}{" "}
      <Link href={`/sessions/${link.uuid}`} className="font-medium text-primary hover:underline">
        {link.name}, {formatDateTime(link.startTime, timeZone)}
      </Link>
    </li>
  );
}

function ChainPanel({ session, timeZone }: { session: SessionDetailsDto; timeZone: string }) {
  const { chain, rescheduleRequest, rebookedFrom } = session;
  if (!chain.previous.length && !chain.next.length && !rescheduleRequest && !rebookedFrom) return null;
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h2" className="flex items-center gap-2">
          <Repeat aria-hidden="true" className="size-4" /> Reschedule history
        </CardTitle>
      </CardHeader>
      <CardContent>
        <ul className="space-y-1.5 text-sm">
          {chain.previous.map((link) => (
            <SessionLinkItem key={link.uuid} link={link} timeZone={timeZone} label="Rescheduled from" />
          ))}
          {chain.next.map((link) => (
            <SessionLinkItem key={link.uuid} link={link} timeZone={timeZone} label="Rescheduled to" />
          ))}
          {rebookedFrom ? <SessionLinkItem link={rebookedFrom} timeZone={timeZone} label="Rebooked after the coach asked to reschedule" /> : null}
          {rescheduleRequest ? (
            <li className="space-y-1">
              <p>
                The coach asked to reschedule on {formatDateTime(rescheduleRequest.requestedAt, timeZone)}: <span className="whitespace-pre-line">{rescheduleRequest.reason}</span>
              </p>
              {rescheduleRequest.rebooked ? (
                <p>
                  <ArrowRight aria-hidden="true" className="mr-1 inline size-4" />
                  Rebooked as{" "}
                  <Link href={`/sessions/${rescheduleRequest.rebooked.uuid}`} className="font-medium text-primary hover:underline">
                    {rescheduleRequest.rebooked.name}, {formatDateTime(rescheduleRequest.rebooked.startTime, timeZone)}
                  </Link>
                </p>
              ) : (
                <Button size="sm" variant="outline" asChild>
                  <Link href={rescheduleRequest.rebookPath}>Book a new time</Link>
                </Button>
              )}
            </li>
          ) : null}
        </ul>
      </CardContent>
    </Card>
  );
}
