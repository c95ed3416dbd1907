// POST /api/admin/users/:id/reactivate - let a deactivated user sign in again (admins)
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { forbidden } from "@/lib/errors";
import { reactivateUser } from "@/features/users/set-user-active";

export const dynamic = "force-dynamic";

export const POST = apiRoute(
  "POST /api/admin/users/[id]/reactivate",
  { params: z.object({ id: z.string().min(1).max(100) }), body: z.object({ reason: z.string().trim().max(500).optional() }) },
  async ({ scope, params, body, user, ip, userAgent }) => {
    if (scope !== "any") throw forbidden();
    return { user: await reactivateUser(user, params.id, body, { ip, userAgent }) };
  },
);
