// POST /api/no_shows - mark an invitee as a no-show (Calendly first, then the copy)
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { markNoShow } from "@/features/invitees/change-no-show";
import { inviteeUriSchema } from "@/features/invitees/no-show-input";

export const dynamic = "force-dynamic";

const body = z.object({ invitee: inviteeUriSchema });

export const POST = apiRoute("POST /api/no_shows", { body }, async ({ user, scope, body, ip, userAgent }) =>
  markNoShow(user, scope, body.invitee, { ip, userAgent }),
);
