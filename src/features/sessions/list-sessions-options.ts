/**
 * The session list's sorts and page sizes. Kept apart from the zod schema in ./list-sessions-query so the browser's
 * list can use them without shipping zod.
 */
export const SESSION_SORTS = ["start", "created", "status"] as const;
export type SessionSort = (typeof SESSION_SORTS)[number];
export const PAGE_SIZES = [10, 25, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 25;
