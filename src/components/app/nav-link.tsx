"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";
import { isActivePath } from "./nav-paths";

/**
 * One navigation link, marked with aria-current="page" inside its area. The icon arrives rendered (from the server in
 * the sidebar), so the browser needs neither the icon set nor the role's permissions to draw the navigation.
 */
export function NavLink({ href, label, icon, onNavigate }: { href: string; label: string; icon: React.ReactNode; onNavigate?: () => void }) {
  const active = isActivePath(usePathname() ?? "", href);
  return (
    <li>
      <Link
        href={href}
        onClick={onNavigate}
        aria-current={active ? "page" : undefined}
        className={cn(
          "flex h-9 items-center gap-2.5 rounded-lg px-2.5 text-sm font-medium transition-colors",
          "outline-none focus-visible:ring-2 focus-visible:ring-ring",
          active
            ? "bg-primary/10 text-primary dark:bg-primary/15"
            : "text-muted-foreground hover:bg-accent hover:text-foreground",
        )}
      >
        {icon}
        <span className="truncate">{label}</span>
      </Link>
    </li>
  );
}
