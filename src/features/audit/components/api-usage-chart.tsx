"use client";

import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export interface ApiUsageChartPoint {
  label: string;
  ok: number;
  clientErrors: number;
  serverErrors: number;
}

/** Requests per hour, stacked by outcome. Loaded on demand by ApiUsagePanel (Recharts is not in the first load). */
export function ApiUsageChart({ data }: { data: ApiUsageChartPoint[] }) {
  return (
    <ResponsiveContainer width="100%" height="100%">
      <BarChart data={data}>
        <CartesianGrid strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" fontSize={12} />
        <YAxis allowDecimals={false} fontSize={12} width={40} />
        <Tooltip />
        <Legend />
        <Bar dataKey="ok" name="Succeeded" stackId="a" fill="var(--color-success, #16a34a)" />
        <Bar dataKey="clientErrors" name="4xx" stackId="a" fill="var(--color-warning, #d97706)" />
        <Bar dataKey="serverErrors" name="5xx" stackId="a" fill="var(--color-danger, #dc2626)" />
      </BarChart>
    </ResponsiveContainer>
  );
}
