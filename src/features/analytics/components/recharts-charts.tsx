"use client";

import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TrendPoint } from "../get-trends";
import { BAR_CHART_HEIGHT, SERIES_COLORS, TREND_CHART_HEIGHT } from "./format";

/**
 * The Recharts pieces of the analytics page (each sits in a ChartCard that also offers the table). Loaded on demand
 * through ./analytics-charts, so Recharts (~120 KB gzip) is not part of the page's first load.
 */
const axis = { fontSize: 12, stroke: "var(--muted-foreground)" };
const tooltipStyle = { backgroundColor: "var(--popover, var(--background))", border: "1px solid var(--border)", borderRadius: 8, fontSize: 12 };

export function TrendChart({ points }: { points: TrendPoint[] }) {
  return (
    <ResponsiveContainer width="100%" height={TREND_CHART_HEIGHT}>
      <LineChart accessibilityLayer={false} data={points} margin={{ top: 8, right: 16, left: 0, bottom: 0 }}>
        <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
        <XAxis dataKey="bucket" tick={axis} minTickGap={24} />
        <YAxis allowDecimals={false} tick={axis} width={40} />
        <Tooltip contentStyle={tooltipStyle} />
        <Legend wrapperStyle={{ fontSize: 12 }} />
        <Line type="monotone" dataKey="booked" name="Booked" stroke={SERIES_COLORS.booked} strokeWidth={2} dot={false} />
        <Line type="monotone" dataKey="completed" name="Completed" stroke={SERIES_COLORS.completed} strokeWidth={2} dot={false} />
        <Line type="monotone" dataKey="noShows" name="No-shows" stroke={SERIES_COLORS.noShows} strokeWidth={2} dot={false} />
        <Line type="monotone" dataKey="canceled" name="Canceled" stroke={SERIES_COLORS.canceled} strokeWidth={2} dot={false} />
        <Line type="monotone" dataKey="rescheduled" name="Rescheduled" stroke={SERIES_COLORS.rescheduled} strokeWidth={2} dot={false} />
      </LineChart>
    </ResponsiveContainer>
  );
}

export interface SimpleBarChartProps {
  data: Array<Record<string, string | number | null>>;
  dataKey: string;
  labelKey: string;
  name: string;
  color?: string;
  layout?: "horizontal" | "vertical";
  height?: number;
  percent?: boolean;
}

export function SimpleBarChart({
  data,
  dataKey,
  labelKey,
  name,
  color = SERIES_COLORS.booked,
  layout = "horizontal",
  height = BAR_CHART_HEIGHT,
  percent = false,
}: SimpleBarChartProps) {
  const format = percent ? (value: unknown) => `${Math.round(Number(value) * 100)}%` : undefined;
  return (
    <ResponsiveContainer width="100%" height={height}>
      {layout === "vertical" ? (
        <BarChart accessibilityLayer={false} data={data} layout="vertical" margin={{ top: 4, right: 16, left: 8, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" horizontal={false} />
          <XAxis type="number" tick={axis} allowDecimals={percent} tickFormatter={format} />
          <YAxis type="category" dataKey={labelKey} tick={axis} width={140} />
          <Tooltip contentStyle={tooltipStyle} formatter={format ? (value) => format(value) : undefined} />
          <Bar dataKey={dataKey} name={name} fill={color} radius={[0, 4, 4, 0]} />
        </BarChart>
      ) : (
        <BarChart accessibilityLayer={false} data={data} margin={{ top: 4, right: 16, left: 0, bottom: 0 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" vertical={false} />
          <XAxis dataKey={labelKey} tick={axis} />
          <YAxis tick={axis} width={40} allowDecimals={percent} tickFormatter={format} />
          <Tooltip contentStyle={tooltipStyle} formatter={format ? (value) => format(value) : undefined} />
          <Bar dataKey={dataKey} name={name} fill={color} radius={[4, 4, 0, 0]} />
        </BarChart>
      )}
    </ResponsiveContainer>
  );
}
