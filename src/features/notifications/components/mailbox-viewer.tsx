"use client";

import { useState } from "react";
import useSWR from "swr";
import useSWRInfinite from "swr/infinite";
import { Inbox } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import { swrFetcher } from "@/lib/api/fetcher";
import { cn } from "@/lib/utils";
import type { MailboxMessageDto, MailboxPageDto } from "../admin-mailbox";
import { formatInstant } from "../format-session-time";
import { KIND_NAMES, MESSAGE_STATUS } from "../notification-labels";

/** The admins' mailbox: the outbox newest first, and the selected message as its recipient sees it. */
export function MailboxViewer({ timeZone }: { timeZone: string }) {
  const { data, size, setSize, isLoading } = useSWRInfinite<MailboxPageDto>(
    (index, previous: MailboxPageDto | null) => (index === 0 ? "/api/admin/mailbox?limit=25" : previous?.nextCursor ? `/api/admin/mailbox?limit=25&cursor=${previous.nextCursor}` : null),
    swrFetcher,
    { refreshInterval: 10_000 },
  );
  const [selected, setSelected] = useState<string | null>(null);
  const items = data?.flatMap((page) => page.items) ?? [];
  const hasMore = Boolean(data?.[data.length - 1]?.nextCursor);
  if (isLoading) return <Skeleton className="h-96 w-full" />;
  if (!items.length) return <EmptyState icon={Inbox} title="No messages yet" description="Booking confirmations, reminders and alerts appear here as soon as they are queued." />;
  const current = selected ?? items[0].id;
  return (
    <div className="grid grid-cols-[minmax(0,1fr)] gap-4 lg:grid-cols-[minmax(0,22rem)_minmax(0,1fr)]">
      <div className="rounded-lg border">
        <ul className="max-h-[70vh] divide-y overflow-y-auto" aria-label="Messages">
          {items.map((item) => (
            <li key={item.id}>
              <button
                type="button"
                onClick={() => setSelected(item.id)}
                aria-current={item.id === current ? "true" : undefined}
                className={cn("w-full px-3 py-2.5 text-left text-sm hover:bg-muted/60 focus-visible:outline-2 focus-visible:outline-ring", item.id === current && "bg-muted")}
              >
                <div className="flex items-center justify-between gap-2">
                  <span className="truncate font-medium">{item.to.name ?? item.to.email}</span>
                  <Badge variant={MESSAGE_STATUS[item.status].variant}>{MESSAGE_STATUS[item.status].label}</Badge>
                </div>
                <div className="truncate text-muted-foreground">{item.subject ?? KIND_NAMES[item.kind]}</div>
                <div className="text-xs text-muted-foreground">{formatInstant(item.sentAt ?? item.createdAt, timeZone)}</div>
              </button>
            </li>
          ))}
        </ul>
        {hasMore ? (
          <div className="border-t p-2">
            <Button variant="ghost" size="sm" className="w-full" onClick={() => setSize(size + 1)}>
              Load older messages
            </Button>
          </div>
        ) : null}
      </div>
      <MessagePane id={current} timeZone={timeZone} />
    </div>
  );
}

function MessagePane({ id, timeZone }: { id: string; timeZone: string }) {
  const { data, error } = useSWR<MailboxMessageDto>(`/api/admin/mailbox/${id}`, swrFetcher);
  if (error) return <p className="text-sm text-danger">Could not load this message.</p>;
  if (!data) return <Skeleton className="h-96 w-full" />;
  return (
    <article className="min-w-0 rounded-lg border p-4" aria-label="Message">
      <header className="mb-3 space-y-1 text-sm">
        <h2 className="text-base font-semibold">{data.subject}</h2>
        <div>
          <span className="text-muted-foreground">To: </span>
          {data.to.name ? `${data.to.name} <${data.to.email}>` : data.to.email} <span className="text-muted-foreground">({data.to.role})</span>
        </div>
        <div className="flex flex-wrap items-center gap-2 text-muted-foreground">
          <Badge variant={MESSAGE_STATUS[data.status].variant}>{MESSAGE_STATUS[data.status].label}</Badge>
          <span>{KIND_NAMES[data.kind]}</span>
          <span>· {formatInstant(data.sentAt ?? data.createdAt, timeZone)}</span>
          {data.transport ? <span>· via {data.transport === "smtp" ? "SMTP" : "built-in mailbox"}</span> : null}
          {data.preview ? <span>· preview (not sent yet)</span> : null}
        </div>
        {data.lastError ? <p className="text-danger">{data.lastError}</p> : null}
        {data.suppressedReason ? <p className="text-muted-foreground">{data.suppressedReason}</p> : null}
      </header>
      <Tabs defaultValue="html">
        <TabsList>
          <TabsTrigger value="html">HTML</TabsTrigger>
          <TabsTrigger value="text">Plain text</TabsTrigger>
          {data.ics ? <TabsTrigger value="ics">Calendar invite</TabsTrigger> : null}
        </TabsList>
        <TabsContent value="html">
          {/* sandbox without scripts or same-origin: the email cannot run code or reach the app */}
          <iframe title={`Email: ${data.subject}`} sandbox="" srcDoc={data.html} className="h-[60vh] w-full rounded-md border bg-white" />
        </TabsContent>
        <TabsContent value="text">
          <pre tabIndex={0} className="max-h-[60vh] overflow-auto whitespace-pre-wrap rounded-md border bg-muted/40 p-3 text-sm">{data.text}</pre>
        </TabsContent>
        {data.ics ? (
          <TabsContent value="ics">
            <pre tabIndex={0} className="max-h-[60vh] overflow-auto rounded-md border bg-muted/40 p-3 text-xs">{data.ics}</pre>
          </TabsContent>
        ) : null}
      </Tabs>
    </article>
  );
}
