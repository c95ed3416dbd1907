// GET /api/invitees - invitees across the viewer's sessions (admins: all, with a coach filter), keyset-paged
import { apiRoute } from "@/lib/api/handler";
import { inviteeListQuerySchema } from "@/features/invitees/invitee-list-query";
import { listInvitees, listInviteeTimeZones } from "@/features/invitees/list-invitees";

export const dynamic = "force-dynamic";

export const GET = apiRoute("GET /api/invitees", { query: inviteeListQuerySchema }, async ({ user, scope, query }) => {
  const page = await listInvitees(user, scope, query);
  return query.facets ? { ...page, timeZones: await listInviteeTimeZones(user, scope) } : page;
});
