import { NextRequest } from "next/server";

/**
 * Calls a Next.js route handler the way Next does: a real Request object in, a real Response out, with cookies
 * carried between calls like a browser would.
 */
export const APP_ORIGIN = "http://localhost:3000";

type Handler = (request: NextRequest, segment: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

export class TestClient {
  cookies = new Map<string, string>();

  async call(
    handler: Handler,
    options: { method?: string; path: string; params?: Record<string, string | string[]>; body?: unknown; headers?: Record<string, string> },
  ) {
    const headers = new Headers(options.headers);
    if (this.cookies.size) headers.set("cookie", [...this.cookies].map(([name, value]) => `${name}=${value}`).join("; "));
    const method = options.method ?? (options.body === undefined ? "GET" : "POST");
    if (options.body !== undefined && !headers.has("content-type")) headers.set("content-type", "application/json");
    if (method !== "GET" && !headers.has("origin")) headers.set("origin", APP_ORIGIN);
    const request = new NextRequest(new URL(options.path, APP_ORIGIN), {
      method,
      headers,
      body: options.body === undefined ? undefined : typeof options.body === "string" ? options.body : JSON.stringify(options.body),
    });
    const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const index = pair.indexOf("=");
      const name = pair.slice(0, index);
      const value = pair.slice(index + 1);
      if (value === "" || /max-age=0/i.test(cookie)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    let json: unknown = undefined;
    try {
      json = text ? JSON.parse(text) : undefined;
    } catch {
      json = undefined;
    }
    return { status: response.status, headers: response.headers, json: json as any, text }; // eslint-disable-line @typescript-eslint/no-explicit-any
  }
}
