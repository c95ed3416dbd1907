import { ThemeToggle } from "@/components/ui/theme-toggle";
import { Logo } from "@/components/app/logo";
import { LegalLinks } from "@/features/legal/components/legal-links";

// Public pages anyone can read, signed in or not: the privacy policy and the terms.
export default function LegalLayout({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="mx-auto flex w-full max-w-3xl items-center justify-between px-4 py-4 sm:px-6">
        <Logo />
        <ThemeToggle />
      </header>
      <main className="mx-auto w-full max-w-3xl flex-1 px-4 pb-16 pt-6 sm:px-6">{children}</main>
      <footer className="px-4 pb-8">
        <LegalLinks />
      </footer>
    </div>
  );
}
