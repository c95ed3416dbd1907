"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { toast } from "@/components/ui/toast";
import { RefreshCw } from "lucide-react";
import { apiFetch, ApiRequestError } from "@/lib/api/fetcher";
import { Button } from "@/components/ui/button";

/** "Sync now" for one coach, from the admin's connections table. */
export function SyncCoachButton({ coachUserId, coachName, disabled }: { coachUserId: string; coachName: string; disabled?: boolean }) {
  const [busy, setBusy] = useState(false);
  const router = useRouter();
  return (
    <Button
      size="sm"
      variant="outline"
      disabled={disabled || busy}
      aria-label={`Sync ${coachName} now`}
      onClick={async () => {
        setBusy(true);
        try {
          await apiFetch("/api/calendly/sync", { method: "POST", json: { coachUserId } });
          toast.success(`Sync started for ${coachName}.`);
          setTimeout(() => router.refresh(), 2000);
        } catch (failure) {
          toast.error(failure instanceof ApiRequestError ? failure.message : "Could not start the sync.");
        } finally {
          setBusy(false);
        }
      }}
    >
      <RefreshCw aria-hidden="true" className={busy ? "animate-spin" : undefined} /> Sync now
    </Button>
  );
}
