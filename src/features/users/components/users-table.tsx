"use client";

import { useEffect, useState } from "react";
import useSWR from "swr";
import { toast } from "@/components/ui/toast";
import { Search, UserX, Users } from "lucide-react";
import { apiFetch, ApiRequestError, swrFetcher } from "@/lib/api/fetcher";
import { ROLES, type Role } from "@/lib/auth/permissions";
import { RoleBadge } from "@/components/app/role-badge";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ControlledConfirmDialog } from "@/components/ui/confirm-dialog";
import { EmptyState } from "@/components/ui/empty-state";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { NativeSelect } from "@/components/ui/native-select";
import { Pagination } from "@/components/ui/pagination";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import type { AdminUserDto } from "../user-admin-dto";

interface UsersPage {
  users: AdminUserDto[];
  total: number;
  page: number;
  pageSize: number;
}

type PendingAction =
  | { kind: "role"; user: AdminUserDto; role: Role }
  | { kind: "deactivate"; user: AdminUserDto }
  | { kind: "reactivate"; user: AdminUserDto };

const ROLE_LABEL: Record<Role, string> = { admin: "Admin", coach: "Coach", realtor: "Realtor" };

function formatDate(iso: string | null, timeZone: string) {
  if (!iso) return "Never";
  return new Intl.DateTimeFormat("en-GB", { timeZone, day: "numeric", month: "short", year: "numeric" }).format(new Date(iso));
}

/** The admin's list of users with search, filters, paging, role changes and deactivation. */
export function UsersTable({ currentUserId, canManage, timeZone }: { currentUserId: string; canManage: boolean; timeZone: string }) {
  const [search, setSearch] = useState("");
  const [query, setQuery] = useState("");
  const [role, setRole] = useState("");
  const [status, setStatus] = useState("");
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(25);
  const [pending, setPending] = useState<PendingAction | null>(null);
  const [busy, setBusy] = useState(false);

  // Search as the admin types, without a request per keystroke.
  useEffect(() => {
    const timer = setTimeout(() => {
      setQuery(search.trim());
      setPage(1);
    }, 300);
    return () => clearTimeout(timer);
  }, [search]);

  const params = new URLSearchParams({ page: String(page), pageSize: String(pageSize) });
  if (query) params.set("q", query);
  if (role) params.set("role", role);
  if (status) params.set("status", status);
  const { data, error, isLoading, mutate } = useSWR<UsersPage>(`/api/admin/users?${params}`, swrFetcher, { keepPreviousData: true });

  async function confirm() {
    if (!pending) return;
    setBusy(true);
    try {
      if (pending.kind === "role") {
        await apiFetch(`/api/admin/users/${encodeURIComponent(pending.user.id)}`, { method: "PATCH", json: { role: pending.role } });
        toast.success(`${pending.user.name} is now ${ROLE_LABEL[pending.role].toLowerCase()}.`);
      } else {
        await apiFetch(`/api/admin/users/${encodeURIComponent(pending.user.id)}/${pending.kind}`, { method: "POST", json: {} });
        toast.success(pending.kind === "deactivate" ? `${pending.user.name} was deactivated and signed out everywhere.` : `${pending.user.name} can sign in again.`);
      }
      await mutate();
    } catch (failure) {
      toast.error(failure instanceof ApiRequestError ? failure.message : "That did not work. Please try again.");
    } finally {
      setBusy(false);
      setPending(null);
    }
  }

  return (
    <div className="space-y-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
        <div className="grid flex-1 gap-1.5">
          <Label htmlFor="user-search">Search</Label>
          <div className="relative">
            <Search aria-hidden="true" className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" />
            <Input id="user-search" type="search" placeholder="Name or email" className="pl-8" value={search} onChange={(event) => setSearch(event.target.value)} />
          </div>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="user-role-filter">Role</Label>
          <NativeSelect id="user-role-filter" value={role} onChange={(event) => { setRole(event.target.value); setPage(1); }}>
            <option value="">All roles</option>
            {ROLES.map((value) => (
              <option key={value} value={value}>{ROLE_LABEL[value]}</option>
            ))}
          </NativeSelect>
        </div>
        <div className="grid gap-1.5">
          <Label htmlFor="user-status-filter">Status</Label>
          <NativeSelect id="user-status-filter" value={status} onChange={(event) => { setStatus(event.target.value); setPage(1); }}>
            <option value="">Any status</option>
            <option value="active">Active</option>
            <option value="deactivated">Deactivated</option>
          </NativeSelect>
        </div>
      </div>

      {error ? (
        <Alert variant="danger" title="Could not load users" action={<Button variant="outline" size="sm" onClick={() => mutate()}>Try again</Button>}>
          {error instanceof ApiRequestError ? error.message : "Please try again."}
        </Alert>
      ) : isLoading && !data ? (
        <Skeleton className="h-64 w-full" />
      ) : data && data.users.length === 0 ? (
        <EmptyState icon={Users} title="No users match" description="Try another name or email, or clear the filters." />
      ) : data ? (
        <>
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Person</TableHead>
                <TableHead>Role</TableHead>
                <TableHead>Status</TableHead>
                <TableHead>Joined</TableHead>
                <TableHead>Last sign-in</TableHead>
                {canManage ? <TableHead><span className="sr-only">Actions</span></TableHead> : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.users.map((row) => (
                <TableRow key={row.id}>
                  <TableCell>
                    <div className="font-medium">
                      {row.name}
                      {row.id === currentUserId ? <span className="ml-1 text-xs text-muted-foreground">(you)</span> : null}
                    </div>
                    <div className="text-sm text-muted-foreground">{row.email}</div>
                  </TableCell>
                  <TableCell>
                    {canManage ? (
                      <div className="flex items-center gap-2">
                        <RoleBadge role={row.role} />
                        <NativeSelect
                          aria-label={`Role of ${row.name}`}
                          className="h-8 w-28 text-sm"
                          value={row.role}
                          disabled={row.status === "deactivated"}
                          onChange={(event) => setPending({ kind: "role", user: row, role: event.target.value as Role })}
                        >
                          {ROLES.map((value) => (
                            <option key={value} value={value}>{ROLE_LABEL[value]}</option>
                          ))}
                        </NativeSelect>
                      </div>
                    ) : (
                      <RoleBadge role={row.role} />
                    )}
                  </TableCell>
                  <TableCell>
                    <Badge variant={row.status === "active" ? "success" : "neutral"} dot>
                      {row.status === "active" ? "Active" : "Deactivated"}
                    </Badge>
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-sm">{formatDate(row.createdAt, timeZone)}</TableCell>
                  <TableCell className="whitespace-nowrap text-sm">{formatDate(row.lastSignInAt, timeZone)}</TableCell>
                  {canManage ? (
                    <TableCell className="text-right">
                      {row.status === "active" ? (
                        <Button variant="outline" size="sm" disabled={row.id === currentUserId} onClick={() => setPending({ kind: "deactivate", user: row })}>
                          <UserX aria-hidden="true" /> Deactivate
                        </Button>
                      ) : (
                        <Button variant="outline" size="sm" onClick={() => setPending({ kind: "reactivate", user: row })}>
                          Reactivate
                        </Button>
                      )}
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Pagination
            page={data.page}
            pageSize={data.pageSize}
            total={data.total}
            onPageChange={setPage}
            pageSizeOptions={[10, 25, 50, 100]}
            onPageSizeChange={(size) => { setPageSize(size); setPage(1); }}
            itemLabel="users"
          />
        </>
      ) : null}

      <ControlledConfirmDialog
        open={pending !== null}
        onOpenChange={(open) => { if (!open && !busy) setPending(null); }}
        title={
          pending?.kind === "role"
            ? `Make ${pending.user.name} ${ROLE_LABEL[pending.role].toLowerCase()}?`
            : pending?.kind === "deactivate"
              ? `Deactivate ${pending.user.name}?`
              : `Reactivate ${pending?.user.name}?`
        }
        description={
          pending?.kind === "role"
            ? `Their permissions change from ${ROLE_LABEL[pending.user.role].toLowerCase()} to ${ROLE_LABEL[pending.role].toLowerCase()} on their next request.`
            : pending?.kind === "deactivate"
              ? "They are signed out on every device at once and cannot sign in until reactivated. Their sessions and history stay."
              : "They will be able to sign in again with their existing password."
        }
        cancelLabel="Keep as is"
        cancelDisabled={busy}
        confirmLabel={pending?.kind === "role" ? "Change role" : pending?.kind === "deactivate" ? "Deactivate" : "Reactivate"}
        confirmVariant={pending?.kind === "deactivate" ? "destructive" : "default"}
        confirmDisabled={busy}
        onConfirm={() => void confirm()}
      />
    </div>
  );
}
