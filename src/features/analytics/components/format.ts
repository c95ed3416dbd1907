/** Display helpers shared by the analytics components. */
export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : `${(value * 100).toFixed(1)}%`;
}

export function formatNumber(value: number | null | undefined, digits = 0): string {
  return value === null || value === undefined ? "—" : value.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });
}

export const WEEKDAY_NAMES = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

export function hourLabel(hour: number): string {
  return `${String(hour).padStart(2, "0")}:00`;
}

/** Series colors that read in light and dark themes. */
export const SERIES_COLORS = {
  booked: "var(--primary)",
  completed: "oklch(0.62 0.14 150)",
  noShows: "oklch(0.65 0.17 45)",
  canceled: "oklch(0.58 0.19 25)",
  rescheduled: "oklch(0.6 0.12 280)",
} as const;

/** Chart heights in px (the lazily loaded charts reserve them before Recharts arrives). */
export const TREND_CHART_HEIGHT = 280;
export const BAR_CHART_HEIGHT = 240;
