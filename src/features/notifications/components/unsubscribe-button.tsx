"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { apiFetch, ApiRequestError } from "@/lib/api/fetcher";

/** Confirms an unsubscribe (a POST, so link scanners that only GET the page never unsubscribe anyone). */
export function UnsubscribeButtons({ token, label }: { token: string; label: string }) {
  const [state, setState] = useState<{ done?: string; error?: string }>({});
  const run = async (scope: "kind" | "all") => {
    try {
      const result = await apiFetch<{ label: string }>(`/api/unsubscribe?token=${encodeURIComponent(token)}&scope=${scope}`, { method: "POST" });
      setState({ done: `You will no longer get ${result.label}.` });
    } catch (failure) {
      setState({ error: failure instanceof ApiRequestError ? failure.message : "Could not unsubscribe." });
    }
  };
  if (state.done) return <p role="status">{state.done}</p>;
  return (
    <div className="space-y-3">
      <div className="flex flex-wrap gap-2">
        <Button onClick={() => run("kind")}>Stop {label}</Button>
        <Button variant="outline" onClick={() => run("all")}>
          Stop all Sessionly emails
        </Button>
      </div>
      {state.error ? <p className="text-sm text-danger">{state.error}</p> : null}
    </div>
  );
}
