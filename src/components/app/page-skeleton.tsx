// The loading outline of a signed-in page. Each top-level segment re-exports it as its `loading.tsx` (rather than one
// `(app)/loading.tsx`), so segment layouts that gate access run outside the Suspense boundary and can answer a real 404.
import { Skeleton } from "@/components/ui/skeleton";

// Same outline as a typical page (header, then cards), so the real content replaces it without a jump.
export function PageSkeleton() {
  return (
    <div role="status" aria-live="polite" aria-busy="true">
      <span className="sr-only">Loading…</span>
      <div className="mb-6 space-y-2">
        <Skeleton className="h-8 w-56 max-w-full" />
        <Skeleton className="h-4 w-80 max-w-full" />
      </div>
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
        {Array.from({ length: 6 }, (_, index) => (
          <div
            key={index}
            className="flex items-start gap-3 rounded-xl border bg-card p-4 sm:flex-col sm:p-5"
          >
            <Skeleton className="size-9 shrink-0 rounded-lg" />
            <div className="w-full space-y-2.5">
              <Skeleton className="h-4 w-32" />
              <Skeleton className="h-3 w-full" />
              <Skeleton className="h-3 w-2/3" />
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
