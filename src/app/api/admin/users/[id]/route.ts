// GET /api/admin/users/:id - one user; PATCH /api/admin/users/:id - change their role (admins)
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { ROLES } from "@/lib/auth/permissions";
import { forbidden } from "@/lib/errors";
import { changeUserRole } from "@/features/users/change-user-role";
import { getUserOrThrow } from "@/features/users/get-user-or-throw";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().min(1).max(100) });

export const GET = apiRoute("GET /api/admin/users/[id]", { params }, async ({ scope, params }) => {
  if (scope !== "any") throw forbidden();
  return { user: await getUserOrThrow(params.id) };
});

export const PATCH = apiRoute(
  "PATCH /api/admin/users/[id]",
  { params, body: z.object({ role: z.enum(ROLES, { error: "must be admin, coach or realtor" }), reason: z.string().trim().max(500).optional() }) },
  async ({ scope, params, body, user, ip, userAgent }) => {
    if (scope !== "any") throw forbidden();
    return { user: await changeUserRole(user, params.id, body, { ip, userAgent }) };
  },
);
