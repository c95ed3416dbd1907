import { z } from "zod";
import { API_ROUTES, type RouteKey } from "../route-table";
import { schemaKeysOf } from "../schema-keys";
import type { RouteHandler } from "../handler";

/**
 * Builds the OpenAPI 3.1 document of Sessionly's API from the route table and the zod schemas each route declares
 * (params, query, body). `scripts/generate-openapi.ts` writes it to `src/lib/api/openapi/openapi.json`; a test fails
 * when the committed document is out of date.
 */
type JsonSchema = Record<string, unknown>;

const ERROR_RESPONSE = {
  description: "Error",
  content: {
    "application/json": {
      schema: {
        type: "object",
        required: ["error"],
        properties: {
          error: {
            type: "object",
            required: ["code", "message", "requestId"],
            properties: {
              code: { type: "string" },
              message: { type: "string" },
              fields: { type: "object", additionalProperties: { type: "array", items: { type: "string" } } },
              requestId: { type: "string" },
            },
          },
        },
      },
    },
  },
};

function toSchema(schema: z.ZodType | undefined): JsonSchema | null {
  if (!schema) return null;
  try {
    const json = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as JsonSchema;
    delete json.$schema;
    return json;
  } catch {
    return { description: "See the route's validation messages." };
  }
}

function parametersFrom(schema: JsonSchema | null, location: "path" | "query") {
  const properties = (schema?.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((schema?.required as string[] | undefined) ?? []);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    in: location,
    required: location === "path" ? true : required.has(name),
    schema: property,
  }));
}

export function buildOpenApi(handlers: Partial<Record<RouteKey, RouteHandler>>) {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const [routeKey, access] of Object.entries(API_ROUTES) as Array<[RouteKey, string]>) {
    const [method, routePath] = routeKey.split(" ");
    const openApiPath = routePath.replace(/\[\.\.\.(\w+)\]/g, "{$1}").replace(/\[(\w+)\]/g, "{$1}");
    const handler = handlers[routeKey];
    const body = toSchema(handler?.schemas.body);
    // The handler refuses fields its schema does not name (src/lib/api/schema-keys.ts); say so where JSON Schema can.
    if (body?.type === "object" && body.properties && handler?.schemas.body && schemaKeysOf(handler.schemas.body)) body.additionalProperties = false;
    const operation: Record<string, unknown> = {
      operationId: routeKey.replace(/[^A-Za-z0-9]+/g, "_").replace(/^_|_$/g, ""),
      summary: routeKey,
      description: `Access: ${access === "public" ? "public" : access === "webhook" ? "Calendly webhook signature" : access === "authenticated" ? "any signed-in user" : `permission \`${access}\``}.`,
      tags: [routePath.split("/")[2] ?? "api"],
      parameters: [...parametersFrom(toSchema(handler?.schemas.params), "path"), ...parametersFrom(toSchema(handler?.schemas.query), "query")],
      responses: {
        "200": { description: "Success (JSON)" },
        "400": ERROR_RESPONSE,
        ...(access === "public" ? {} : { "401": ERROR_RESPONSE, "403": ERROR_RESPONSE }),
        "429": ERROR_RESPONSE,
      },
      ...(access !== "public" && access !== "webhook" ? { security: [{ sessionCookie: [] }] } : {}),
      ...(body ? { requestBody: { required: true, content: { "application/json": { schema: body } } } } : {}),
    };
    (paths[openApiPath] ??= {})[method.toLowerCase()] = operation;
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Sessionly API",
      version: "1.0.0",
      description:
        "Sessionly's own API, used by its pages. Every route checks the caller's role against the permission table; errors share one shape. A query parameter or body field a route does not name is refused with a 400.",
    },
    components: { securitySchemes: { sessionCookie: { type: "apiKey", in: "cookie", name: "sessionly.session_token" } } },
    paths: Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))),
  };
}
