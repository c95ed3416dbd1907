// POST /api/admin/privacy/retention - purge (or, with dryRun, count) invitee personal data past retention (admins)
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { forbidden } from "@/lib/errors";
import { runRetention } from "@/features/privacy/run-retention";

export const dynamic = "force-dynamic";

export const POST = apiRoute(
  "POST /api/admin/privacy/retention",
  { body: z.object({ dryRun: z.boolean().default(true), months: z.number().int().min(1).max(240).optional() }) },
  async ({ scope, user, body, ip, userAgent }) => {
    if (scope !== "any") throw forbidden();
    return { run: await runRetention({ dryRun: body.dryRun, months: body.months, trigger: "admin", actor: user, request: { ip, userAgent } }) };
  },
);
