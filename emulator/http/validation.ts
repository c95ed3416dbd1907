// zod helpers for query strings and bodies; zod issues become Calendly `details` ({parameter, message}).
import { z } from "zod";
import { parseTimestamp } from "../core/time";
import { badRequest } from "./api-error";

export function queryObject(query: URLSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of query) out[key] = value;
  return out;
}

function valueAt(input: unknown, path: PropertyKey[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function issueMessage(issue: z.core.$ZodIssue, input: unknown): string {
  if (issue.code === "invalid_type" && valueAt(input, issue.path) === undefined) return "must be filled";
  return issue.message;
}

/** Parses with zod or throws Calendly's 400 with one detail per issue. */
export function parseOrThrow<T extends z.ZodType>(schema: T, input: unknown): z.output<T> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  throw badRequest(
    result.error.issues.map((issue) => ({ parameter: issue.path.map(String).join(".") || "body", message: issueMessage(issue, input) })),
  );
}

export const zCount = z.coerce
  .number({ error: "must be an integer" })
  .int("must be an integer")
  .min(1, "must be greater than or equal to 1")
  .max(100, "must be less than or equal to 100")
  .default(20);

export const zRequired = z.string({ error: "must be filled" }).trim().min(1, "must be filled");

export const zTimestamp = zRequired
  .refine((value) => parseTimestamp(value) !== null, "is in invalid format")
  .transform((value) => parseTimestamp(value) as number);

export const zBoolean = z.enum(["true", "false"], { error: "must be boolean" }).transform((value) => value === "true");

export const zSort = (fields: string[]) =>
  z
    .string()
    .refine(
      (value) => value.split(",").every((part) => {
        const [field, direction] = part.trim().split(":");
        return fields.includes(field) && (direction === "asc" || direction === "desc");
      }),
      `must be a comma separated list of {field}:{direction} with field in ${fields.join(", ")}`,
    )
    .transform((value) => {
      const [field, direction] = value.split(",")[0].trim().split(":");
      return { field, direction: direction as "asc" | "desc" };
    });
