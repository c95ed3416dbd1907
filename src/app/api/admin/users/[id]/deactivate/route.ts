// POST /api/admin/users/:id/deactivate - deactivate a user and sign them out everywhere (admins)
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { forbidden } from "@/lib/errors";
import { deactivateUser } from "@/features/users/set-user-active";

export const dynamic = "force-dynamic";

export const POST = apiRoute(
  "POST /api/admin/users/[id]/deactivate",
  { params: z.object({ id: z.string().min(1).max(100) }), body: z.object({ reason: z.string().trim().max(500).optional() }) },
  async ({ scope, params, body, user, ip, userAgent }) => {
    if (scope !== "any") throw forbidden();
    return { user: await deactivateUser(user, params.id, body, { ip, userAgent }) };
  },
);
