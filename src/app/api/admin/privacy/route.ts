// GET /api/admin/privacy - retention setting, recent retention runs and erasures (admins)
import { apiRoute } from "@/lib/api/handler";
import { forbidden } from "@/lib/errors";
import { getPrivacyOverview } from "@/features/privacy/privacy-overview";

export const dynamic = "force-dynamic";

export const GET = apiRoute("GET /api/admin/privacy", {}, async ({ scope }) => {
  if (scope !== "any") throw forbidden();
  return getPrivacyOverview();
});
