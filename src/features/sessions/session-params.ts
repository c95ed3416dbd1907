import { z } from "zod";

/** Request shapes of the sessions routes. */
export const sessionUuidParams = z.object({ uuid: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, "is not a session id") });

export const cancelReason = z
  .string({ error: "is required" })
  .trim()
  .min(1, "give a reason")
  .max(500, "must be at most 500 characters");

export const cancelSessionBody = z.object({ reason: cancelReason });

export const cancelSessionsBody = z.object({
  uuids: z.array(z.string().regex(/^[A-Za-z0-9_-]{1,100}$/, "is not a session id")).min(1, "select at least one session").max(100, "cancel at most 100 sessions at once"),
  reason: cancelReason,
});
