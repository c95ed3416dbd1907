import { z } from "zod";
import { INVITEE_SORTS } from "./invitee-list-options";

export { INVITEE_PAGE_SIZES, INVITEE_SORTS, type InviteeSort } from "./invitee-list-options";

/** Filters, sort and keyset cursor of an invitee list, as they appear in the URL (shared by both list routes). */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((value) => (value ? value : undefined));

export const inviteeListQuerySchema = z
  .object({
    status: z.enum(["active", "canceled"]).optional(),
    noShow: z.enum(["yes", "no"]).optional(),
    rescheduled: z.enum(["yes", "no"]).optional(),
    /** Sessions that have started (`past`: the ones no-shows can be marked on) or not yet. */
    when: z.enum(["upcoming", "past"]).optional(),
    timeZone: optionalText(64),
    q: optionalText(200),
    /** Admins: one coach's sessions. */
    coach: optionalText(100),
    /** One realtor's bookings (their profile links here). */
    realtor: optionalText(100),
    sort: z.enum(INVITEE_SORTS).default("booked"),
    dir: z.enum(["asc", "desc"]).default("desc"),
    limit: z.coerce.number().int().min(1).max(100).default(25),
    after: optionalText(500),
    before: optionalText(500),
    /** `1`: also answer the time zones present in the list (for the filter). */
    facets: z.enum(["1"]).optional(),
  })
  .refine((query) => !(query.after && query.before), { message: "Use either after or before, not both.", path: ["before"] });

export type InviteeListQuery = z.output<typeof inviteeListQuerySchema>;
