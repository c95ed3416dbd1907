// GET /api/openapi.json - the API reference, generated from the routes' zod schemas
import { NextResponse } from "next/server";
import { apiRoute } from "@/lib/api/handler";
import document from "@/lib/api/openapi/openapi.json";

export const GET = apiRoute("GET /api/openapi.json", {}, async () => NextResponse.json(document));
