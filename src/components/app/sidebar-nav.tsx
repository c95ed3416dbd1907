"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import type { Role } from "@/lib/auth/permissions";
import { cn } from "@/lib/utils";
import { isActivePath, navItemsFor, type ResolvedNavItem } from "./nav-items";

export interface SidebarNavProps {
  role: Role;
  /** Called after a link is followed (the mobile sheet closes itself with it). */
  onNavigate?: () => void;
  className?: string;
}

/** The role's navigation links; the current area is marked with aria-current="page". */
export function SidebarNav({ role, onNavigate, className }: SidebarNavProps) {
  const pathname = usePathname() ?? "";
  const items = navItemsFor(role);
  const main = items.filter((item) => item.section === "main");
  const account = items.filter((item) => item.section === "account");
  return (
    <nav aria-label="Main" className={cn("flex min-h-0 flex-1 flex-col", className)}>
      <ul className="flex flex-col gap-0.5">
        {main.map((item) => (
          <NavLink
            key={item.href}
            item={item}
            active={isActivePath(pathname, item.href)}
            onNavigate={onNavigate}
          />
        ))}
      </ul>
      {account.length > 0 ? (
        <ul className="mt-auto flex flex-col gap-0.5 border-t pt-3">
          {account.map((item) => (
            <NavLink
              key={item.href}
              item={item}
              active={isActivePath(pathname, item.href)}
              onNavigate={onNavigate}
            />
          ))}
        </ul>
      ) : null}
    </nav>
  );
}

function NavLink({
  item,
  active,
  onNavigate,
}: {
  item: ResolvedNavItem;
  active: boolean;
  onNavigate?: () => void;
}) {
  const Icon = item.icon;
  return (
    <li>
      <Link
        href={item.href}
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
        <Icon aria-hidden="true" className="size-4 shrink-0" />
        <span className="truncate">{item.label}</span>
      </Link>
    </li>
  );
}
