// GET /api/calendly/oauth/start - send the coach to Calendly's consent page (state + PKCE)
import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import { startOAuthConnection } from "@/features/calendly/connection/connect-calendly";

export const dynamic = "force-dynamic";

export const GET = apiRoute("GET /api/calendly/oauth/start", {}, async ({ user }) => NextResponse.redirect(await startOAuthConnection(user)));
