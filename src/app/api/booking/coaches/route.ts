// GET /api/booking/coaches - the coach directory: coaches with the event types realtors can book, or why not
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { listCoachDirectory } from "@/features/booking/list-coach-directory";

const query = z.object({
  q: z.string().trim().max(100, "At most 100 characters.").optional(),
  duration: z.coerce.number().int().min(5).max(1440).optional(),
});

export const GET = apiRoute("GET /api/booking/coaches", { query }, async ({ query }) => ({ coaches: await listCoachDirectory(query) }));
