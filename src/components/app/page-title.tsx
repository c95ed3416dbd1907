"use client";

import { usePathname } from "next/navigation";
import type { Role } from "@/lib/auth/permissions";
import { activeNavItem, navItemsFor } from "./nav-items";

/** The current area's name in the top bar (the page's own <h1> lives in its PageHeader). */
export function PageTitle({ role }: { role: Role }) {
  const pathname = usePathname() ?? "";
  const item = activeNavItem(navItemsFor(role), pathname);
  if (!item) return null;
  return <span className="truncate text-sm font-medium text-foreground">{item.label}</span>;
}
