// POST /api/booking/series/:seriesId/cancel-remaining - cancel a series' sessions that have not started yet
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { cancelRemainingBodySchema, cancelSeriesRemaining } from "@/features/booking/series";

const params = z.object({ seriesId: z.uuid({ error: "Not a series id." }) });

export const POST = apiRoute(
  "POST /api/booking/series/[seriesId]/cancel-remaining",
  { params, body: cancelRemainingBodySchema },
  async ({ user, scope, params, body, ip, userAgent }) => cancelSeriesRemaining(user, scope, params.seriesId, body.reason, { ip, userAgent }),
);
