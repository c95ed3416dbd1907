import { eq } from "drizzle-orm";
import { getAuth } from "@/lib/auth/auth";
import type { Role } from "@/lib/auth/permissions";
import { getDb, schema } from "@/lib/db";

/** Creates a real account through better-auth (and sets the role directly for admins). */
export async function createUser(input: { email: string; name?: string; role: Role; timeZone?: string; password?: string }) {
  const email = input.email.toLowerCase();
  const [existing] = await getDb().select().from(schema.user).where(eq(schema.user.email, email));
  if (!existing) {
    await getAuth().api.signUpEmail({
      body: {
        name: input.name ?? email.split("@")[0],
        email,
        password: input.password ?? "sessionly-demo",
        timeZone: input.timeZone ?? "UTC",
        accountType: input.role === "admin" ? "realtor" : input.role,
      } as { name: string; email: string; password: string },
    });
  }
  // Files share one database: an account another file created is brought to what this test asked for.
  await getDb()
    .update(schema.user)
    .set({ role: input.role, ...(input.timeZone ? { timeZone: input.timeZone } : {}), ...(input.name ? { name: input.name } : {}), banned: false })
    .where(eq(schema.user.email, email));
  const [row] = await getDb().select().from(schema.user).where(eq(schema.user.email, email));
  return { id: row.id, email: row.email, name: row.name, role: input.role, timeZone: row.timeZone };
}
