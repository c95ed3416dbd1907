import { bigint, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Append-only audit trail, modelled on a booking audit: who (actor), through what (source), did what (action) to
 * which targets, with `{field: {old, new}}` changes, a reason and an operation id tying bulk actions together.
 * Erasure pseudonymizes actor fields; rows are never updated otherwise.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    occurredAt: timestamp("occurred_at", { withTimezone: true }).notNull().defaultNow(),
    actorType: text("actor_type").$type<"admin" | "coach" | "realtor" | "system" | "calendly_webhook" | "calendly">().notNull(),
    actorUserId: text("actor_user_id"),
    actorLabel: text("actor_label"),
    source: text("source").$type<"web" | "api" | "webhook" | "job" | "system">().notNull(),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    changes: jsonb("changes").$type<Record<string, { old: unknown; new: unknown }>>(),
    reason: text("reason"),
    operationId: uuid("operation_id"),
    metadata: jsonb("metadata").$type<Record<string, unknown>>(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
  },
  (table) => [
    index("audit_log_occurred_idx").on(table.occurredAt),
    index("audit_log_actor_idx").on(table.actorUserId, table.occurredAt),
    index("audit_log_action_idx").on(table.action, table.occurredAt),
    index("audit_log_target_idx").on(table.targetType, table.targetId),
    index("audit_log_operation_idx").on(table.operationId),
  ],
);

/**
 * API usage and error patterns: one row per minute, route and status, counted in memory and upserted in batches
 * (`recordApiRequest` in src/features/audit/api-usage.ts), never on a request's critical path.
 */
export const apiRequestStats = pgTable(
  "api_request_stats",
  {
    bucket: timestamp("bucket", { withTimezone: true }).notNull(),
    routeKey: text("route_key").notNull(),
    status: integer("status").notNull(),
    count: integer("count").notNull().default(0),
    durationMsTotal: bigint("duration_ms_total", { mode: "number" }).notNull().default(0),
  },
  (table) => [primaryKey({ columns: [table.bucket, table.routeKey, table.status] }), index("api_request_stats_bucket_idx").on(table.bucket)],
);
