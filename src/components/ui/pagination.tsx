"use client";

import * as React from "react";
import { ChevronLeft, ChevronRight } from "lucide-react";
import { cn } from "@/lib/utils";
import { Button } from "./button";

export interface PaginationProps {
  /** 1-based current page. */
  page: number;
  pageSize: number;
  /** Total number of items, when known. Without it, use `hasNextPage` (cursor pagination). */
  total?: number;
  hasNextPage?: boolean;
  onPageChange: (page: number) => void;
  /** Optional page-size chooser. */
  pageSizeOptions?: number[];
  onPageSizeChange?: (pageSize: number) => void;
  /** Noun for the summary text ("sessions"). */
  itemLabel?: string;
  disabled?: boolean;
  className?: string;
}

/** Previous / next controls with a "21–40 of 134 sessions" summary and an optional page-size select. */
export function Pagination({
  page,
  pageSize,
  total,
  hasNextPage,
  onPageChange,
  pageSizeOptions,
  onPageSizeChange,
  itemLabel = "items",
  disabled,
  className,
}: PaginationProps) {
  const pageSizeId = React.useId();
  const pageCount = total !== undefined ? Math.max(1, Math.ceil(total / pageSize)) : undefined;
  const canPrevious = page > 1;
  const canNext = pageCount !== undefined ? page < pageCount : Boolean(hasNextPage);
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = total !== undefined ? Math.min(page * pageSize, total) : page * pageSize;

  return (
    <nav
      aria-label="Pagination"
      className={cn(
        "flex flex-col-reverse gap-3 py-3 sm:flex-row sm:items-center sm:justify-between",
        className,
      )}
    >
      <p className="text-sm text-muted-foreground" aria-live="polite">
        {total !== undefined ? (
          <>
            {first}–{last} of {total} {itemLabel}
          </>
        ) : (
          <>Page {page}</>
        )}
      </p>
      <div className="flex items-center gap-2">
        {pageSizeOptions && onPageSizeChange ? (
          <div className="mr-2 flex items-center gap-2">
            <label htmlFor={pageSizeId} className="text-sm text-muted-foreground whitespace-nowrap">
              Per page
            </label>
            <select
              id={pageSizeId}
              value={pageSize}
              disabled={disabled}
              onChange={(event) => onPageSizeChange(Number(event.target.value))}
              className="h-8 rounded-lg border border-input bg-background px-2 text-sm outline-none focus-visible:ring-2 focus-visible:ring-ring"
            >
              {pageSizeOptions.map((option) => (
                <option key={option} value={option}>
                  {option}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <Button
          variant="outline"
          size="sm"
          onClick={() => onPageChange(page - 1)}
          disabled={disabled || !canPrevious}
          aria-label="Previous page"
        >
          <ChevronLeft aria-hidden="true" />
          <span className="hidden sm:inline">Previous</span>
        </Button>
        {pageCount !== undefined ? (
          <span className="px-1 text-sm tabular-nums text-muted-foreground">
            {page} / {pageCount}
          </span>
        ) : null}
        <Button
          variant="outline"
          size="sm"
          onClick={() => onPageChange(page + 1)}
          disabled={disabled || !canNext}
          aria-label="Next page"
        >
          <span className="hidden sm:inline">Next</span>
          <ChevronRight aria-hidden="true" />
        </Button>
      </div>
    </nav>
  );
}
