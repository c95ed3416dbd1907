// GET /api/me - the signed-in user
import { apiRoute } from "@/lib/api/handler";

export const dynamic = "force-dynamic";

export const GET = apiRoute("GET /api/me", {}, async ({ user }) => ({ user }));
