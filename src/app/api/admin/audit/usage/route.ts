// GET /api/admin/audit/usage - API requests per route and status over the last hours (admins)
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { forbidden } from "@/lib/errors";
import { listApiUsage } from "@/features/audit/list-api-usage";

export const dynamic = "force-dynamic";

export const GET = apiRoute(
  "GET /api/admin/audit/usage",
  { query: z.object({ hours: z.coerce.number().int().min(1).max(744).default(24) }) },
  async ({ scope, query }) => {
    if (scope !== "any") throw forbidden();
    return listApiUsage({ hours: query.hours });
  },
);
