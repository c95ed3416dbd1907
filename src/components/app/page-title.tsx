"use client";

import { usePathname } from "next/navigation";
import { activeNavItem, type NavTarget } from "./nav-paths";

/** The current area's name in the top bar (the page's own <h1> lives in its PageHeader). `items`: the role's nav. */
export function PageTitle({ items }: { items: NavTarget[] }) {
  const pathname = usePathname() ?? "";
  const item = activeNavItem(items, pathname);
  if (!item) return null;
  return <span className="truncate text-sm font-medium text-foreground">{item.label}</span>;
}
