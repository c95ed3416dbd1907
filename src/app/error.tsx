"use client";

import { ErrorPanel } from "@/components/app/error-panel";
import { Logo } from "@/components/app/logo";

// Catches errors in pages outside the app shell (landing, sign-in…); the shell has its own boundary.
export default function RootSegmentError({ error, retry }: { error: unknown; retry: () => void }) {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="px-4 py-4 sm:px-6">
        <Logo />
      </header>
      <main className="flex flex-1 items-center justify-center pb-24">
        <ErrorPanel error={error} retry={retry} homeHref="/" homeLabel="Home" />
      </main>
    </div>
  );
}
