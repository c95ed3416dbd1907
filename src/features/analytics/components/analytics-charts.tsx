"use client";

import dynamic from "next/dynamic";
import type { TrendPoint } from "../get-trends";
import type { TimeSlotsDto } from "../get-time-slots";
import { BAR_CHART_HEIGHT, hourLabel, TREND_CHART_HEIGHT, WEEKDAY_NAMES } from "./format";
import type { SimpleBarChartProps } from "./recharts-charts";

/**
 * The charts of the analytics page. The Recharts ones are loaded on demand (./recharts-charts, ~120 KB gzip with d3),
 * so they are not part of the page's first load: each renders a box of its final height at once, and the chart
 * appears inside it when Recharts has arrived (no layout shift). The numbers are always in the ChartCard's table too.
 */
const LazyTrendChart = dynamic(() => import("./recharts-charts").then((module) => module.TrendChart), { ssr: false });
const LazySimpleBarChart = dynamic(() => import("./recharts-charts").then((module) => module.SimpleBarChart), { ssr: false });

/** Starts loading Recharts early (e.g. while the data the charts need is still on its way). */
export function preloadCharts(): void {
  void import("./recharts-charts").catch(() => {
    // A failed preload is retried when a chart renders.
  });
}

export function TrendChart({ points }: { points: TrendPoint[] }) {
  return (
    <div style={{ height: TREND_CHART_HEIGHT }}>
      <LazyTrendChart points={points} />
    </div>
  );
}

export function SimpleBarChart(props: SimpleBarChartProps) {
  return (
    <div style={{ height: props.height ?? BAR_CHART_HEIGHT }}>
      <LazySimpleBarChart {...props} />
    </div>
  );
}

/** Weekday × hour grid; darker = more sessions (the table view lists the exact numbers). */
export function TimeSlotHeatmap({ data }: { data: TimeSlotsDto }) {
  const counts = new Map(data.cells.map((cell) => [`${cell.weekday}-${cell.hour}`, cell.sessions]));
  const hours = Array.from({ length: 24 }, (_, hour) => hour);
  return (
    <div className="overflow-x-auto">
      <div className="grid min-w-[640px] grid-cols-[3rem_repeat(24,minmax(0,1fr))] gap-0.5 text-[10px] text-muted-foreground">
        <div />
        {hours.map((hour) => (
          <div key={hour} className="text-center">
            {hour % 3 === 0 ? hourLabel(hour).slice(0, 2) : ""}
          </div>
        ))}
        {WEEKDAY_NAMES.map((day, index) => (
          <div key={day} className="contents">
            <div className="flex items-center text-xs">{day}</div>
            {hours.map((hour) => {
              const value = counts.get(`${index + 1}-${hour}`) ?? 0;
              const strength = data.max ? value / data.max : 0;
              return (
                <div
                  key={hour}
                  title={`${day} ${hourLabel(hour)}: ${value}`}
                  className="h-6 rounded-sm border border-border/40"
                  style={{ backgroundColor: value ? `color-mix(in oklch, var(--primary) ${Math.round(15 + strength * 85)}%, transparent)` : undefined }}
                />
              );
            })}
          </div>
        ))}
      </div>
    </div>
  );
}
