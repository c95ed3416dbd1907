// GET /api/me/export - download everything Sessionly holds about the signed-in user (JSON, no secrets)
import { apiRoute } from "@/lib/api/handler";
import { recordAudit, userActor } from "@/features/audit/record-audit";
import { exportPersonData } from "@/features/privacy/export-person-data";

export const dynamic = "force-dynamic";

export const GET = apiRoute("GET /api/me/export", {}, async ({ user, ip, userAgent }) => {
  const data = await exportPersonData({ userId: user.id });
  await recordAudit({ ...userActor(user, { ip, userAgent }), action: "privacy.exported", targetType: "user", targetId: user.id, metadata: { requestedBy: "self" } });
  return new Response(JSON.stringify(data, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="sessionly-my-data-${new Date().toISOString().slice(0, 10)}.json"`,
      "cache-control": "no-store",
    },
  });
});
