// POST /api/me/erase - delete the signed-in user's account: cancel future sessions, pseudonymize their data
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { erasePerson } from "@/features/privacy/erase-person";
import { SELF_ERASE_PHRASE } from "@/features/privacy/privacy-config";

export const dynamic = "force-dynamic";

const body = z.object({
  confirmation: z
    .string()
    .transform((value) => value.trim().toLowerCase())
    .refine((value) => value === SELF_ERASE_PHRASE, `type “${SELF_ERASE_PHRASE}” to confirm`),
  cancelFutureSessions: z.boolean().default(true),
});

export const POST = apiRoute("POST /api/me/erase", { body }, async ({ user, body, ip, userAgent }) => {
  const result = await erasePerson({
    subject: { userId: user.id },
    requestedBy: { kind: "self", user },
    cancelFutureSessions: body.cancelFutureSessions,
    request: { ip, userAgent },
  });
  return {
    erased: true,
    sessionsCanceled: result.sessionsCanceled,
    cancellationFailures: result.cancellationFailures,
    calendlyDeletion: result.calendlyDeletion,
  };
});
