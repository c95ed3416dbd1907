import { and, asc, eq } from "drizzle-orm";
import { getDb } from "@/lib/db";
import { eventTypes } from "@/lib/db/schema";
import { AppError, notFound } from "@/lib/errors";
import { recordAudit, userActor } from "@/features/audit/record-audit";
import type { CurrentUser } from "@/lib/auth/session";

/** A coach's event types and their choice of which ones Sessionly offers to realtors. */
export interface EventTypeDto {
  uri: string;
  uuid: string;
  name: string;
  duration: number;
  durationOptions: number[] | null;
  kind: string | null;
  description: string | null;
  color: string | null;
  active: boolean;
  deleted: boolean;
  offered: boolean;
  schedulingUrl: string;
  schedulingUrlValid: boolean;
  hasOpenings: boolean | null;
  /** Why it cannot be offered, when it cannot. */
  unavailableReason: string | null;
  questions: number;
}

export function unavailableReason(row: Pick<typeof eventTypes.$inferSelect, "active" | "deletedAt" | "schedulingUrlValid" | "hasOpenings">): string | null {
  if (row.deletedAt) return "Deleted in Calendly.";
  if (!row.active) return "Turned off in Calendly.";
  if (!row.schedulingUrlValid) return "Its scheduling link is not on your Calendly account.";
  if (row.hasOpenings === false) return "No openings in the next 30 days: check its availability in Calendly.";
  return null;
}

export function toEventTypeDto(row: typeof eventTypes.$inferSelect): EventTypeDto {
  return {
    uri: row.uri,
    uuid: row.uuid,
    name: row.name,
    duration: row.duration,
    durationOptions: row.durationOptions,
    kind: row.kind,
    description: row.descriptionPlain,
    color: row.color,
    active: row.active,
    deleted: row.deletedAt !== null,
    offered: row.offered,
    schedulingUrl: row.schedulingUrl,
    schedulingUrlValid: row.schedulingUrlValid,
    hasOpenings: row.hasOpenings,
    unavailableReason: unavailableReason(row),
    questions: row.customQuestions.length,
  };
}

export async function listCoachEventTypes(coachUserId: string): Promise<EventTypeDto[]> {
  const rows = await getDb().select().from(eventTypes).where(eq(eventTypes.coachUserId, coachUserId)).orderBy(asc(eventTypes.duration), asc(eventTypes.name));
  return rows.map(toEventTypeDto);
}

export async function setEventTypeOffered(user: CurrentUser, uuid: string, offered: boolean): Promise<EventTypeDto> {
  const db = getDb();
  const [row] = await db.select().from(eventTypes).where(eq(eventTypes.uuid, uuid));
  if (!row || (user.role !== "admin" && row.coachUserId !== user.id)) throw notFound("Event type");
  if (offered) {
    const reason = unavailableReason({ ...row, hasOpenings: null });
    if (reason) throw new AppError("conflict", `This event type cannot be offered: ${reason}`);
  }
  const [updated] = await db.update(eventTypes).set({ offered }).where(and(eq(eventTypes.uuid, uuid))).returning();
  await recordAudit({
    ...userActor(user),
    action: offered ? "event_type.offered" : "event_type.withdrawn",
    targetType: "event_type",
    targetId: row.uri,
    changes: { offered: { old: row.offered, new: offered } },
  });
  return toEventTypeDto(updated);
}
