"use client";

import type * as React from "react";
import useSWR from "swr";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { NativeSelect } from "@/components/ui/native-select";
import { swrFetcher } from "@/lib/api/fetcher";
import type { AnalyticsFilterOptionsDto } from "../list-analytics-filter-options";

/** Period, coach (admins), event type and bucket pickers shared by the analytics and reports pages. */
export interface FilterValues {
  from: string;
  to: string;
  coach: string;
  eventType: string;
  bucket: "" | "day" | "week" | "month";
}

export function filterQuery(values: FilterValues, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (values.from) params.set("from", values.from);
  if (values.to) params.set("to", values.to);
  if (values.coach) params.set("coach", values.coach);
  if (values.eventType) params.set("eventType", values.eventType);
  if (values.bucket) params.set("bucket", values.bucket);
  for (const [key, value] of Object.entries(extra)) params.set(key, value);
  return params.toString();
}

export function AnalyticsFiltersBar({
  values,
  onChange,
  showCoach,
  showBucket = true,
  showEventType = true,
  leading,
}: {
  values: FilterValues;
  onChange: (values: FilterValues) => void;
  showCoach: boolean;
  showBucket?: boolean;
  showEventType?: boolean;
  /** An extra control shown first (e.g. the report kind). */
  leading?: React.ReactNode;
}) {
  const { data: options } = useSWR<AnalyticsFilterOptionsDto>(showCoach || showEventType ? "/api/analytics/filters" : null, swrFetcher);
  const eventTypes = (options?.eventTypes ?? []).filter((eventType) => !values.coach || eventType.coachUserId === values.coach);
  const coachName = new Map((options?.coaches ?? []).map((coach) => [coach.id, coach.name]));
  return (
    <form className="mb-6 grid gap-3 sm:grid-cols-2 lg:grid-cols-5 print:hidden" onSubmit={(event) => event.preventDefault()} aria-label="Filters">
      {leading}
      <Field label="From">
        <Input type="date" value={values.from} max={values.to || undefined} onChange={(event) => onChange({ ...values, from: event.target.value })} />
      </Field>
      <Field label="To">
        <Input type="date" value={values.to} min={values.from || undefined} onChange={(event) => onChange({ ...values, to: event.target.value })} />
      </Field>
      {showCoach ? (
        <Field label="Coach">
          <NativeSelect value={values.coach} onChange={(event) => onChange({ ...values, coach: event.target.value, eventType: "" })}>
            <option value="">All coaches</option>
            {(options?.coaches ?? []).map((coach) => (
              <option key={coach.id} value={coach.id}>
                {coach.name}
              </option>
            ))}
          </NativeSelect>
        </Field>
      ) : null}
      {showEventType ? (
        <Field label="Event type">
          <NativeSelect value={values.eventType} onChange={(event) => onChange({ ...values, eventType: event.target.value })}>
            <option value="">All event types</option>
            {eventTypes.map((eventType) => (
              <option key={eventType.uri} value={eventType.uri}>
                {eventType.name}
                {showCoach && !values.coach ? ` (${coachName.get(eventType.coachUserId) ?? "coach"})` : ""}
              </option>
            ))}
          </NativeSelect>
        </Field>
      ) : null}
      {showBucket ? (
        <Field label="Group by">
          <NativeSelect value={values.bucket} onChange={(event) => onChange({ ...values, bucket: event.target.value as FilterValues["bucket"] })}>
            <option value="">Automatic</option>
            <option value="day">Day</option>
            <option value="week">Week</option>
            <option value="month">Month</option>
          </NativeSelect>
        </Field>
      ) : null}
    </form>
  );
}
