"use client";

import useSWR from "swr";
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { ApiRequestError, swrFetcher } from "@/lib/api/fetcher";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ApiUsageDto } from "../list-api-usage";

function hourLabel(iso: string, timeZone: string) {
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
}

function statusVariant(status: number) {
  return status >= 500 ? "danger" : status >= 400 ? "warning" : "success";
}

/** API requests of the last 24 hours: per hour (requests, client errors, server errors) and per route and status. */
export function ApiUsagePanel({ timeZone }: { timeZone: string }) {
  const { data, error, isLoading } = useSWR<ApiUsageDto>("/api/admin/audit/usage?hours=24", swrFetcher, { refreshInterval: 60_000 });
  return (
    <Card>
      <CardHeader>
        <CardTitle>API usage and errors, last 24 hours</CardTitle>
        <CardDescription>
          {data
            ? `${data.totals.requests} requests · ${data.totals.clientErrors} refused (4xx) · ${data.totals.serverErrors} failed (5xx). Times in ${timeZone}.`
            : "Requests per route and status, counted every minute."}
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-6">
        {error ? (
          <Alert variant="danger" title="Could not load API usage">{error instanceof ApiRequestError ? error.message : "Please try again."}</Alert>
        ) : isLoading || !data ? (
          <Skeleton className="h-56 w-full" />
        ) : data.byRoute.length === 0 ? (
          <p className="text-sm text-muted-foreground">No API requests were counted in the last 24 hours.</p>
        ) : (
          <>
            <div className="h-56" role="img" aria-label={`Requests per hour: ${data.totals.requests} in total`}>
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={data.hourly.map((hour) => ({ ...hour, ok: hour.requests - hour.clientErrors - hour.serverErrors, label: hourLabel(hour.hour, timeZone) }))}>
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
            </div>
            <Table>
              <TableHeader>
                <TableRow>
                  <TableHead>Route</TableHead>
                  <TableHead>Status</TableHead>
                  <TableHead className="text-right">Requests</TableHead>
                  <TableHead className="text-right">Average</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {data.byRoute.slice(0, 50).map((row) => (
                  <TableRow key={`${row.routeKey}|${row.status}`}>
                    <TableCell><code className="text-sm">{row.routeKey}</code></TableCell>
                    <TableCell><Badge variant={statusVariant(row.status)}>{row.status}</Badge></TableCell>
                    <TableCell className="text-right tabular-nums">{row.count}</TableCell>
                    <TableCell className="text-right tabular-nums">{row.averageMs} ms</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </CardContent>
    </Card>
  );
}
