/**
 * The invitee lists' sorts and page sizes. Kept apart from the zod schema in ./invitee-list-query so the browser's
 * list can use them without shipping zod.
 */
export const INVITEE_SORTS = ["booked", "start", "name"] as const;
export type InviteeSort = (typeof INVITEE_SORTS)[number];
export const INVITEE_PAGE_SIZES = [10, 25, 50, 100] as const;
