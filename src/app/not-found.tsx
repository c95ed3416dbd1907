import type { Metadata } from "next";
import Link from "next/link";
import { Compass } from "lucide-react";
import { Button } from "@/components/ui/button";
import { Logo } from "@/components/app/logo";

export const metadata: Metadata = { title: "Page not found" };

export default function NotFound() {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="px-4 py-4 sm:px-6">
        <Logo />
      </header>
      <main className="flex flex-1 items-center justify-center px-4 pb-24">
        <div className="max-w-md text-center">
          <div className="mx-auto mb-4 grid size-11 place-content-center rounded-full bg-muted text-muted-foreground">
            <Compass aria-hidden="true" className="size-5" />
          </div>
          <p className="text-sm font-medium text-primary">404</p>
          <h1 className="mt-1 text-2xl font-semibold tracking-tight">We can&apos;t find that page</h1>
          <p className="mt-2 text-sm text-muted-foreground">
            The link may be old, or the page may have moved. Check the address, or head back to your
            dashboard.
          </p>
          <div className="mt-6 flex flex-wrap justify-center gap-2">
            <Button asChild>
              <Link href="/dashboard">Go to dashboard</Link>
            </Button>
            <Button variant="outline" asChild>
              <Link href="/">Home</Link>
            </Button>
          </div>
        </div>
      </main>
    </div>
  );
}
