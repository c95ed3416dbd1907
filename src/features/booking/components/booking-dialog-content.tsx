"use client";

import * as React from "react";
import Link from "next/link";
import { toast } from "@/components/ui/toast";
import { apiFetch, ApiRequestError } from "@/lib/api/fetcher";
import { dateInZone, formatInZone } from "@/lib/time/zoned";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { Textarea } from "@/components/ui/textarea";
import { Checkbox } from "@/components/ui/checkbox";
import type { BookedSessionDto } from "../sync-booked-session";
import type { SeriesResultDto } from "../book-series";
import { openCalendlyPopup } from "./calendly-popup";

/** Confirming a chosen time: Sessionly's own form (Scheduling API), optionally as a series, or Calendly's popup. */
export interface BookingQuestion {
  name: string;
  type: string;
  position: number;
  required: boolean;
  answerChoices: string[] | null;
  includeOther: boolean;
}

export interface PopupConfig {
  scriptUrl: string;
  pageOrigin: string;
  schedulingUrl: string;
}

export interface BookingDialogProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  eventType: { uuid: string; name: string; coachName: string };
  slot: { start: string; end: string } | null;
  timeZone: string;
  questions: BookingQuestion[];
  viewer: { id: string; name: string; email: string };
  popup: PopupConfig | null;
  /** The time was taken meanwhile, or a booking went through: the times must be read again. */
  onStale: () => void;
}

export function formatRange(start: string, end: string, zone: string) {
  return `${formatInZone(start, zone, "ccc d LLL, HH:mm")}–${formatInZone(end, zone, "HH:mm")} (${zone})`;
}

type Answers = Record<number, string | string[]>;

/** The dialog itself, loaded on demand by ./booking-dialog. */
export function BookingDialog({ open, onOpenChange, eventType, slot, timeZone, questions, viewer, popup, onStale }: BookingDialogProps) {
  const [answers, setAnswers] = React.useState<Answers>({});
  const [errors, setErrors] = React.useState<Record<string, string[]>>({});
  const [submitting, setSubmitting] = React.useState(false);
  const [planRefused, setPlanRefused] = React.useState(false);
  const [recurring, setRecurring] = React.useState(false);
  const [frequency, setFrequency] = React.useState<"weekly" | "biweekly">("weekly");
  const [occurrences, setOccurrences] = React.useState(4);
  const [booked, setBooked] = React.useState<BookedSessionDto | null>(null);
  const [series, setSeries] = React.useState<SeriesResultDto | null>(null);
  const stopListening = React.useRef<(() => void) | null>(null);

  React.useEffect(() => () => stopListening.current?.(), []);

  const answerList = () =>
    Object.entries(answers)
      .filter(([, value]) => (Array.isArray(value) ? value.length > 0 : value.trim() !== ""))
      .map(([position, answer]) => ({ position: Number(position), answer }));

  function handleFailure(failure: unknown) {
    if (failure instanceof ApiRequestError) {
      if (failure.status === 409) {
        toast.error(failure.message);
        onOpenChange(false);
        onStale();
        return;
      }
      if (failure.status === 403 && failure.code === "forbidden" && popup) {
        setPlanRefused(true);
        toast.info(failure.message);
        return;
      }
      if (failure.fields) setErrors(failure.fields);
      toast.error(failure.message);
      return;
    }
    toast.error("Could not book this time. Please try again.");
  }

  async function bookHere(event: React.FormEvent) {
    event.preventDefault();
    if (!slot) return;
    setSubmitting(true);
    setErrors({});
    try {
      if (recurring) {
        const result = await apiFetch<SeriesResultDto>("/api/booking/series", {
          method: "POST",
          json: { eventType: eventType.uuid, start: slot.start, timeZone, frequency, occurrences, answers: answerList() },
        });
        setSeries(result);
        toast.success(`${result.booked} of ${result.occurrences.length} sessions booked.`);
      } else {
        const result = await apiFetch<{ session: BookedSessionDto }>("/api/booking/bookings", {
          method: "POST",
          json: { eventType: eventType.uuid, start: slot.start, timeZone, answers: answerList() },
        });
        setBooked(result.session);
        toast.success("Your session is booked.");
      }
      onStale();
    } catch (failure) {
      handleFailure(failure);
    } finally {
      setSubmitting(false);
    }
  }

  async function bookInCalendly() {
    if (!popup || !slot) return;
    const url = new URL(popup.schedulingUrl);
    url.searchParams.set("month", formatInZone(slot.start, timeZone, "yyyy-MM"));
    url.searchParams.set("date", dateInZone(timeZone, slot.start));
    try {
      stopListening.current?.();
      stopListening.current = await openCalendlyPopup(
        {
          scriptUrl: popup.scriptUrl,
          pageOrigin: popup.pageOrigin,
          url: url.toString(),
          prefill: { name: viewer.name, email: viewer.email },
          utm: { utmSource: "sessionly", utmMedium: "popup", utmCampaign: "realtor-booking", utmContent: viewer.id },
        },
        async (message) => {
          stopListening.current?.();
          try {
            const result = await apiFetch<{ session: BookedSessionDto }>("/api/booking/popup-bookings", {
              method: "POST",
              json: { eventType: eventType.uuid, eventUri: message.eventUri, inviteeUri: message.inviteeUri },
            });
            setBooked(result.session);
            toast.success("Your session is booked.");
            onStale();
          } catch (failure) {
            toast.error(failure instanceof ApiRequestError ? failure.message : "Booked in Calendly; it will appear here shortly.");
          }
        },
      );
      // A started booking for the coach's booking-success numbers; never in the way of booking.
      void apiFetch("/api/booking/popup-started", { method: "POST", json: { eventType: eventType.uuid } }).catch(() => undefined);
      onOpenChange(false);
    } catch (failure) {
      toast.error(failure instanceof Error ? failure.message : "Calendly's booking window could not be opened.");
    }
  }

  const enabledQuestions = questions.filter((question) => question.type !== "hidden").sort((a, b) => a.position - b.position);

  return (
    <Dialog open={open || booked !== null} onOpenChange={(next) => { if (!next) { setBooked(null); setSeries(null); setErrors({}); } onOpenChange(next); }}>
      <DialogContent className="max-h-[90dvh] overflow-y-auto sm:max-w-lg">
        <DialogHeader>
          <DialogTitle>{booked || series ? "Booked" : `Book ${eventType.name}`}</DialogTitle>
          <DialogDescription>
            {slot ? `${formatRange(slot.start, slot.end, timeZone)} with ${eventType.coachName}` : "Pick a time first."}
          </DialogDescription>
        </DialogHeader>

        {booked && !series ? (
          <Alert variant="success" title="Your session is booked">
            {formatRange(booked.start, booked.end, timeZone)} with {booked.coachName}. It is in{" "}
            <Link className="underline" href="/sessions">
              your sessions
            </Link>{" "}
            now; Calendly sends the confirmation email.
          </Alert>
        ) : series ? (
          <div className="space-y-3">
            <Alert variant={series.notBooked ? "warning" : "success"} title={`${series.booked} of ${series.occurrences.length} sessions booked`}>
              {series.notBooked ? "Some times could not be booked; they are listed below." : "Every session of the series is booked."}
            </Alert>
            <ul className="space-y-1.5 text-sm">
              {series.occurrences.map((item) => (
                <li key={item.start} className="flex flex-wrap items-center justify-between gap-2">
                  <span>{formatInZone(item.start, timeZone, "ccc d LLL yyyy, HH:mm")}</span>
                  <Badge variant={item.status === "booked" ? "success" : item.status === "unavailable" ? "warning" : "danger"}>
                    {item.status === "booked" ? "Booked" : item.reason ?? "Not booked"}
                  </Badge>
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <form id="booking-form" onSubmit={bookHere} className="space-y-4">
            {planRefused ? (
              <Alert variant="info" title="Book in Calendly instead">
                This coach&apos;s Calendly plan doesn&apos;t allow booking from Sessionly&apos;s form. Use Calendly&apos;s booking window below.
              </Alert>
            ) : null}
            <div className="grid gap-3 sm:grid-cols-2">
              <Field label="Name">
                <Input value={viewer.name} readOnly />
              </Field>
              <Field label="Email">
                <Input value={viewer.email} readOnly />
              </Field>
            </div>
            {enabledQuestions.map((question) => (
              <QuestionField
                key={question.position}
                question={question}
                value={answers[question.position]}
                error={errors[`answers.${question.position}`]?.[0]}
                onChange={(value) => setAnswers((current) => ({ ...current, [question.position]: value }))}
              />
            ))}
            <div className="rounded-lg border p-3">
              <label className="flex items-center gap-2 text-sm font-medium">
                <Checkbox checked={recurring} onCheckedChange={(checked) => setRecurring(checked === true)} />
                Make it a recurring series
              </label>
              {recurring ? (
                <div className="mt-3 grid gap-3 sm:grid-cols-2">
                  <Field label="Repeats">
                    <NativeSelect value={frequency} onChange={(event) => setFrequency(event.target.value as "weekly" | "biweekly")}>
                      <option value="weekly">Every week</option>
                      <option value="biweekly">Every two weeks</option>
                    </NativeSelect>
                  </Field>
                  <Field label="Sessions" hint="2 to 12, first one included">
                    <Input type="number" min={2} max={12} value={occurrences} onChange={(event) => setOccurrences(Math.min(12, Math.max(2, Number(event.target.value) || 2)))} />
                  </Field>
                </div>
              ) : null}
            </div>
          </form>
        )}

        <DialogFooter className="gap-2 sm:justify-between">
          {booked || series ? (
            <Button onClick={() => { setBooked(null); setSeries(null); setErrors({}); onOpenChange(false); }}>Done</Button>
          ) : (
            <>
              {popup ? (
                <Button variant="outline" onClick={bookInCalendly} disabled={!slot || recurring}>
                  Book in Calendly
                </Button>
              ) : (
                <span className="text-xs text-muted-foreground">Calendly&apos;s booking window is unavailable for this event type.</span>
              )}
              <Button type="submit" form="booking-form" disabled={!slot || submitting || planRefused}>
                {submitting ? "Booking…" : recurring ? `Book ${occurrences} sessions` : "Confirm booking"}
              </Button>
            </>
          )}
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}

function QuestionField({ question, value, error, onChange }: { question: BookingQuestion; value: string | string[] | undefined; error?: string; onChange: (value: string | string[]) => void }) {
  if (question.type === "single_select") {
    return (
      <Field label={question.name} required={question.required} error={error}>
        <NativeSelect value={typeof value === "string" ? value : ""} onChange={(event) => onChange(event.target.value)}>
          <option value="">Choose…</option>
          {(question.answerChoices ?? []).map((choice) => (
            <option key={choice} value={choice}>
              {choice}
            </option>
          ))}
        </NativeSelect>
      </Field>
    );
  }
  if (question.type === "multi_select") {
    const selected = Array.isArray(value) ? value : [];
    return (
      <fieldset className="grid gap-1.5">
        <legend className="text-sm font-medium">
          {question.name}
          {question.required ? <span className="ml-0.5 text-danger" aria-hidden="true">*</span> : null}
        </legend>
        {(question.answerChoices ?? []).map((choice) => (
          <label key={choice} className="flex items-center gap-2 text-sm">
            <Checkbox
              checked={selected.includes(choice)}
              onCheckedChange={(checked) => onChange(checked === true ? [...selected, choice] : selected.filter((item) => item !== choice))}
            />
            {choice}
          </label>
        ))}
        {error ? <p className="text-[0.8125rem] font-medium text-danger">{error}</p> : null}
      </fieldset>
    );
  }
  if (question.type === "text") {
    return (
      <Field label={question.name} required={question.required} error={error}>
        <Textarea rows={3} value={typeof value === "string" ? value : ""} onChange={(event) => onChange(event.target.value)} />
      </Field>
    );
  }
  return (
    <Field label={question.name} required={question.required} error={error}>
      <Input type={question.type === "phone_number" ? "tel" : "text"} value={typeof value === "string" ? value : ""} onChange={(event) => onChange(event.target.value)} />
    </Field>
  );
}
