import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildOpenApi } from "./build-openapi";
import { loadRouteHandlers } from "./load-route-handlers";

describe("the OpenAPI document", () => {
  it("is generated from the route table and is committed up to date (run `npm run openapi`)", async () => {
    const document = buildOpenApi(await loadRouteHandlers());
    const committed = JSON.parse(fs.readFileSync(path.resolve(import.meta.dirname, "openapi.json"), "utf8"));
    expect(committed).toEqual(JSON.parse(JSON.stringify(document)));
  });

  it("documents a route's body and query from its zod schemas", async () => {
    const document = buildOpenApi(await loadRouteHandlers());
    const patch = document.paths["/api/calendly/event-types/{uuid}"].patch as { parameters: Array<{ name: string; in: string }>; requestBody: { content: { "application/json": { schema: { properties: Record<string, unknown> } } } } };
    expect(patch.parameters).toContainEqual(expect.objectContaining({ name: "uuid", in: "path" }));
    expect(patch.requestBody.content["application/json"].schema.properties).toHaveProperty("offered");
    // Unknown fields are refused by the handler, and the document says so.
    expect(patch.requestBody.content["application/json"].schema).toHaveProperty("additionalProperties", false);
  });
});
