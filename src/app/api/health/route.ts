// GET /api/health - liveness and database check for load balancers and `npm start`
import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { getDb } from "@/lib/db";
import { checkDatabase } from "@/lib/db/migrate";

export const dynamic = "force-dynamic";

export const GET = apiRoute("GET /api/health", {}, async () => {
  let db = false;
  try {
    db = await checkDatabase(getDb());
  } catch {
    db = false;
  }
  return db
    ? NextResponse.json({ status: "ok", db: "ok" })
    : NextResponse.json({ status: "degraded", db: "unavailable" }, { status: 503 });
});
