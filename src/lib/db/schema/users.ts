import { index, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { user } from "./auth";

/**
 * Tables of the users feature. `user_external_identities` links a person signed in by an external provider (Clerk,
 * with `AUTH_PROVIDER=clerk`) to their Sessionly user: the provider's stable user id (`sub`) to our `user.id`.
 */
export const userExternalIdentities = pgTable(
  "user_external_identities",
  {
    provider: text("provider").$type<"clerk">().notNull(),
    externalId: text("external_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [primaryKey({ columns: [table.provider, table.externalId] }), index("user_external_identities_user_idx").on(table.userId)],
);
