import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { scopeOf } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { PageHeader } from "@/components/ui/page-header";
import { UsersTable } from "@/features/users/components/users-table";

export const metadata: Metadata = { title: "Users" };
export const dynamic = "force-dynamic";

export default async function AdminUsersPage() {
  const user = await requireUser();
  if (scopeOf(user.role, "users.read") !== "any") notFound();
  return (
    <>
      <PageHeader title="Users" description="Everyone in the program: search, change roles, and deactivate accounts (which signs the person out everywhere at once)." />
      <UsersTable currentUserId={user.id} canManage={scopeOf(user.role, "users.manage") === "any"} timeZone={user.timeZone} />
    </>
  );
}
