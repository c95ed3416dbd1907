import { eq } from "drizzle-orm";
import type { CurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { session, user } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit, userActor } from "@/features/audit/record-audit";
import { assertNotLastActiveAdmin } from "./admin-guard";
import { getUserOrThrow } from "./get-user-or-throw";
import type { AdminUserDto } from "./user-admin-dto";

/**
 * Deactivates (bans) or reactivates a user. Deactivation deletes every session row of the person in the same
 * transaction, so they are signed out everywhere at once (sessions are read from the database on every request).
 */
export async function deactivateUser(
  actor: CurrentUser,
  targetUserId: string,
  input: { reason?: string } = {},
  request: { ip?: string; userAgent?: string | null } = {},
): Promise<AdminUserDto> {
  if (targetUserId === actor.id) throw new AppError("conflict", "You cannot deactivate your own account.");
  await getDb().transaction(async (tx) => {
    const [target] = await tx.select({ id: user.id, role: user.role, banned: user.banned }).from(user).where(eq(user.id, targetUserId)).for("update");
    if (!target) throw new AppError("not_found", "That user was not found.");
    if (target.banned) return;
    if (target.role === "admin") await assertNotLastActiveAdmin(tx, target.id, "This is the only active admin: make someone else an admin first.");
    await tx
      .update(user)
      .set({ banned: true, banReason: input.reason ?? "Deactivated by an admin", banExpires: null, updatedAt: new Date() })
      .where(eq(user.id, target.id));
    const revoked = await tx.delete(session).where(eq(session.userId, target.id)).returning({ id: session.id });
    await recordAudit(
      {
        ...userActor(actor, request),
        action: "user.deactivated",
        targetType: "user",
        targetId: target.id,
        changes: { status: { old: "active", new: "deactivated" } },
        reason: input.reason ?? null,
        metadata: { sessionsRevoked: revoked.length },
      },
      tx,
    );
  });
  return getUserOrThrow(targetUserId);
}

export async function reactivateUser(
  actor: CurrentUser,
  targetUserId: string,
  input: { reason?: string } = {},
  request: { ip?: string; userAgent?: string | null } = {},
): Promise<AdminUserDto> {
  await getDb().transaction(async (tx) => {
    const [target] = await tx.select({ id: user.id, banned: user.banned, banReason: user.banReason }).from(user).where(eq(user.id, targetUserId)).for("update");
    if (!target) throw new AppError("not_found", "That user was not found.");
    if (target.banReason === ERASED_BAN_REASON) throw new AppError("conflict", "This account was erased at the person's request and cannot be reactivated.");
    if (!target.banned) return;
    await tx.update(user).set({ banned: false, banReason: null, banExpires: null, updatedAt: new Date() }).where(eq(user.id, target.id));
    await recordAudit(
      {
        ...userActor(actor, request),
        action: "user.reactivated",
        targetType: "user",
        targetId: target.id,
        changes: { status: { old: "deactivated", new: "active" } },
        reason: input.reason ?? null,
      },
      tx,
    );
  });
  return getUserOrThrow(targetUserId);
}

/** The ban reason an erased account carries (set by the privacy feature); such accounts never come back. */
export const ERASED_BAN_REASON = "erased";
