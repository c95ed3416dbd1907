import { headers as nextHeaders } from "next/headers";
import { redirect } from "next/navigation";
import { env } from "@/lib/env";
import { getAuth } from "./auth";
import { isRole, type Role } from "./permissions";

/** The signed-in person, as every server component, route and action sees them. */
export interface CurrentUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  timeZone: string;
}

/** Resolves the user of a request from its headers (cookie session); `null` when signed out or deactivated. */
export async function getUserFromHeaders(headers: Headers): Promise<CurrentUser | null> {
  // AUTH_PROVIDER=clerk: a Clerk session token decides alone; without one, better-auth's cookie still works.
  if (env().AUTH_PROVIDER === "clerk") {
    const clerk = await import("@/features/users/clerk-session");
    if (clerk.clerkTokenFromHeaders(headers)) return clerk.getClerkUserFromHeaders(headers);
  }
  const result = await getAuth().api.getSession({ headers });
  if (!result) return null;
  const { user } = result;
  const role = (user as { role?: unknown }).role;
  if (!isRole(role) || (user as { banned?: boolean | null }).banned) return null;
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    role,
    timeZone: ((user as { timeZone?: string }).timeZone as string | undefined) || "UTC",
  };
}

/** For server components and actions. */
export async function getCurrentUser(): Promise<CurrentUser | null> {
  return getUserFromHeaders(await nextHeaders());
}

/** For pages: the user, or a redirect to sign-in. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  return user;
}
