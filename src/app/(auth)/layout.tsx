import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/session";
import { ThemeToggle } from "@/components/ui/theme-toggle";
import { Logo } from "@/components/app/logo";
import { LegalLinks } from "@/features/legal/components/legal-links";

export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  // Signed-in people have nothing to do here. A failing lookup still shows the form.
  const user = await getCurrentUser().catch(() => null);
  if (user) redirect("/dashboard");

  return (
    <div className="flex min-h-dvh flex-col bg-muted/40">
      <header className="flex items-center justify-between px-4 py-4 sm:px-6">
        <Logo />
        <ThemeToggle />
      </header>
      <main className="flex flex-1 items-start justify-center px-4 pb-16 pt-4 sm:items-center sm:pt-0">
        <div className="w-full max-w-sm">{children}</div>
      </main>
      <footer className="px-4 pb-6">
        <LegalLinks />
      </footer>
    </div>
  );
}
