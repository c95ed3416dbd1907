import { Menu } from "lucide-react";
import { Button, type ButtonProps } from "@/components/ui/button";

/** The menu button of narrow screens (hidden from the sidebar breakpoint up). */
export function MobileNavButton(props: ButtonProps) {
  return (
    <Button variant="ghost" size="icon" className="-ml-2 lg:hidden" aria-label="Open menu" {...props}>
      <Menu aria-hidden="true" />
    </Button>
  );
}
