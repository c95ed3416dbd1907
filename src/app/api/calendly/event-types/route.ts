// GET /api/calendly/event-types - the coach's Calendly event types and which ones are offered
import { apiRoute } from "@/lib/api/handler";
import { listCoachEventTypes } from "@/features/calendly/event-types/event-type-offers";

export const dynamic = "force-dynamic";

export const GET = apiRoute("GET /api/calendly/event-types", {}, async ({ user }) => ({ eventTypes: await listCoachEventTypes(user.id) }));
