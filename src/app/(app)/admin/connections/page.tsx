import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PlugZap } from "lucide-react";
import { scopeOf } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { EmptyState } from "@/components/ui/empty-state";
import { PageHeader } from "@/components/ui/page-header";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { listConnectionStatuses } from "@/features/calendly/connection/connection-status";
import { ConnectionStatusBadge, formatWhen } from "@/features/calendly/components/connection-status-badge";
import { SyncCoachButton } from "@/features/calendly/components/sync-coach-button";

export const metadata: Metadata = { title: "Coaches & connections" };
export const dynamic = "force-dynamic";

export default async function AdminConnectionsPage() {
  const user = await requireUser();
  if (scopeOf(user.role, "calendly.connections.read") !== "any") notFound();
  const connections = await listConnectionStatuses();
  return (
    <>
      <PageHeader
        title="Coaches & connections"
        description="Every coach's Calendly connection: whether it works, when it last synced and heard from Calendly, and what went wrong."
      />
      {connections.length === 0 ? (
        <EmptyState icon={PlugZap} title="No coach has connected Calendly yet" description="Coaches connect from their Calendly page after signing up." />
      ) : (
        <Table aria-label="Coach connections">
          <TableHeader>
            <TableRow>
              <TableHead>Coach</TableHead>
              <TableHead>Connection</TableHead>
              <TableHead>Activity</TableHead>
              <TableHead className="text-right">Offered</TableHead>
              <TableHead>Problem</TableHead>
              <TableHead>
                <span className="sr-only">Actions</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {connections.map((connection) => (
              <TableRow key={connection.id}>
                <TableCell className="max-w-56">
                  <div className="font-medium">{connection.coach.name}</div>
                  <div className="break-all text-sm text-muted-foreground">{connection.coach.email}</div>
                </TableCell>
                <TableCell className="max-w-56 text-sm">
                  <ConnectionStatusBadge status={connection.status} />
                  <div className="mt-1 break-all">{connection.calendly.email ?? "—"}</div>
                  <div className="text-muted-foreground">
                    {connection.authKind === "oauth" ? "OAuth" : "Access token"}
                    {connection.webhooks.subscribed ? " · webhooks" : " · no webhooks"}
                  </div>
                </TableCell>
                <TableCell className="text-sm">
                  <div className="whitespace-nowrap">
                    <span className="text-muted-foreground">Synced </span>
                    {connection.lastSyncedAt ? formatWhen(connection.lastSyncedAt, user.timeZone) : "never"}
                  </div>
                  <div className="whitespace-nowrap">
                    <span className="text-muted-foreground">Webhook </span>
                    {connection.webhooks.lastReceivedAt ? formatWhen(connection.webhooks.lastReceivedAt, user.timeZone) : "none yet"}
                  </div>
                </TableCell>
                <TableCell className="text-right text-sm tabular-nums">{connection.offeredEventTypes}</TableCell>
                <TableCell className="max-w-xs text-sm break-words text-muted-foreground">{connection.lastError ?? "—"}</TableCell>
                <TableCell>
                  <SyncCoachButton coachUserId={connection.coach.id} coachName={connection.coach.name} disabled={connection.status !== "connected"} />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </>
  );
}
