"use client";

import { useState } from "react";
import useSWR from "swr";
import { toast } from "@/components/ui/toast";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Checkbox } from "@/components/ui/checkbox";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Skeleton } from "@/components/ui/skeleton";
import { apiFetch, ApiRequestError, swrFetcher } from "@/lib/api/fetcher";
import type { PreferencesDto } from "../update-notification-preferences";

/** The settings form: which emails, reminder times, time zone; coaches also set their low-availability threshold. */
const EMAIL_CHOICES: Array<{ key: keyof PreferencesDto; label: string; roles: Array<PreferencesDto["role"]> }> = [
  { key: "emailBookingConfirmations", label: "Booking confirmations (with a calendar invite)", roles: ["realtor", "coach", "admin"] },
  { key: "emailCancellations", label: "Cancellations", roles: ["realtor", "coach", "admin"] },
  { key: "emailReschedules", label: "Reschedules", roles: ["realtor", "coach", "admin"] },
  { key: "emailReminders", label: "Session reminders", roles: ["realtor", "coach", "admin"] },
  { key: "emailLowAvailability", label: "Low-availability alerts", roles: ["coach"] },
  { key: "emailConnectionAlerts", label: "Calendly connection problems", roles: ["coach"] },
  { key: "emailAdminDigest", label: "Daily low-availability digest", roles: ["admin"] },
];

const OFFSET_CHOICES = [
  { minutes: 10, label: "10 minutes" },
  { minutes: 30, label: "30 minutes" },
  { minutes: 60, label: "1 hour" },
  { minutes: 120, label: "2 hours" },
  { minutes: 24 * 60, label: "1 day" },
  { minutes: 2 * 24 * 60, label: "2 days" },
  { minutes: 7 * 24 * 60, label: "7 days" },
];

export function NotificationSettingsForm({ timeZones }: { timeZones: string[] }) {
  const { data, mutate, isLoading } = useSWR<PreferencesDto>("/api/settings/notifications", swrFetcher);
  if (isLoading || !data) return <Skeleton className="h-96 w-full" />;
  return (
    <div className="space-y-6">
      <PreferencesCard key={JSON.stringify(data)} initial={data} timeZones={timeZones} onSaved={(next) => mutate(next, false)} />
      {data.role === "coach" ? <ThresholdCard /> : null}
    </div>
  );
}

function PreferencesCard({ initial, timeZones, onSaved }: { initial: PreferencesDto; timeZones: string[]; onSaved: (next: PreferencesDto) => void }) {
  const [draft, setDraft] = useState(initial);
  const [saving, setSaving] = useState(false);
  const [errors, setErrors] = useState<Record<string, string[]>>({});
  const offsets = new Set(draft.reminderOffsetsMinutes);

  async function save(revokeLinks = false) {
    setSaving(true);
    setErrors({});
    try {
      const { role: _role, ...body } = draft;
      const next = await apiFetch<PreferencesDto>("/api/settings/notifications", { method: "PUT", json: { ...body, revokeLinks } });
      onSaved(next);
      toast.success(revokeLinks ? "Saved. Earlier unsubscribe links no longer work." : "Settings saved.");
    } catch (failure) {
      if (failure instanceof ApiRequestError) {
        setErrors(failure.fields ?? {});
        toast.error(failure.message);
      } else toast.error("Could not save your settings.");
    } finally {
      setSaving(false);
    }
  }

  return (
    <Card>
      <CardHeader>
        <CardTitle>Email notifications</CardTitle>
        <CardDescription>Emails show session times in your time zone, with the zone named.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-6">
        <fieldset className="space-y-3">
          <legend className="mb-2 text-sm font-medium">Send me</legend>
          {EMAIL_CHOICES.filter((choice) => choice.roles.includes(draft.role)).map((choice) => (
            <div key={choice.key} className="flex items-center gap-2">
              <Checkbox
                id={choice.key}
                checked={draft[choice.key] === true}
                onCheckedChange={(checked) => setDraft({ ...draft, [choice.key]: checked === true })}
              />
              <Label htmlFor={choice.key}>{choice.label}</Label>
            </div>
          ))}
        </fieldset>

        <fieldset className="space-y-3" disabled={!draft.emailReminders}>
          <legend className="mb-1 text-sm font-medium">Remind me before each session (up to three)</legend>
          <div className="flex flex-wrap gap-3">
            {OFFSET_CHOICES.map((choice) => {
              const checked = offsets.has(choice.minutes);
              return (
                <div key={choice.minutes} className="flex items-center gap-2">
                  <Checkbox
                    id={`offset-${choice.minutes}`}
                    checked={checked}
                    disabled={!checked && offsets.size >= 3}
                    onCheckedChange={(value) => {
                      const next = new Set(offsets);
                      if (value === true) next.add(choice.minutes);
                      else next.delete(choice.minutes);
                      setDraft({ ...draft, reminderOffsetsMinutes: [...next].sort((a, b) => b - a) });
                    }}
                  />
                  <Label htmlFor={`offset-${choice.minutes}`}>{choice.label}</Label>
                </div>
              );
            })}
          </div>
          {errors.reminderOffsetsMinutes ? <p className="text-sm text-danger">{errors.reminderOffsetsMinutes[0]}</p> : null}
        </fieldset>

        <div className="max-w-sm space-y-2">
          <Label htmlFor="timeZone">Time zone</Label>
          <NativeSelect id="timeZone" value={draft.timeZone} onChange={(event) => setDraft({ ...draft, timeZone: event.target.value })}>
            {(timeZones.includes(draft.timeZone) ? timeZones : [draft.timeZone, ...timeZones]).map((zone) => (
              <option key={zone} value={zone}>
                {zone}
              </option>
            ))}
          </NativeSelect>
          {errors.timeZone ? <p className="text-sm text-danger">{errors.timeZone[0]}</p> : null}
        </div>

        <div className="flex flex-wrap gap-2">
          <Button onClick={() => save()} disabled={saving}>
            Save settings
          </Button>
          <Button variant="outline" onClick={() => save(true)} disabled={saving}>
            Save and revoke old unsubscribe links
          </Button>
        </div>
      </CardContent>
    </Card>
  );
}

interface Threshold {
  minOpenHours: number;
  windowDays: number;
}

function ThresholdCard() {
  const { data, mutate } = useSWR<Threshold>("/api/booking/availability-settings", swrFetcher);
  const [draft, setDraft] = useState<Threshold | null>(null);
  const value = draft ?? data;
  if (!value) return <Skeleton className="h-40 w-full" />;
  return (
    <Card>
      <CardHeader>
        <CardTitle>Low-availability alert</CardTitle>
        <CardDescription>We email you (at most once a day) when your open hours fall under this threshold.</CardDescription>
      </CardHeader>
      <CardContent>
        <form
          className="flex flex-wrap items-end gap-4"
          onSubmit={async (event) => {
            event.preventDefault();
            try {
              const next = await apiFetch<Threshold>("/api/booking/availability-settings", { method: "PUT", json: value });
              await mutate(next, false);
              setDraft(null);
              toast.success("Threshold saved.");
            } catch (failure) {
              toast.error(failure instanceof ApiRequestError ? failure.message : "Could not save the threshold.");
            }
          }}
        >
          <div className="space-y-2">
            <Label htmlFor="minOpenHours">Fewer than (hours)</Label>
            <Input id="minOpenHours" type="number" min={0} max={168} step={0.5} className="w-32" value={value.minOpenHours} onChange={(event) => setDraft({ ...value, minOpenHours: Number(event.target.value) })} />
          </div>
          <div className="space-y-2">
            <Label htmlFor="windowDays">In the next (days)</Label>
            <Input id="windowDays" type="number" min={1} max={30} className="w-32" value={value.windowDays} onChange={(event) => setDraft({ ...value, windowDays: Number(event.target.value) })} />
          </div>
          <Button type="submit" variant="outline">
            Save threshold
          </Button>
        </form>
      </CardContent>
    </Card>
  );
}
