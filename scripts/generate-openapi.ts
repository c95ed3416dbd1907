// npm run openapi - regenerate src/lib/api/openapi/openapi.json from the route table and the routes' zod schemas
import fs from "node:fs";
import path from "node:path";
import { loadRouteHandlers } from "../src/lib/api/openapi/load-route-handlers";
import { buildOpenApi } from "../src/lib/api/openapi/build-openapi";

async function main() {
  const document = buildOpenApi(await loadRouteHandlers());
  const target = path.resolve(import.meta.dirname, "../src/lib/api/openapi/openapi.json");
  fs.writeFileSync(target, `${JSON.stringify(document, null, 2)}\n`);
  console.log(`wrote ${path.relative(process.cwd(), target)} (${Object.keys(document.paths).length} paths)`);
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
