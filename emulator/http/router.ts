// Minimal method + path-pattern router over node:http (patterns like `/scheduled_events/:uuid/invitees`).
import type { IncomingHttpHeaders } from "node:http";

export interface HttpResult {
  status: number;
  json?: unknown;
  html?: string;
  text?: string;
  headers?: Record<string, string>;
}

export interface RawRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  rawBody: string;
}

export interface RouteMatch<C> {
  handler: (request: RawRequest, params: Record<string, string>) => Promise<C> | C;
  params: Record<string, string>;
  pattern: string;
}

interface Route<C> {
  method: string;
  pattern: string;
  regex: RegExp;
  keys: string[];
  handler: (request: RawRequest, params: Record<string, string>) => Promise<C> | C;
}

function compile(pattern: string): { regex: RegExp; keys: string[] } {
  const keys: string[] = [];
  const source = pattern
    .split("/")
    .map((segment) => {
      if (!segment.startsWith(":")) return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      keys.push(segment.slice(1));
      return "([^/]+)";
    })
    .join("/");
  return { regex: new RegExp(`^${source}/?$`), keys };
}

export class Router<C = HttpResult> {
  private readonly routes: Route<C>[] = [];

  add(method: string, pattern: string, handler: Route<C>["handler"]): this {
    this.routes.push({ method, pattern, handler, ...compile(pattern) });
    return this;
  }

  /** Finds the route; `methodMismatch` tells a 405 from a 404. */
  match(method: string, path: string): RouteMatch<C> | { methodMismatch: boolean } {
    let methodMismatch = false;
    for (const route of this.routes) {
      const found = route.regex.exec(path);
      if (!found) continue;
      if (route.method !== method) {
        methodMismatch = true;
        continue;
      }
      const params: Record<string, string> = {};
      route.keys.forEach((key, index) => (params[key] = decodeURIComponent(found[index + 1])));
      return { handler: route.handler, params, pattern: route.pattern };
    }
    return { methodMismatch };
  }
}
