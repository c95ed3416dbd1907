/** Which navigation item the current path belongs to; no icons or permissions here, so the browser bundle stays small. */
export interface NavTarget {
  href: string;
  label: string;
}

/** Whether `pathname` is inside the item's area (`/sessions/abc` is inside `/sessions`). */
export function isActivePath(pathname: string, href: string): boolean {
  return pathname === href || pathname.startsWith(`${href}/`);
}

/** The nav item the current page belongs to (longest matching href), for the top bar title. */
export function activeNavItem<T extends NavTarget>(items: readonly T[], pathname: string): T | undefined {
  return items
    .filter((item) => isActivePath(pathname, item.href))
    .sort((a, b) => b.href.length - a.href.length)[0];
}
