"use client";

import { ErrorPanel } from "@/components/app/error-panel";

export default function SessionDetailsError({ error, retry }: { error: unknown; retry: () => void }) {
  return <ErrorPanel error={error} retry={retry} title="This session couldn't load" />;
}
