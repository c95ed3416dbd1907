import { z } from "zod";

/** The audit viewer's filters, shared by the JSON list, the CSV export and the page's form. */
const optionalText = z
  .string()
  .trim()
  .max(200)
  .optional()
  .transform((value) => value || undefined);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const isDateOrDateTime = (value: string | undefined) =>
  value === undefined ||
  (/^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(value))) ||
  (/^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value)));

export const auditFiltersSchema = z.object({
  /** A user id, an email of a current user, or part of the actor's name as recorded. */
  actor: optionalText,
  /** An exact action (`user.role_changed`) or a prefix ending in `.` or `*` (`session.`, `user.*`). */
  action: optionalText,
  targetType: optionalText,
  targetId: optionalText,
  operationId: optionalText.refine((value) => value === undefined || UUID.test(value), "must be an operation id (UUID)"),
  from: optionalText.refine(isDateOrDateTime, "must be a date (2026-03-01) or an ISO date-time"),
  to: optionalText.refine(isDateOrDateTime, "must be a date (2026-03-01) or an ISO date-time"),
});

export type AuditFilters = z.output<typeof auditFiltersSchema>;

export const auditListQuerySchema = auditFiltersSchema.extend({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  format: z.enum(["json", "csv"]).default("json"),
});
