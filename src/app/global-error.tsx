"use client";

import { useEffect } from "react";
import { GeistSans } from "geist/font/sans";
import { ErrorPanel } from "@/components/app/error-panel";
import { THEME_STORAGE_KEY } from "@/components/ui/theme";
import "./globals.css";

// Replaces the root layout when the layout itself fails, so it renders its own document and applies the theme itself.
export default function GlobalError({ error, retry }: { error: unknown; retry: () => void }) {
  useEffect(() => {
    try {
      const stored = window.localStorage.getItem(THEME_STORAGE_KEY);
      const dark =
        stored === "dark" ||
        (stored !== "light" && window.matchMedia("(prefers-color-scheme: dark)").matches);
      document.documentElement.classList.toggle("dark", dark);
    } catch {
      // Storage unavailable: keep the light theme.
    }
  }, []);

  return (
    <html lang="en" className={GeistSans.variable}>
      <body className="min-h-dvh">
        <title>Something went wrong · Sessionly</title>
        <main className="flex min-h-dvh items-center justify-center pb-16">
          <ErrorPanel error={error} retry={retry} homeHref="/" homeLabel="Home" />
        </main>
      </body>
    </html>
  );
}
