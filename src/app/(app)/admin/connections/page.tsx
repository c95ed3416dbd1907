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
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Coach</TableHead>
              <TableHead>Status</TableHead>
              <TableHead>Calendly account</TableHead>
              <TableHead>Last sync</TableHead>
              <TableHead>Last webhook</TableHead>
              <TableHead>Offered</TableHead>
              <TableHead>Problem</TableHead>
              <TableHead>
                <span className="sr-only">Actions</span>
              </TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {connections.map((connection) => (
              <TableRow key={connection.id}>
                <TableCell>
                  <div className="font-medium">{connection.coach.name}</div>
                  <div className="text-sm text-muted-foreground">{connection.coach.email}</div>
                </TableCell>
                <TableCell>
                  <ConnectionStatusBadge status={connection.status} />
                </TableCell>
                <TableCell className="text-sm">
                  {connection.calendly.email ?? "—"}
                  <div className="text-muted-foreground">{connection.authKind === "oauth" ? "OAuth" : "Access token"}{connection.webhooks.subscribed ? " · webhooks" : " · no webhooks"}</div>
                </TableCell>
                <TableCell className="whitespace-nowrap text-sm">{connection.lastSyncedAt ? formatWhen(connection.lastSyncedAt, user.timeZone) : "Never"}</TableCell>
                <TableCell className="whitespace-nowrap text-sm">{connection.webhooks.lastReceivedAt ? formatWhen(connection.webhooks.lastReceivedAt, user.timeZone) : "None"}</TableCell>
                <TableCell className="text-sm">{connection.offeredEventTypes}</TableCell>
                <TableCell className="max-w-xs text-sm text-muted-foreground">{connection.lastError ?? "—"}</TableCell>
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
