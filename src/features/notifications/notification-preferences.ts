import { eq } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/lib/db";
import { notificationPreferences, notificationSuppressions, type NotificationKind } from "@/lib/db/schema";
import type { Role } from "@/lib/auth/permissions";

/**
 * Who wants which email. No row means the defaults of the user's role; a saved row holds every choice. Reminder
 * offsets are 0–3 durations between 10 minutes and 7 days before a session. (A coach's low-availability threshold
 * belongs to the availability feature: `getAvailabilitySettings` in src/features/booking/coach-availability.ts.)
 */
type Executor = Pick<Database, "select">;

export const MIN_REMINDER_OFFSET_MINUTES = 10;
export const MAX_REMINDER_OFFSET_MINUTES = 7 * 24 * 60;

export const reminderOffsetsSchema = z
  .array(
    z
      .number()
      .int("must be a whole number of minutes")
      .min(MIN_REMINDER_OFFSET_MINUTES, "must be at least 10 minutes")
      .max(MAX_REMINDER_OFFSET_MINUTES, "must be at most 7 days"),
  )
  .max(3, "at most three reminders")
  .refine((offsets) => new Set(offsets).size === offsets.length, "each reminder time once");

export interface NotificationPreferences {
  emailBookingConfirmations: boolean;
  emailCancellations: boolean;
  emailReschedules: boolean;
  emailReminders: boolean;
  emailLowAvailability: boolean;
  emailConnectionAlerts: boolean;
  emailAdminDigest: boolean;
  reminderOffsetsMinutes: number[];
  linkVersion: number;
}

export function defaultPreferences(role: Role): NotificationPreferences {
  return {
    emailBookingConfirmations: true,
    emailCancellations: true,
    emailReschedules: true,
    emailReminders: true,
    emailLowAvailability: role === "coach",
    emailConnectionAlerts: role === "coach",
    emailAdminDigest: role === "admin",
    reminderOffsetsMinutes: [24 * 60, 60],
    linkVersion: 0,
  };
}

export async function getNotificationPreferences(executor: Executor, userId: string, role: Role): Promise<NotificationPreferences> {
  const [row] = await executor.select().from(notificationPreferences).where(eq(notificationPreferences.userId, userId));
  if (!row) return defaultPreferences(role);
  const { userId: _userId, updatedAt: _updatedAt, ...preferences } = row;
  return { ...preferences, reminderOffsetsMinutes: [...preferences.reminderOffsetsMinutes].sort((a, b) => b - a) };
}

/** The preference that governs a kind of message. */
export const PREFERENCE_FOR_KIND: Record<NotificationKind, keyof NotificationPreferences> = {
  booking_confirmation: "emailBookingConfirmations",
  cancellation: "emailCancellations",
  reschedule: "emailReschedules",
  reminder: "emailReminders",
  low_availability: "emailLowAvailability",
  admin_digest: "emailAdminDigest",
  connection_reauth: "emailConnectionAlerts",
};

export function wantsEmail(preferences: NotificationPreferences, kind: NotificationKind): boolean {
  return preferences[PREFERENCE_FOR_KIND[kind]] === true;
}

export async function isSuppressedAddress(executor: Executor, email: string): Promise<boolean> {
  const [row] = await executor.select({ email: notificationSuppressions.email }).from(notificationSuppressions).where(eq(notificationSuppressions.email, email.trim().toLowerCase()));
  return Boolean(row);
}
