import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ArrowRight } from "lucide-react";
import { requireUser } from "@/lib/auth/session";
import { can, scopeOf } from "@/lib/auth/permissions";
import { greetingFor } from "@/components/app/greeting";
import { navItemsFor } from "@/components/app/nav-items";
import { RoleBadge } from "@/components/app/role-badge";
import { PageHeader } from "@/components/ui/page-header";
import { AttendanceSummary } from "@/features/invitees/components/attendance-summary";

export const metadata: Metadata = { title: "Dashboard" };

const INTRO: Record<"admin" | "coach" | "realtor", string> = {
  admin:
    "Here is where you run the program: coaches and their Calendly connections, people, reports and the audit trail.",
  coach: "Connect Calendly, choose what realtors can book, and keep track of every session.",
  realtor: "Find a coach who fits your schedule, book a session and keep track of what's coming up.",
};

export default async function DashboardPage() {
  const user = await requireUser();
  if (!can(user.role, "dashboard.view")) notFound();

  const firstName = user.name.trim().split(/\s+/)[0] || user.name;
  const attendanceScope = user.role === "realtor" ? scopeOf(user.role, "invitees.read") : null;
  const areas = navItemsFor(user.role).filter((item) => item.href !== "/dashboard");

  return (
    <>
      <PageHeader
        title={`${greetingFor(new Date(), user.timeZone)}, ${firstName}`}
        description={INTRO[user.role]}
        eyebrow={<RoleBadge role={user.role} />}
      />
      <section aria-labelledby="areas-heading">
        <h2 id="areas-heading" className="sr-only">
          Where to go next
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
          {areas.map(({ href, label, description, icon: Icon }) => (
            <li key={href}>
              <Link
                href={href}
                className="group flex h-full items-start gap-3 rounded-xl border bg-card p-4 shadow-xs transition-colors outline-none hover:border-primary/40 hover:bg-accent/40 focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background sm:flex-col sm:gap-3 sm:p-5"
              >
                <span className="grid size-9 shrink-0 place-content-center rounded-lg bg-primary/10 text-primary">
                  <Icon aria-hidden="true" className="size-4" />
                </span>
                <span className="min-w-0">
                  <span className="flex items-center gap-1.5 font-semibold">
                    {label}
                    <ArrowRight
                      aria-hidden="true"
                      className="size-4 text-muted-foreground transition-transform group-hover:translate-x-0.5"
                    />
                  </span>
                  <span className="mt-1 block text-sm text-muted-foreground">{description}</span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
      {attendanceScope ? (
        <div className="mt-6">
          <AttendanceSummary viewer={user} scope={attendanceScope} realtorUserId={user.id} />
        </div>
      ) : null}
      <p className="mt-6 text-xs text-muted-foreground">Times are shown in {user.timeZone}.</p>
    </>
  );
}
