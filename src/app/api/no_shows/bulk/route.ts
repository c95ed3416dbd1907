// POST /api/no_shows/bulk - mark and unmark many invitees; answers one result per invitee
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { bulkChangeNoShows } from "@/features/invitees/bulk-change-no-shows";
import { inviteeUriSchema } from "@/features/invitees/no-show-input";

export const dynamic = "force-dynamic";

const MAX_ITEMS = 100;
const body = z
  .object({ mark: z.array(inviteeUriSchema).max(MAX_ITEMS).default([]), unmark: z.array(inviteeUriSchema).max(MAX_ITEMS).default([]) })
  .refine((value) => value.mark.length + value.unmark.length > 0, { message: "Choose at least one invitee.", path: ["mark"] })
  .refine((value) => value.mark.length + value.unmark.length <= MAX_ITEMS, { message: `At most ${MAX_ITEMS} invitees at a time.`, path: ["mark"] });

export const POST = apiRoute("POST /api/no_shows/bulk", { body }, async ({ user, scope, body, ip, userAgent }) =>
  bulkChangeNoShows(user, scope, body, { ip, userAgent }),
);
