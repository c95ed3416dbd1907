// GET /api/admin/privacy/export?email= - everything Sessionly holds about one person, for a data request (admins)
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { forbidden } from "@/lib/errors";
import { recordAudit, userActor } from "@/features/audit/record-audit";
import { exportPersonData } from "@/features/privacy/export-person-data";

export const dynamic = "force-dynamic";

export const GET = apiRoute(
  "GET /api/admin/privacy/export",
  { query: z.object({ email: z.email({ error: "must be an email address" }).max(320) }) },
  async ({ scope, query, user, ip, userAgent }) => {
    if (scope !== "any") throw forbidden();
    const data = await exportPersonData({ email: query.email });
    await recordAudit({
      ...userActor(user, { ip, userAgent }),
      action: "privacy.exported",
      targetType: data.subject.userId ? "user" : "invitee_email",
      targetId: data.subject.userId,
      metadata: { requestedBy: "admin" },
    });
    return new Response(JSON.stringify(data, null, 2), {
      headers: {
        "content-type": "application/json; charset=utf-8",
        "content-disposition": `attachment; filename="sessionly-data-export-${new Date().toISOString().slice(0, 10)}.json"`,
        "cache-control": "no-store",
      },
    });
  },
);
