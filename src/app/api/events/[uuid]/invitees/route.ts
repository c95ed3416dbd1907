// GET /api/events/:uuid/invitees - the invitees of one session the viewer may open, filtered and keyset-paged
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { inviteeListQuerySchema } from "@/features/invitees/invitee-list-query";
import { listInviteeTimeZones, listSessionInvitees } from "@/features/invitees/list-invitees";

export const dynamic = "force-dynamic";

const params = z.object({ uuid: z.string().trim().min(1).max(100) });

export const GET = apiRoute("GET /api/events/[uuid]/invitees", { params, query: inviteeListQuerySchema }, async ({ user, scope, params, query }) => {
  const page = await listSessionInvitees(user, scope, params.uuid, query);
  return query.facets ? { ...page, timeZones: await listInviteeTimeZones(user, scope, params.uuid) } : page;
});
