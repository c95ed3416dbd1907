"use client";

import { useState } from "react";
import type { Role } from "@/lib/auth/permissions";
import type { OnDemandProps } from "@/components/ui/on-demand";
import { Sheet, SheetContent, SheetDescription, SheetTitle, SheetTrigger } from "@/components/ui/sheet";
import { Logo } from "./logo";
import { MobileNavButton } from "./mobile-nav-button";
import { SidebarNav } from "./sidebar-nav";

/** The slide-in navigation of narrow screens, loaded on demand by MobileNav. */
export function MobileNavSheet({ role, openedBy, focusTrigger }: { role: Role } & OnDemandProps) {
  const [open, setOpen] = useState(openedBy !== null);
  return (
    <Sheet open={open} onOpenChange={setOpen}>
      <SheetTrigger asChild>
        <MobileNavButton autoFocus={focusTrigger && openedBy === null} />
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
