import type { Role } from "@/lib/auth/permissions";
import { cn } from "@/lib/utils";
import { NavLink } from "./nav-link";
import { navItemsFor, type ResolvedNavItem } from "./nav-items";

export interface SidebarNavProps {
  role: Role;
  /** Called after a link is followed (the mobile sheet closes itself with it). */
  onNavigate?: () => void;
  className?: string;
}

/**
 * The role's navigation links; the current area is marked with aria-current="page" (by NavLink, in the browser).
 * Rendered on the server in the sidebar; the mobile sheet (a client component) renders it in the browser.
 */
export function SidebarNav({ role, onNavigate, className }: SidebarNavProps) {
  const items = navItemsFor(role);
  const main = items.filter((item) => item.section === "main");
  const account = items.filter((item) => item.section === "account");
  return (
    <nav aria-label="Main" className={cn("flex min-h-0 flex-1 flex-col", className)}>
      <ul className="flex flex-col gap-0.5">
        {main.map((item) => (
          <Item key={item.href} item={item} onNavigate={onNavigate} />
        ))}
      </ul>
      {account.length > 0 ? (
        <ul className="mt-auto flex flex-col gap-0.5 border-t pt-3">
          {account.map((item) => (
            <Item key={item.href} item={item} onNavigate={onNavigate} />
          ))}
        </ul>
      ) : null}
    </nav>
  );
}

function Item({ item, onNavigate }: { item: ResolvedNavItem; onNavigate?: () => void }) {
  const Icon = item.icon;
  return <NavLink href={item.href} label={item.label} icon={<Icon aria-hidden="true" className="size-4 shrink-0" />} onNavigate={onNavigate} />;
}
