import { requireUser } from "@/lib/auth/session";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { Logo } from "@/components/app/logo";
import { MobileNav } from "@/components/app/mobile-nav";
import { navItemsFor } from "@/components/app/nav-items";
import { PageTitle } from "@/components/app/page-title";
import { SidebarNav } from "@/components/app/sidebar-nav";
import { UserMenu } from "@/components/app/user-menu";

// The signed-in shell. Pages check their own permission too: a layout check alone is not enough.
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();

  return (
    <div className="min-h-dvh lg:grid lg:grid-cols-[15rem_minmax(0,1fr)]">
      <a
        href="#main"
        className="sr-only z-50 rounded-md bg-background px-3 py-2 text-sm font-medium shadow focus:not-sr-only focus:fixed focus:left-3 focus:top-3 focus:ring-2 focus:ring-ring"
      >
        Skip to content
      </a>

      <aside className="sticky top-0 hidden h-dvh flex-col border-r bg-sidebar lg:flex">
        <div className="flex h-14 shrink-0 items-center px-4">
          <Logo href="/dashboard" />
        </div>
        <SidebarNav role={user.role} className="overflow-y-auto px-3 pb-4" />
      </aside>

      <div className="flex min-h-dvh min-w-0 flex-col">
        <header className="sticky top-0 z-30 flex h-14 shrink-0 items-center gap-2 border-b bg-background/85 px-4 backdrop-blur supports-[backdrop-filter]:bg-background/70 sm:px-6">
          <MobileNav role={user.role} />
          <div className="min-w-0 flex-1">
            <span className="lg:hidden">
              <Logo href="/dashboard" className="sm:hidden" />
            </span>
            <span className="hidden sm:inline">
              <PageTitle items={navItemsFor(user.role).map(({ href, label }) => ({ href, label }))} />
            </span>
          </div>
          <ThemeToggle />
          <UserMenu user={{ name: user.name, email: user.email, role: user.role }} />
        </header>

        <main
          id="main"
          tabIndex={-1}
          className="mx-auto w-full max-w-6xl flex-1 px-4 py-6 outline-none sm:px-6 lg:px-8 lg:py-8"
        >
          {children}
        </main>
      </div>
    </div>
  );
}
