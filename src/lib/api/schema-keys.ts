import type { z } from "zod";

type Def = { type: string; shape?: Record<string, unknown>; catchall?: unknown; in?: z.ZodType; left?: z.ZodType; right?: z.ZodType; options?: z.ZodType[]; innerType?: z.ZodType };

const cache = new WeakMap<z.ZodType, Set<string> | null>();

/**
 * The names an object schema reads (query parameters, top-level body fields), or null when it accepts any name (a
 * loose object, a record, or a shape this cannot see through). Objects give their keys; refinements keep them;
 * transforms, intersections and unions combine their parts. Read once per schema.
 */
export function schemaKeysOf(schema: z.ZodType): Set<string> | null {
  if (!cache.has(schema)) cache.set(schema, keysOf(schema));
  return cache.get(schema)!;
}

function keysOf(schema: z.ZodType): Set<string> | null {
  const def = (schema as unknown as { def: Def }).def;
  switch (def.type) {
    case "object":
      return def.catchall ? null : new Set(Object.keys(def.shape ?? {}));
    case "pipe":
      return def.in ? schemaKeysOf(def.in) : null;
    case "optional":
    case "default":
    case "prefault":
    case "nullable":
    case "readonly":
    case "catch":
      return def.innerType ? schemaKeysOf(def.innerType) : null;
    case "intersection":
      return union([def.left, def.right]);
    case "union":
      return union(def.options ?? []);
    default:
      return null;
  }
}

function union(parts: Array<z.ZodType | undefined>): Set<string> | null {
  const keys = new Set<string>();
  for (const part of parts) {
    const partKeys = part ? schemaKeysOf(part) : null;
    if (!partKeys) return null;
    for (const key of partKeys) keys.add(key);
  }
  return keys;
}

/** Names in `given` that the schema does not read (sorted), so a misspelt name fails instead of being ignored. */
export function unknownKeys(schema: z.ZodType, given: Iterable<string>): string[] {
  const known = schemaKeysOf(schema);
  if (!known) return [];
  return [...new Set(given)].filter((key) => !known.has(key)).sort();
}
