"use client";

import { ErrorPanel } from "@/components/app/error-panel";

export default function SessionsError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPanel error={error} retry={retry} title="Your sessions couldn't load" />;
}
