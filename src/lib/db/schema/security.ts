import { bigint, integer, pgTable, varchar } from "drizzle-orm/pg-core";

/** Rate-limit counters shared by every web instance (rate-limiter-flexible's Postgres store layout). */
export const rateLimits = pgTable("rate_limits", {
  key: varchar("key", { length: 255 }).primaryKey(),
  points: integer("points").notNull().default(0),
  expire: bigint("expire", { mode: "number" }),
});
