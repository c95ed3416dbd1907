import Link from "next/link";
import { cn } from "@/lib/utils";

/** The Sessionly wordmark; a link to `href` (home by default). */
export function Logo({ href = "/", className }: { href?: string; className?: string }) {
  return (
    <Link
      href={href}
      className={cn(
        "inline-flex items-center gap-2 rounded-md text-[0.95rem] font-semibold tracking-tight text-foreground outline-none focus-visible:ring-2 focus-visible:ring-ring",
        className,
      )}
    >
      <span
        aria-hidden="true"
        className="grid size-7 place-content-center rounded-lg bg-primary text-primary-foreground shadow-xs"
      >
        <svg
          viewBox="0 0 24 24"
          className="size-4"
          fill="none"
          stroke="currentColor"
          strokeWidth={2.4}
          strokeLinecap="round"
        >
          <path d="M16.5 7.5c-.9-1.3-2.6-2-4.5-2-2.5 0-4.5 1.3-4.5 3.3 0 4.4 9 2.6 9 7 0 2-2 3.2-4.5 3.2-2 0-3.8-.8-4.7-2.2" />
        </svg>
      </span>
      Sessionly
    </Link>
  );
}
