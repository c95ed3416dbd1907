"use client";

import { useOnDemand } from "@/components/ui/on-demand";
import { UserMenuButton, type UserMenuProps } from "./user-menu-button";

export { initialsOf, type UserMenuProps } from "./user-menu-button";

const loadMenu = () => import("./user-menu-content").then((module) => module.UserMenuContent);

/** Avatar button opening the account menu (the menu's code, and better-auth's, are loaded on demand). */
export function UserMenu({ user }: UserMenuProps) {
  const { Loaded, loadedProps, standInProps } = useOnDemand(loadMenu, "menu");
  if (Loaded) return <Loaded user={user} {...loadedProps} />;
  return <UserMenuButton user={user} {...standInProps} />;
}
