// POST /api/analytics/availability-schedules/refresh - re-fetch a coach's Calendly availability schedules (utilization)
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { AppError } from "@/lib/errors";
import { refreshAvailabilitySchedules } from "@/features/analytics/refresh-availability-schedules";

export const dynamic = "force-dynamic";

const bodySchema = z.object({ coachUserId: z.string().min(1).max(200).optional() });

export const POST = apiRoute("POST /api/analytics/availability-schedules/refresh", { body: bodySchema }, async ({ user, scope, body }) => {
  const coachUserId = body.coachUserId ?? user.id;
  if (scope !== "any" && coachUserId !== user.id) throw new AppError("not_found", "That coach was not found.");
  return refreshAvailabilitySchedules(coachUserId);
});
