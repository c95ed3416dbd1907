"use client";

import { ErrorPanel } from "@/components/app/error-panel";

// One failing page shows this inside the shell; the sidebar and top bar stay usable.
export default function AppSegmentError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPanel error={error} retry={retry} title="This page couldn't load" />;
}
