// DELETE /api/no_shows/:id - remove a no-show mark by the no-show's UUID (Calendly first, then the copy)
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { unmarkNoShowById } from "@/features/invitees/change-no-show";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().regex(/^[A-Za-z0-9-]{1,64}$/, "must be a no-show UUID") });

export const DELETE = apiRoute("DELETE /api/no_shows/[id]", { params }, async ({ user, scope, params, ip, userAgent }) =>
  unmarkNoShowById(user, scope, params.id, { ip, userAgent }),
);
