"use client";

import { useEffect, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { FileText, LogOut, Settings, ShieldCheck } from "lucide-react";
import { toast } from "@/components/ui/toast";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import { useInitialMenuFocus, type OnDemandProps } from "@/components/ui/on-demand";
import { RoleBadge } from "./role-badge";
import { UserMenuButton, type UserMenuProps } from "./user-menu-button";

/** The account menu (who is signed in, Settings, the legal pages, Sign out), loaded on demand by UserMenu. */
export function UserMenuContent({ user, openedBy, focusTrigger }: UserMenuProps & OnDemandProps) {
  const router = useRouter();
  const [signingOut, setSigningOut] = useState(false);
  // Warm up better-auth's client while the menu is open, so Sign out does not wait for it.
  useEffect(() => {
    void import("@/lib/auth/client").catch(() => {});
  }, []);

  async function signOut() {
    setSigningOut(true);
    // better-auth's client is only needed here: load it on the click rather than with every page.
    const { error } = await import("@/lib/auth/client")
      .then(({ authClient }) => authClient.signOut())
      .catch(() => ({ error: new Error("The sign-out code could not be loaded.") }));
    if (error) {
      setSigningOut(false);
      toast.error("We couldn't sign you out. Try again.");
      return;
    }
    router.push("/sign-in");
    router.refresh();
  }

  const onFocus = useInitialMenuFocus(openedBy);

  return (
    <DropdownMenu defaultOpen={openedBy !== null}>
      <DropdownMenuTrigger asChild>
        <UserMenuButton user={user} autoFocus={focusTrigger && openedBy === null} />
      </DropdownMenuTrigger>
      <DropdownMenuContent className="w-64" onFocus={onFocus}>
        <DropdownMenuLabel className="font-normal">
          <div className="flex items-start justify-between gap-2">
            <div className="min-w-0">
              <p className="truncate text-sm font-medium">{user.name}</p>
              <p className="truncate text-xs text-muted-foreground">{user.email}</p>
            </div>
            <RoleBadge role={user.role} />
          </div>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/settings">
            <Settings aria-hidden="true" />
            Settings
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <Link href="/privacy">
            <ShieldCheck aria-hidden="true" />
            Privacy policy
          </Link>
        </DropdownMenuItem>
        <DropdownMenuItem asChild>
          <Link href="/terms">
            <FileText aria-hidden="true" />
            Terms of use
          </Link>
        </DropdownMenuItem>
        <DropdownMenuSeparator />
        <DropdownMenuItem
          disabled={signingOut}
          onSelect={(event) => {
            event.preventDefault();
            void signOut();
          }}
        >
          <LogOut aria-hidden="true" />
          {signingOut ? "Signing out…" : "Sign out"}
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
