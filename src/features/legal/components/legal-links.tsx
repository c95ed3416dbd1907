import Link from "next/link";
import { cn } from "@/lib/utils";
import { LEGAL_TITLES } from "../legal-slugs";

/** "Privacy policy · Terms of use", for the footers of public pages. */
export function LegalLinks({ className }: { className?: string }) {
  return (
    <nav aria-label="Legal" className={cn("flex flex-wrap items-center justify-center gap-x-4 gap-y-1 text-xs text-muted-foreground", className)}>
      <Link href="/privacy" className="rounded-sm underline-offset-4 hover:text-foreground hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring">
        {LEGAL_TITLES.privacy}
      </Link>
      <Link href="/terms" className="rounded-sm underline-offset-4 hover:text-foreground hover:underline focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring">
        {LEGAL_TITLES.terms}
      </Link>
    </nav>
  );
}
