import { notFound } from "next/navigation";
import { requireUser } from "@/lib/auth/session";

/**
 * Every `/admin` page is for admins. Checking here, outside the segment's loading boundary, answers other roles with a
 * real 404 status before anything streams; each page still checks its own permission as well.
 */
export default async function AdminLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  if (user.role !== "admin") notFound();
  return children;
}
