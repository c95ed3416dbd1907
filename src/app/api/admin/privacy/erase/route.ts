// POST /api/admin/privacy/erase - erase a realtor's (or any invitee's) personal data by email (admins)
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { forbidden } from "@/lib/errors";
import { erasePerson } from "@/features/privacy/erase-person";
import { ADMIN_ERASE_PHRASE } from "@/features/privacy/privacy-config";

export const dynamic = "force-dynamic";

const body = z.object({
  email: z.email({ error: "must be an email address" }).max(320),
  confirmation: z
    .string()
    .transform((value) => value.trim().toLowerCase())
    .refine((value) => value === ADMIN_ERASE_PHRASE, `type “${ADMIN_ERASE_PHRASE}” to confirm`),
  cancelFutureSessions: z.boolean().default(true),
});

export const POST = apiRoute("POST /api/admin/privacy/erase", { body }, async ({ scope, user, body, ip, userAgent }) => {
  if (scope !== "any") throw forbidden();
  const result = await erasePerson({
    subject: { email: body.email },
    requestedBy: { kind: "admin", user },
    cancelFutureSessions: body.cancelFutureSessions,
    request: { ip, userAgent },
  });
  return { erasure: result };
});
