// GET|POST /api/auth/* - better-auth's own endpoints (sign-in, sign-up, sign-out, session)
import type { NextRequest } from "next/server";
import { getAuth } from "@/lib/auth/auth";
import { apiRoute } from "@/lib/api/handler";

export const dynamic = "force-dynamic";

// better-auth checks Origin itself and owns its request parsing; the wrapper adds the request id and error mapping.
const forward = (request: NextRequest) => getAuth().handler(request);

export const GET = apiRoute("GET /api/auth/[...all]", {}, async ({ request }) => forward(request));
export const POST = apiRoute("POST /api/auth/[...all]", {}, async ({ request }) => forward(request));
