// GET /api/admin/users - search and page through users (admins)
import { apiRoute } from "@/lib/api/handler";
import { forbidden } from "@/lib/errors";
import { listUsers, listUsersQuerySchema } from "@/features/users/list-users";

export const dynamic = "force-dynamic";

export const GET = apiRoute("GET /api/admin/users", { query: listUsersQuerySchema }, async ({ scope, query }) => {
  if (scope !== "any") throw forbidden();
  return listUsers(query);
});
