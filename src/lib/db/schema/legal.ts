import { pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { user } from "./auth";

/**
 * The privacy policy and terms as the operator edited them in `/admin/legal`. No row means the page shows the
 * default text shipped in `content/legal/<slug>.md`.
 */
export const legalPages = pgTable("legal_pages", {
  slug: text("slug").$type<"privacy" | "terms">().primaryKey(),
  markdown: text("markdown").notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  /** The admin who saved this version (null once that account is gone). */
  updatedBy: text("updated_by").references(() => user.id, { onDelete: "set null" }),
});
