import type { CalendlyHarness } from "./calendly-harness";

/** Open start times of an event type, asked of the emulator's public API with the coach's token. */
export async function openStartTimes(harness: CalendlyHarness, token: string, eventTypeUri: string, from: Date, days = 7): Promise<string[]> {
  const url = new URL(`${harness.emulator.url}/event_type_available_times`);
  url.searchParams.set("event_type", eventTypeUri);
  url.searchParams.set("start_time", from.toISOString());
  url.searchParams.set("end_time", new Date(from.getTime() + days * 24 * 3600 * 1000 - 60_000).toISOString());
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`available times: ${response.status} ${await response.text()}`);
  const body = (await response.json()) as { collection: Array<{ start_time: string; status: string }> };
  return body.collection.filter((slot) => slot.status === "available").map((slot) => slot.start_time);
}

export async function calendlyGet<T>(harness: CalendlyHarness, token: string, pathOrUrl: string): Promise<T> {
  const url = pathOrUrl.startsWith("http") ? pathOrUrl : `${harness.emulator.url}${pathOrUrl}`;
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`${url}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}
