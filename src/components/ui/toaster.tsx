"use client";

import { useEffect, useState } from "react";
import type { ToasterProps } from "sonner";
import { useTheme } from "./theme";
import { loadSonner, onSonnerLoaded } from "./toast";

type SonnerToaster = typeof import("sonner").Toaster;

/**
 * Sonner, following the app theme. Show toasts with `import { toast } from "@/components/ui/toast"`.
 * Sonner is loaded right after the page has become interactive instead of with it; its live region is in place
 * long before the first toast (toasts raised earlier wait for it and are shown, in order, once it is there).
 */
export function Toaster(props: ToasterProps) {
  const { resolved } = useTheme();
  const [Sonner, setSonner] = useState<SonnerToaster | null>(null);
  useEffect(() => {
    const unsubscribe = onSonnerLoaded((module) => setSonner(() => module.Toaster));
    // If this fails (offline), the next toast loads it again and the Toaster appears then.
    loadSonner().catch(() => {});
    return unsubscribe;
  }, []);
  if (!Sonner) return null;
  return (
    <Sonner
      theme={resolved}
      position="bottom-right"
      closeButton
      toastOptions={{
        classNames: {
          toast:
            "rounded-lg! border! border-border! bg-popover! text-popover-foreground! shadow-lg! font-sans!",
          description: "text-muted-foreground!",
          actionButton: "bg-primary! text-primary-foreground!",
          cancelButton: "bg-secondary! text-secondary-foreground!",
        },
      }}
      {...props}
    />
  );
}
