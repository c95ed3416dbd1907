"use client";

import { useEffect } from "react";
import dynamic from "next/dynamic";
import useSWR from "swr";
import { ApiRequestError, swrFetcher } from "@/lib/api/fetcher";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { ApiUsageDto } from "../list-api-usage";

// Recharts (~120 KB gzip) is loaded on demand, not with the page; the chart's box has its final height meanwhile.
const loadChart = () => import("./api-usage-chart");
const ApiUsageChart = dynamic(() => import("./api-usage-chart").then((module) => module.ApiUsageChart), { ssr: false });

function hourLabel(iso: string, timeZone: string) {
  return new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit" }).format(new Date(iso));
}

function statusVariant(status: number) {
  return status >= 500 ? "danger" : status >= 400 ? "warning" : "success";
}

/** API requests of the last 24 hours: per hour (requests, client errors, server errors) and per route and status. */
export function ApiUsagePanel({ timeZone }: { timeZone: string }) {
  const { data, error, isLoading } = useSWR<ApiUsageDto>("/api/admin/audit/usage?hours=24", swrFetcher, { refreshInterval: 60_000 });
  // Fetch the chart code alongside the data rather than after it.
  useEffect(() => {
    void loadChart().catch(() => {});
  }, []);
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
              <ApiUsageChart data={data.hourly.map((hour) => ({ ...hour, ok: hour.requests - hour.clientErrors - hour.serverErrors, label: hourLabel(hour.hour, timeZone) }))} />
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
