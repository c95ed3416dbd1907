"use client";

import { useState } from "react";
import { Menu } from "lucide-react";
import type { Role } from "@/lib/auth/permissions";
import { Button } from "@/components/ui/button";
import { Sheet, SheetContent, SheetDescription, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import { Logo } from "./logo";
import { SidebarNav } from "./sidebar-nav";

/** The menu button and slide-in navigation for screens narrower than the sidebar breakpoint. */
export function MobileNav({ role }: { role: Role }) {
  const [open, setOpen] = useState(false);
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>
        <Button variant="ghost" size="icon" className="-ml-2 lg:hidden" aria-label="Open menu">
          <Menu aria-hidden="true" />
        </Button>
      </SheetTrigger>
      <SheetContent>
        <SheetTitle className="sr-only">Menu</SheetTitle>
        <SheetDescription className="sr-only">Navigate to another part of Sessionly.</SheetDescription>
        <div className="flex h-14 items-center px-4">
          <Logo href="/dashboard" />
        </div>
        <SidebarNav role={role} onNavigate={() => setOpen(false)} className="overflow-y-auto px-3 pb-4" />
      </SheetContent>
    </Sheet>
  );
}
