import { eq } from "drizzle-orm";
import { DateTime } from "luxon";
import { z } from "zod";
import { recordAudit, userActor } from "@/features/audit/record-audit";
import { getDb } from "@/lib/db";
import { notificationPreferences, user } from "@/lib/db/schema";
import type { CurrentUser } from "@/lib/auth/session";
import { getNotificationPreferences, reminderOffsetsSchema, type NotificationPreferences } from "./notification-preferences";

/** Saves a user's email choices, reminder offsets and time zone (the zone lives on the user), with an audit entry. */
export const preferencesBodySchema = z.object({
  emailBookingConfirmations: z.boolean(),
  emailCancellations: z.boolean(),
  emailReschedules: z.boolean(),
  emailReminders: z.boolean(),
  emailLowAvailability: z.boolean(),
  emailConnectionAlerts: z.boolean(),
  emailAdminDigest: z.boolean(),
  reminderOffsetsMinutes: reminderOffsetsSchema,
  timeZone: z.string().refine((zone) => DateTime.local().setZone(zone).isValid, "is not a time zone we know"),
  /** Revokes every unsubscribe link sent so far. */
  revokeLinks: z.boolean().optional(),
});

export type PreferencesBody = z.output<typeof preferencesBodySchema>;
export type PreferencesDto = Omit<NotificationPreferences, "linkVersion"> & { timeZone: string; role: CurrentUser["role"] };

export async function getPreferencesDto(current: CurrentUser): Promise<PreferencesDto> {
  const { linkVersion: _linkVersion, ...preferences } = await getNotificationPreferences(getDb(), current.id, current.role);
  const [row] = await getDb().select({ timeZone: user.timeZone }).from(user).where(eq(user.id, current.id));
  return { ...preferences, timeZone: row?.timeZone ?? current.timeZone, role: current.role };
}

export async function updateNotificationPreferences(current: CurrentUser, body: PreferencesBody, request?: { ip?: string; userAgent?: string | null }): Promise<PreferencesDto> {
  const before = await getPreferencesDto(current);
  const previous = await getNotificationPreferences(getDb(), current.id, current.role);
  const { timeZone, revokeLinks, ...choices } = body;
  const values = { ...choices, reminderOffsetsMinutes: [...choices.reminderOffsetsMinutes].sort((a, b) => b - a), linkVersion: previous.linkVersion + (revokeLinks ? 1 : 0), updatedAt: new Date() };
  await getDb().transaction(async (tx) => {
    await tx.insert(notificationPreferences).values({ userId: current.id, ...values }).onConflictDoUpdate({ target: notificationPreferences.userId, set: values });
    if (timeZone !== before.timeZone) await tx.update(user).set({ timeZone, updatedAt: new Date() }).where(eq(user.id, current.id));
    const changes: Record<string, { old: unknown; new: unknown }> = {};
    for (const [key, value] of Object.entries({ ...choices, timeZone })) {
      const old = before[key as keyof PreferencesDto];
      if (JSON.stringify(old) !== JSON.stringify(value)) changes[key] = { old, new: value };
    }
    if (revokeLinks) changes.unsubscribeLinks = { old: "valid", new: "revoked" };
    await recordAudit({ ...userActor(current, request), action: "notifications.preferences_updated", targetType: "user", targetId: current.id, changes }, tx);
  });
  return getPreferencesDto(current);
}
