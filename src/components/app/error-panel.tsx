"use client";

import { useEffect } from "react";
import Link from "next/link";
import { AlertTriangle, RotateCw } from "lucide-react";
import { Button } from "@/components/ui/button";

export interface ErrorPanelProps {
  /** What Next hands to error.tsx: any thrown value; server errors carry a `digest`. */
  error: unknown;
  retry: () => void;
  title?: string;
  /** Where the secondary link goes ("Go to dashboard"). */
  homeHref?: string;
  homeLabel?: string;
  /** h1 by default: the panel stands in for the page, whose own h1 did not render. */
  headingLevel?: "h1" | "h2";
}

/** The digest Next attaches to server errors: the id to quote to support and to find in the server logs. */
export function errorReference(error: unknown): string | undefined {
  if (typeof error === "object" && error !== null && "digest" in error) {
    const digest = (error as { digest?: unknown }).digest;
    if (typeof digest === "string" && digest) return digest;
  }
  return undefined;
}

/** The body of every error boundary: what happened, a retry, and the reference id. No internals are shown. */
export function ErrorPanel({
  error,
  retry,
  title = "Something went wrong",
  homeHref = "/dashboard",
  homeLabel = "Go to dashboard",
  headingLevel = "h1",
}: ErrorPanelProps) {
  const Heading = headingLevel;
  const reference = errorReference(error);
  useEffect(() => {
    console.error(error);
  }, [error]);

  return (
    <div role="alert" className="mx-auto flex max-w-md flex-col items-center px-4 py-16 text-center">
      <div className="mb-4 grid size-11 place-content-center rounded-full bg-danger-soft text-danger">
        <AlertTriangle aria-hidden="true" className="size-5" />
      </div>
      <Heading className="text-lg font-semibold">{title}</Heading>
      <p className="mt-1.5 text-sm text-muted-foreground">
        This part of the page couldn&apos;t load. Try again; if it keeps happening, contact support
        {reference ? " with the reference below" : ""}.
      </p>
      {reference ? (
        <p className="mt-3 text-xs text-muted-foreground">
          Reference:{" "}
          <code className="rounded bg-muted px-1.5 py-0.5 font-mono text-foreground">{reference}</code>
        </p>
      ) : null}
      <div className="mt-6 flex flex-wrap justify-center gap-2">
        <Button onClick={() => retry()}>
          <RotateCw aria-hidden="true" />
          Try again
        </Button>
        <Button variant="outline" asChild>
          <Link href={homeHref}>{homeLabel}</Link>
        </Button>
      </div>
    </div>
  );
}

/** An error.tsx for a route segment: `export default segmentError("Your sessions couldn't load")`. */
export function segmentError(title: string) {
  function SegmentError({ error, retry }: { error: unknown; retry: () => void }) {
    return <ErrorPanel error={error} retry={retry} title={title} />;
  }
  return SegmentError;
}
