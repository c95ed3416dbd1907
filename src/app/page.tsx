import Link from "next/link";
import { redirect } from "next/navigation";
import { CalendarCheck2, ChartColumn, ShieldCheck } from "lucide-react";
import { getCurrentUser } from "@/lib/auth/session";
import { Button } from "@/components/ui/button";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { Logo } from "@/components/app/logo";

const FEATURES = [
  {
    icon: CalendarCheck2,
    title: "Book in a few clicks",
    text: "Realtors find a coach, see real openings from Calendly in their own time zone, and book straight away.",
  },
  {
    icon: ChartColumn,
    title: "Know what happened",
    text: "Coaches see every session, mark no-shows, and follow attendance and utilization over time.",
  },
  {
    icon: ShieldCheck,
    title: "Run the program with confidence",
    text: "Admins watch connection health, export reports and keep an audit trail of every change.",
  },
];

export default async function LandingPage() {
  // A broken session lookup should still show the landing page, not an error.
  const user = await getCurrentUser().catch(() => null);
  if (user) redirect("/dashboard");

  return (
    <div className="flex min-h-dvh flex-col">
      <header className="mx-auto flex w-full max-w-5xl items-center justify-between gap-2 px-4 py-4 sm:px-6">
        <Logo />
        <div className="flex items-center gap-1 sm:gap-2">
          <ThemeToggle />
          <Button variant="ghost" asChild>
            <Link href="/sign-in">Sign in</Link>
          </Button>
        </div>
      </header>

      <main className="flex-1">
        <section className="mx-auto max-w-3xl px-4 pb-16 pt-14 text-center sm:px-6 sm:pt-24">
          <p className="mb-4 inline-flex items-center rounded-full border bg-card px-3 py-1 text-xs font-medium text-muted-foreground">
            Coaching for real-estate teams, on top of Calendly
          </p>
          <h1 className="text-4xl font-semibold tracking-tight text-balance sm:text-5xl">
            Coaching sessions that actually happen.
          </h1>
          <p className="mx-auto mt-5 max-w-xl text-base text-muted-foreground text-pretty sm:text-lg">
            Sessionly connects real-estate coaches and realtors: coaches share their Calendly openings,
            realtors book them, and everyone sees what was booked, attended or missed.
          </p>
          <div className="mt-8 flex flex-col justify-center gap-3 sm:flex-row">
            <Button size="lg" asChild>
              <Link href="/sign-up">Create account</Link>
            </Button>
            <Button size="lg" variant="outline" asChild>
              <Link href="/sign-in">Sign in</Link>
            </Button>
          </div>
        </section>

        <section aria-labelledby="features-heading" className="mx-auto max-w-5xl px-4 pb-24 sm:px-6">
          <h2 id="features-heading" className="sr-only">
            What Sessionly does
          </h2>
          <ul className="grid gap-4 sm:grid-cols-3">
            {FEATURES.map(({ icon: Icon, title, text }) => (
              <li key={title} className="rounded-xl border bg-card p-5 shadow-xs">
                <div className="mb-3 grid size-9 place-content-center rounded-lg bg-primary/10 text-primary">
                  <Icon aria-hidden="true" className="size-4" />
                </div>
                <h3 className="font-semibold">{title}</h3>
                <p className="mt-1.5 text-sm text-muted-foreground">{text}</p>
              </li>
            ))}
          </ul>
        </section>
      </main>

      <footer className="border-t">
        <div className="mx-auto max-w-5xl px-4 py-6 text-sm text-muted-foreground sm:px-6">
          © Sessionly. Times are always shown in your own time zone.
        </div>
      </footer>
    </div>
  );
}
