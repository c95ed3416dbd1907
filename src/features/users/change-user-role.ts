import { eq } from "drizzle-orm";
import type { Role } from "@/lib/auth/permissions";
import type { CurrentUser } from "@/lib/auth/session";
import { getDb } from "@/lib/db";
import { user } from "@/lib/db/schema";
import { AppError } from "@/lib/errors";
import { recordAudit, userActor } from "@/features/audit/record-audit";
import { assertNotLastActiveAdmin } from "./admin-guard";
import { getUserOrThrow } from "./get-user-or-throw";
import type { AdminUserDto } from "./user-admin-dto";

/** An admin changes someone's role (never leaving the program without an active admin); audited as `user.role_changed`. */
export async function changeUserRole(
  actor: CurrentUser,
  targetUserId: string,
  input: { role: Role; reason?: string },
  request: { ip?: string; userAgent?: string | null } = {},
): Promise<AdminUserDto> {
  await getDb().transaction(async (tx) => {
    const [target] = await tx.select({ id: user.id, role: user.role }).from(user).where(eq(user.id, targetUserId)).for("update");
    if (!target) throw new AppError("not_found", "That user was not found.");
    if (target.role === input.role) return;
    if (target.role === "admin") {
      await assertNotLastActiveAdmin(
        tx,
        target.id,
        target.id === actor.id
          ? "You are the only active admin: make someone else an admin before changing your own role."
          : "This is the only active admin: make someone else an admin first.",
      );
    }
    await tx.update(user).set({ role: input.role, updatedAt: new Date() }).where(eq(user.id, target.id));
    await recordAudit(
      {
        ...userActor(actor, request),
        action: "user.role_changed",
        targetType: "user",
        targetId: target.id,
        changes: { role: { old: target.role, new: input.role } },
        reason: input.reason ?? null,
      },
      tx,
    );
  });
  return getUserOrThrow(targetUserId);
}
