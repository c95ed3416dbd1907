"use client";

import { Monitor, Moon, Sun } from "lucide-react";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuLabel,
  DropdownMenuRadioGroup,
  DropdownMenuRadioItem,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "./dropdown-menu";
import { useInitialMenuFocus, type OnDemandProps } from "./on-demand";
import { useTheme, type ThemePreference } from "./theme";
import { ThemeToggleButton } from "./theme-toggle-button";

const OPTIONS: { value: ThemePreference; label: string; icon: typeof Sun }[] = [
  { value: "light", label: "Light", icon: Sun },
  { value: "dark", label: "Dark", icon: Moon },
  { value: "system", label: "System", icon: Monitor },
];

/** The Light / Dark / System menu, loaded on demand by ThemeToggle. */
export function ThemeToggleMenu({ className, openedBy, focusTrigger }: OnDemandProps & { className?: string }) {
  const { preference, setPreference } = useTheme();
  const onFocus = useInitialMenuFocus(openedBy);
  return (
    <DropdownMenu defaultOpen={openedBy !== null}>
      <DropdownMenuTrigger asChild>
        <ThemeToggleButton className={className} autoFocus={focusTrigger && openedBy === null} />
      </DropdownMenuTrigger>
      <DropdownMenuContent className="min-w-36" onFocus={onFocus}>
        <DropdownMenuLabel className="text-xs font-medium text-muted-foreground">Theme</DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuRadioGroup
          value={preference}
          onValueChange={(value) => setPreference(value as ThemePreference)}
        >
          {OPTIONS.map(({ value, label, icon: Icon }) => (
            <DropdownMenuRadioItem key={value} value={value}>
              <Icon aria-hidden="true" />
              {label}
            </DropdownMenuRadioItem>
          ))}
        </DropdownMenuRadioGroup>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
