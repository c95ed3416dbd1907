import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { scopeOf } from "@/lib/auth/permissions";
import { requireUser } from "@/lib/auth/session";
import { SessionDetails } from "@/features/sessions/components/session-details";
import { getSessionOrThrow } from "@/features/sessions/get-session-or-throw";
import { AppError } from "@/lib/errors";

export const metadata: Metadata = { title: "Session" };

/** Only a link back into the session list is kept (no open redirect through `back`). */
function safeBackHref(back: string | undefined): string {
  return back && /^\/sessions(\?[^\s]*)?$/.test(back) ? back : "/sessions";
}

export default async function SessionDetailsPage({ params, searchParams }: { params: Promise<{ uuid: string }>; searchParams: Promise<{ back?: string }> }) {
  const user = await requireUser();
  const scope = scopeOf(user.role, "sessions.read");
  if (!scope) notFound();
  const { uuid } = await params;
  const { back } = await searchParams;
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(uuid)) notFound();
  try {
    await getSessionOrThrow({ user, scope }, uuid);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
  return <SessionDetails uuid={uuid} backHref={safeBackHref(back)} timeZone={user.timeZone} role={user.role} />;
}
