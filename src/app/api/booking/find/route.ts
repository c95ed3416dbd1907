// GET /api/booking/find - open times across every coach for a date range, time of day and duration
import { apiRoute } from "@/lib/api/handler";
import { findAnyCoach, findAnyCoachQuerySchema } from "@/features/booking/find-any-coach";

export const GET = apiRoute("GET /api/booking/find", { query: findAnyCoachQuerySchema }, async ({ query }) => findAnyCoach(query));
