import { eq } from "drizzle-orm";
import { getAuth } from "@/lib/auth/auth";
import type { Role } from "@/lib/auth/permissions";
import { getDb, schema } from "@/lib/db";

/** The demo people `npm start` seeds; their emails match the Calendly emulator's demo coaches and invitees. */
export const DEMO_USERS: ReadonlyArray<{ name: string; email: string; role: Role; timeZone: string }> = [
  { name: "Ada Admin", email: "admin@sessionly.test", role: "admin", timeZone: "UTC" },
  { name: "Morgan Reyes", email: "coach.morgan@sessionly.test", role: "coach", timeZone: "America/New_York" },
  { name: "Priya Shah", email: "coach.priya@sessionly.test", role: "coach", timeZone: "Europe/London" },
  { name: "Jamie Carter", email: "realtor.jamie@sessionly.test", role: "realtor", timeZone: "America/Chicago" },
  { name: "Sam Patel", email: "realtor.sam@sessionly.test", role: "realtor", timeZone: "Asia/Kolkata" },
];

/** Creates the demo users that do not exist yet (idempotent); returns how many were created. */
export async function seedDemoUsers(password: string): Promise<number> {
  const db = getDb();
  let created = 0;
  for (const demo of DEMO_USERS) {
    const existing = await db.select({ id: schema.user.id }).from(schema.user).where(eq(schema.user.email, demo.email));
    if (existing.length > 0) continue;
    await getAuth().api.signUpEmail({
      body: {
        name: demo.name,
        email: demo.email,
        password,
        timeZone: demo.timeZone,
        accountType: demo.role === "admin" ? "realtor" : demo.role,
      } as { name: string; email: string; password: string; timeZone: string },
    });
    if (demo.role === "admin") {
      await db.update(schema.user).set({ role: "admin" }).where(eq(schema.user.email, demo.email));
    }
    await db.update(schema.user).set({ emailVerified: true }).where(eq(schema.user.email, demo.email));
    created++;
  }
  return created;
}
