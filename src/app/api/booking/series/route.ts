// GET /api/booking/series - the realtor's recurring series; POST - book a weekly or bi-weekly series
import { apiRoute } from "@/lib/api/handler";
import { bookSeries, bookSeriesBodySchema } from "@/features/booking/book-series";
import { listMySeries } from "@/features/booking/series";

export const GET = apiRoute("GET /api/booking/series", {}, async ({ user }) => ({ series: await listMySeries(user) }));

export const POST = apiRoute("POST /api/booking/series", { body: bookSeriesBodySchema }, async ({ user, body, ip, userAgent }) =>
  bookSeries(user, body, { ip, userAgent }),
);
