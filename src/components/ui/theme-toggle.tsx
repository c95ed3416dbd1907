"use client";

import { useOnDemand } from "./on-demand";
import { ThemeToggleButton } from "./theme-toggle-button";

export interface ThemeToggleProps {
  className?: string;
}

const loadMenu = () => import("./theme-toggle-menu").then((module) => module.ThemeToggleMenu);

/** Icon button opening a Light / Dark / System menu (the menu's code is loaded on demand, see ./on-demand). */
export function ThemeToggle({ className }: ThemeToggleProps) {
  const { Loaded, loadedProps, standInProps } = useOnDemand(loadMenu, "menu");
  if (Loaded) return <Loaded className={className} {...loadedProps} />;
  return <ThemeToggleButton className={className} {...standInProps} />;
}
