// GET /api/admin/legal/:slug - a legal page's text for the editor; PUT /api/admin/legal/:slug - save it (admins)
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { forbidden } from "@/lib/errors";
import { defaultLegalMarkdown } from "@/features/legal/default-legal-markdown";
import { getLegalPage } from "@/features/legal/get-legal-page";
import { LEGAL_SLUGS } from "@/features/legal/legal-slugs";
import { legalPageBodySchema, updateLegalPage } from "@/features/legal/update-legal-page";

export const dynamic = "force-dynamic";

const params = z.object({ slug: z.enum(LEGAL_SLUGS, { error: "must be privacy or terms" }) });

export const GET = apiRoute("GET /api/admin/legal/[slug]", { params }, async ({ scope, params }) => {
  if (scope !== "any") throw forbidden();
  return { page: await getLegalPage(params.slug), defaultMarkdown: await defaultLegalMarkdown(params.slug) };
});

export const PUT = apiRoute(
  "PUT /api/admin/legal/[slug]",
  // Room for the longest accepted text even when every character is escaped in JSON; zod enforces the real limit.
  { params, body: legalPageBodySchema, maxBodyBytes: 400_000 },
  async ({ scope, params, body, user, ip, userAgent }) => {
    if (scope !== "any") throw forbidden();
    return { page: await updateLegalPage(user, params.slug, body, { ip, userAgent }) };
  },
);
