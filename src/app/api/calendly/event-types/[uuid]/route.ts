// PATCH /api/calendly/event-types/:uuid - offer or withdraw one event type
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { setEventTypeOffered } from "@/features/calendly/event-types/event-type-offers";

export const dynamic = "force-dynamic";

const params = z.object({ uuid: z.string().min(1).max(100) });
const body = z.object({ offered: z.boolean() });

export const PATCH = apiRoute("PATCH /api/calendly/event-types/[uuid]", { params, body }, async ({ user, params, body }) => ({
  eventType: await setEventTypeOffered(user, params.uuid, body.offered),
}));
