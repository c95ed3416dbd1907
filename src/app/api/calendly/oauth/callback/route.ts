// GET /api/calendly/oauth/callback - Calendly redirects here with ?code&state; connect, then back to /calendly
import { NextResponse } from "next/server";
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";
import { completeOAuthConnection } from "@/features/calendly/connection/connect-calendly";

export const dynamic = "force-dynamic";

const query = z.object({
  code: z.string().min(1).max(2000).optional(),
  state: z.string().min(1).max(200).optional(),
  error: z.string().max(200).optional(),
  error_description: z.string().max(1000).optional(),
});

export const GET = apiRoute("GET /api/calendly/oauth/callback", { query }, async ({ user, query, log }) => {
  const back = (params: Record<string, string>) => NextResponse.redirect(`${env().APP_URL}/calendly?${new URLSearchParams(params)}`);
  if (query.error || !query.code || !query.state) {
    return back({ error: query.error === "access_denied" ? "You declined access in Calendly." : (query.error_description ?? "Calendly did not complete the connection.") });
  }
  try {
    await completeOAuthConnection(user, { code: query.code, state: query.state });
    return back({ connected: "1" });
  } catch (error) {
    log.warn({ err: error }, "calendly oauth callback failed");
    return back({ error: error instanceof AppError ? error.message : "Connecting Calendly failed. Please try again." });
  }
});
