import { eq } from "drizzle-orm";
import { recordAudit } from "@/features/audit/record-audit";
import { getDb } from "@/lib/db";
import { notificationPreferences, notificationSuppressions, user, type NotificationKind } from "@/lib/db/schema";
import { isRole } from "@/lib/auth/permissions";
import { AppError } from "@/lib/errors";
import { getNotificationPreferences, PREFERENCE_FOR_KIND, type NotificationPreferences } from "./notification-preferences";
import { verifyUnsubscribeToken, type UnsubscribePayload } from "./unsubscribe-link";

/**
 * The public end of an unsubscribe link. The token must carry a valid signature and the user's current link
 * version (revoked links are refused). `kind` turns off that kind of email; `all` turns off every email. Invitees
 * without an account are added to the suppression list.
 */
export const KIND_LABELS: Record<NotificationKind, string> = {
  booking_confirmation: "booking confirmations",
  cancellation: "cancellation notices",
  reschedule: "reschedule notices",
  reminder: "session reminders",
  low_availability: "low-availability alerts",
  admin_digest: "the daily admin digest",
  connection_reauth: "Calendly connection alerts",
};

export interface UnsubscribeTarget {
  kind: NotificationKind | "all";
  label: string;
  who: string;
}

async function resolveOrThrow(token: string): Promise<{ payload: UnsubscribePayload; account: { id: string; email: string; role: string } | null }> {
  const payload = verifyUnsubscribeToken(token);
  if (!payload) throw new AppError("forbidden", "This unsubscribe link is not valid. Use the link from your latest email, or change your choices in Settings.");
  if (!("userId" in payload.subject)) return { payload, account: null };
  const [account] = await getDb().select({ id: user.id, email: user.email, role: user.role }).from(user).where(eq(user.id, payload.subject.userId));
  if (!account || !isRole(account.role)) throw new AppError("forbidden", "This unsubscribe link is no longer valid.");
  const preferences = await getNotificationPreferences(getDb(), account.id, account.role);
  if (preferences.linkVersion !== payload.version) throw new AppError("forbidden", "This unsubscribe link was revoked. Change your choices in Settings.");
  return { payload, account };
}

function kindOf(payload: UnsubscribePayload): NotificationKind | "all" {
  return payload.kind in PREFERENCE_FOR_KIND ? (payload.kind as NotificationKind) : "all";
}

export async function describeUnsubscribeToken(token: string): Promise<UnsubscribeTarget> {
  const { payload, account } = await resolveOrThrow(token);
  const kind = kindOf(payload);
  const email = account?.email ?? ("email" in payload.subject ? payload.subject.email : "");
  return { kind, label: kind === "all" ? "all Sessionly emails" : KIND_LABELS[kind], who: maskEmail(email) };
}

export async function unsubscribeWithToken(token: string, scope: "kind" | "all"): Promise<UnsubscribeTarget> {
  const { payload, account } = await resolveOrThrow(token);
  const kind = scope === "all" ? "all" : kindOf(payload);
  const db = getDb();
  if (!account) {
    const email = "email" in payload.subject ? payload.subject.email.toLowerCase() : "";
    await db.insert(notificationSuppressions).values({ email }).onConflictDoNothing();
    return { kind: "all", label: "all Sessionly emails", who: maskEmail(email) };
  }
  const role = isRole(account.role) ? account.role : "realtor";
  const current = await getNotificationPreferences(db, account.id, role);
  const turnedOff: Partial<NotificationPreferences> =
    kind === "all"
      ? Object.fromEntries(Object.values(PREFERENCE_FOR_KIND).map((key) => [key, false]))
      : { [PREFERENCE_FOR_KIND[kind]]: false };
  const next = { ...current, ...turnedOff, updatedAt: new Date() };
  await db.transaction(async (tx) => {
    await tx.insert(notificationPreferences).values({ userId: account.id, ...next }).onConflictDoUpdate({ target: notificationPreferences.userId, set: next });
    await recordAudit(
      {
        actorType: role,
        actorUserId: account.id,
        actorLabel: "Unsubscribe link",
        source: "web",
        action: "notifications.unsubscribed",
        targetType: "user",
        targetId: account.id,
        changes: Object.fromEntries(Object.keys(turnedOff).map((key) => [key, { old: current[key as keyof NotificationPreferences], new: false }])),
      },
      tx,
    );
  });
  return { kind, label: kind === "all" ? "all Sessionly emails" : KIND_LABELS[kind], who: maskEmail(account.email) };
}

function maskEmail(email: string): string {
  const [local, domain] = email.split("@");
  if (!domain) return "your address";
  return `${local.slice(0, 2)}${"•".repeat(Math.max(1, local.length - 2))}@${domain}`;
}
