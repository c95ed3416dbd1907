// All routes of the emulator, in matching order.
import { availabilityRoutes } from "./availability";
import { controlRoutes } from "./control";
import { eventTypeRoutes } from "./event-types";
import { inviteeRoutes } from "./invitees";
import { oauthRoutes } from "./oauth";
import { scheduledEventRoutes } from "./scheduled-events";
import { schedulingLinkRoutes } from "./scheduling-links";
import type { RouteDef } from "./types";
import { userRoutes } from "./users-and-organizations";
import { webhookRoutes } from "./webhook-subscriptions";

export const ALL_ROUTES: RouteDef[] = [
  ...userRoutes,
  ...eventTypeRoutes,
  ...availabilityRoutes,
  ...scheduledEventRoutes,
  ...inviteeRoutes,
  ...webhookRoutes,
  ...schedulingLinkRoutes,
  ...oauthRoutes,
  ...controlRoutes,
];
