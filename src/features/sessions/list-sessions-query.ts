import { z } from "zod";
import { DEFAULT_PAGE_SIZE, PAGE_SIZES, SESSION_SORTS } from "./list-sessions-options";
import { STATUS_FILTERS } from "./session-state";

export { DEFAULT_PAGE_SIZE, PAGE_SIZES, SESSION_SORTS, type SessionSort } from "./list-sessions-options";

/**
 * The session list's filters, sort and page, as they travel in the URL of the page and of the API (one schema for
 * both, so a shared link shows the same view).
 */
const isoDate = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2026-03-01");

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => (value ? value : undefined));

export const listSessionsQuerySchema = z
  .object({
    status: z.enum([...STATUS_FILTERS, "all"]).default("all"),
    from: isoDate.optional(),
    to: isoDate.optional(),
    eventType: optionalText(100),
    coach: optionalText(100),
    q: optionalText(200),
    sort: z.enum(SESSION_SORTS).default("start"),
    dir: z.enum(["asc", "desc"]).default("asc"),
    size: z.coerce
      .number()
      .int()
      .refine((value) => (PAGE_SIZES as readonly number[]).includes(value), `must be one of ${PAGE_SIZES.join(", ")}`)
      .default(DEFAULT_PAGE_SIZE),
    after: z.string().max(500).optional(),
    before: z.string().max(500).optional(),
  })
  .refine((query) => !(query.after && query.before), { message: "give either after or before, not both", path: ["before"] })
  .refine((query) => !(query.from && query.to && query.from > query.to), { message: "must be on or after the start date", path: ["to"] });

export type ListSessionsQuery = z.output<typeof listSessionsQuerySchema>;
export type SessionFilters = Pick<ListSessionsQuery, "status"> & Partial<Pick<ListSessionsQuery, "from" | "to" | "eventType" | "coach" | "q">>;
