import { Moon, Sun } from "lucide-react";
import { cn } from "@/lib/utils";
import { Button, type ButtonProps } from "./button";

/** The theme menu's trigger: the icon follows the `dark` class via CSS, so it never flickers. */
export function ThemeToggleButton({ className, ...props }: ButtonProps) {
  return (
    <Button variant="ghost" size="icon" className={cn("relative", className)} aria-label="Change theme" {...props}>
      <Sun aria-hidden="true" className="scale-100 transition-transform dark:scale-0" />
      <Moon aria-hidden="true" className="absolute scale-0 transition-transform dark:scale-100" />
    </Button>
  );
}
