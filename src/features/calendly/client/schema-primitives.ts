// Building blocks shared by every Calendly schema: URIs, timestamps, envelopes, pagination and error bodies.
import { z } from "zod";

/** A Calendly resource reference or link: always a full URL (REFERENCE §2.2). */
export const uriSchema = z.url();

/** UTC ISO-8601 timestamps; Calendly mixes micro-, milli- and no fractional seconds (REFERENCE §2.3). */
export const timestampSchema = z.iso.datetime({ offset: true });

/** Lenient on purpose: rejecting one unusual address would drop a whole page of bookings. */
export const emailSchema = z.string().regex(/^[^\s@]+@[^\s@]+$/, "Invalid email address");

/** A key Calendly documents as always present but older responses omit: read as null when missing. */
export function nullableField<T extends z.ZodType>(schema: T) {
  return schema.nullable().default(null);
}

/** `pagination` of every paginated list; the four page links are null at the ends (REFERENCE §2.7). */
export const paginationSchema = z.looseObject({
  count: z.number().int().nonnegative(),
  next_page: uriSchema.nullable(),
  // Required by the spec but absent from the 2020–2022 captures.
  previous_page: nullableField(uriSchema),
  next_page_token: nullableField(z.string()),
  previous_page_token: nullableField(z.string()),
});
export type CalendlyPagination = z.output<typeof paginationSchema>;

/** `{"resource": {...}}` */
export function resourceEnvelope<T extends z.ZodType>(resource: T) {
  return z.looseObject({ resource });
}

/** `{"collection": [...], "pagination": {...}}` */
export function collectionEnvelope<T extends z.ZodType>(item: T) {
  return z.looseObject({ collection: z.array(item), pagination: paginationSchema });
}

/** `{"collection": [...]}` of the three unpaginated lists (available times, busy times, schedules). */
export function unpaginatedCollectionEnvelope<T extends z.ZodType>(item: T) {
  return z.looseObject({ collection: z.array(item) });
}

export interface CalendlyCollection<T> {
  collection: T[];
  pagination: CalendlyPagination;
}

/** REST error body `{title, message, details?}`; 2026 scope errors add `required_scopes` (REFERENCE §2.5). */
export const errorBodySchema = z.looseObject({
  title: z.string(),
  message: z.string(),
  details: z
    .array(z.looseObject({ parameter: z.string().optional(), message: z.string(), code: z.string().optional() }))
    .optional(),
  required_scopes: z.array(z.string()).optional(),
});
export type CalendlyErrorBody = z.output<typeof errorBodySchema>;

/** OAuth endpoints answer in RFC 6749 style (REFERENCE §2.5, §7). */
export const oauthErrorBodySchema = z.looseObject({
  error: z.string().min(1),
  error_description: z.string().optional(),
});
export type CalendlyOAuthErrorBody = z.output<typeof oauthErrorBodySchema>;
