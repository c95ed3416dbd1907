// GET /api/admin/audit - the audit log, filtered and keyset-paginated; `?format=csv` downloads every match (admins)
import { apiRoute } from "@/lib/api/handler";
import { forbidden } from "@/lib/errors";
import { auditCsvStream } from "@/features/audit/audit-csv";
import { auditListQuerySchema } from "@/features/audit/audit-filters";
import { listAuditEntries } from "@/features/audit/list-audit-entries";

export const dynamic = "force-dynamic";

export const GET = apiRoute("GET /api/admin/audit", { query: auditListQuerySchema }, async ({ scope, query, user }) => {
  if (scope !== "any") throw forbidden();
  const { cursor, limit, format, ...filters } = query;
  if (format === "csv") {
    const stamp = new Date().toISOString().slice(0, 16).replace(/[:T]/g, "-");
    return new Response(auditCsvStream(filters, { timeZone: user.timeZone }), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="sessionly-audit-${stamp}.csv"`,
        "cache-control": "no-store",
      },
    });
  }
  return listAuditEntries(filters, { cursor, limit, timeZone: user.timeZone });
});
