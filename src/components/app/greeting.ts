/** "Good morning" / "Good afternoon" / "Good evening" for the hour in `timeZone` (UTC if the zone is unknown). */
export function greetingFor(now: Date, timeZone: string): string {
  let hour: number;
  try {
    hour = Number(
      new Intl.DateTimeFormat("en-US", { hour: "numeric", hourCycle: "h23", timeZone }).format(now),
    );
  } catch {
    hour = now.getUTCHours();
  }
  if (hour >= 5 && hour < 12) return "Good morning";
  if (hour >= 12 && hour < 18) return "Good afternoon";
  return "Good evening";
}
