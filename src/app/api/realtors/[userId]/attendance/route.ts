// GET /api/realtors/:userId/attendance - a realtor's attendance history (a coach: with them; admins: all; realtors: their own)
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { getRealtorAttendance } from "@/features/invitees/get-realtor-attendance";

export const dynamic = "force-dynamic";

const params = z.object({ userId: z.string().trim().min(1).max(100) });

export const GET = apiRoute("GET /api/realtors/[userId]/attendance", { params }, async ({ user, scope, params }) => ({
  attendance: await getRealtorAttendance(user, scope, params.userId),
}));
