import { z } from "zod";

/** A Calendly invitee URI (`…/scheduled_events/{uuid}/invitees/{uuid}`), as the no-show routes take it. */
export const inviteeUriSchema = z
  .string()
  .trim()
  .max(500)
  .regex(/^https?:\/\/[^\s/]+(\/[^\s]*)?\/scheduled_events\/[A-Za-z0-9-]+\/invitees\/[A-Za-z0-9-]+$/, "must be a Calendly invitee URI");
