import path from "node:path";
import type { RouteHandler } from "../handler";
import { API_ROUTES, type RouteKey } from "../route-table";

/** Imports every route module named in the route table (scripts and tests only: never in the app bundle). */
export async function loadRouteHandlers(apiDir = path.resolve(import.meta.dirname, "../../../app/api")) {
  const handlers: Partial<Record<RouteKey, RouteHandler>> = {};
  for (const routeKey of Object.keys(API_ROUTES) as RouteKey[]) {
    const [method, routePath] = routeKey.split(" ");
    const routeModule = (await import(path.join(apiDir, ...routePath.replace(/^\/api\//, "").split("/"), "route.ts"))) as Record<string, RouteHandler>;
    if (routeModule[method]) handlers[routeKey] = routeModule[method];
  }
  return handlers;
}
