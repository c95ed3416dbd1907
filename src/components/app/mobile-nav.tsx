"use client";

import type { Role } from "@/lib/auth/permissions";
import { useOnDemand } from "@/components/ui/on-demand";
import { MobileNavButton } from "./mobile-nav-button";

const loadSheet = () => import("./mobile-nav-sheet").then((module) => module.MobileNavSheet);

/** The menu button and slide-in navigation for screens narrower than the sidebar breakpoint (sheet loaded on demand). */
export function MobileNav({ role }: { role: Role }) {
  const { Loaded, loadedProps, standInProps } = useOnDemand(loadSheet, "dialog");
  if (Loaded) return <Loaded role={role} {...loadedProps} />;
  return <MobileNavButton {...standInProps} />;
}
