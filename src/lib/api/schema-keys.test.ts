import { describe, expect, it } from "vitest";
import { z } from "zod";
import { loadRouteHandlers } from "./openapi/load-route-handlers";
import { schemaKeysOf, unknownKeys } from "./schema-keys";

describe("query parameter and body field names", () => {
  it("reads names through refinements, transforms, defaults, intersections and unions", () => {
    const base = z.object({ from: z.string().optional(), to: z.string().optional() }).refine(() => true);
    expect([...schemaKeysOf(base)!].sort()).toEqual(["from", "to"]);
    expect([...schemaKeysOf(base.and(z.object({ format: z.enum(["csv"]) })))!].sort()).toEqual(["format", "from", "to"]);
    expect([...schemaKeysOf(z.object({ a: z.string() }).transform((v) => v.a))!]).toEqual(["a"]);
    expect([...schemaKeysOf(z.union([z.object({ a: z.string() }), z.object({ b: z.string() })]))!].sort()).toEqual(["a", "b"]);
    expect([...schemaKeysOf(z.object({ a: z.string() }).optional())!]).toEqual(["a"]);
  });

  it("accepts any name when the schema does", () => {
    expect(schemaKeysOf(z.looseObject({ a: z.string() }))).toBeNull();
    expect(schemaKeysOf(z.record(z.string(), z.string()))).toBeNull();
    expect(schemaKeysOf(z.object({ a: z.string() }).and(z.looseObject({})))).toBeNull();
    expect(unknownKeys(z.looseObject({}), ["anything"])).toEqual([]);
  });

  it("lists each unknown name once, sorted", () => {
    expect(unknownKeys(z.object({ q: z.string() }), ["q", "search", "b", "search"])).toEqual(["b", "search"]);
  });

  it("knows the names of every API route's query and body schema", async () => {
    const handlers = await loadRouteHandlers();
    for (const part of ["query", "body"] as const) {
      const withPart = Object.entries(handlers).filter(([, handler]) => handler?.schemas[part]);
      expect(withPart.length).toBeGreaterThan(10);
      for (const [routeKey, handler] of withPart) {
        expect(schemaKeysOf(handler!.schemas[part]!), `${part} of ${routeKey}`).not.toBeNull();
      }
    }
  });
});
