import http from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";

/**
 * A real HTTP server on loopback that hands requests to Next.js route handlers, so the Calendly emulator can deliver
 * webhooks to Sessionly over HTTP in tests, as it does to the running app.
 */
type Handler = (request: NextRequest, segment: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

export interface AppServer {
  url: string;
  requests: Array<{ method: string; path: string; status: number }>;
  stop(): Promise<void>;
}

export async function startAppServer(routes: Record<string, Handler>): Promise<AppServer> {
  const requests: AppServer["requests"] = [];
  const server = http.createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
    const handler = routes[`${req.method} ${url.pathname}`];
    if (!handler) {
      res.writeHead(404).end();
      requests.push({ method: req.method ?? "", path: url.pathname, status: 404 });
      return;
    }
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const body = chunks.length ? Buffer.concat(chunks) : undefined;
    const response = await handler(new NextRequest(url, { method: req.method, headers, body }), { params: Promise.resolve({}) });
    requests.push({ method: req.method ?? "", path: url.pathname, status: response.status });
    res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
