import http from "node:http";
import type { AddressInfo } from "node:net";
import { NextRequest } from "next/server";

/**
 * A real `node:http` server on loopback that hands each request to one Next.js route handler (the same adapter as
 * tests/helpers/app-server.ts, without the request log), so load comes in over TCP as in production.
 */
type Handler = (request: NextRequest, segment: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

export async function serve(handler: (req: http.IncomingMessage, res: http.ServerResponse) => void | Promise<void>): Promise<RunningServer> {
  const server = http.createServer((req, res) => {
    Promise.resolve(handler(req, res)).catch(() => {
      if (!res.headersSent) res.writeHead(500);
      res.end();
    });
  });
  server.keepAliveTimeout = 30_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export async function readBody(req: http.IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

export function serveRoute(route: Handler): Promise<RunningServer> {
  return serve(async (req, res) => {
    const body = await readBody(req);
    const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(name, value);
    const response = await route(new NextRequest(url, { method: req.method, headers, body: body.length ? new Uint8Array(body) : undefined }), { params: Promise.resolve({}) });
    res.writeHead(response.status, Object.fromEntries(response.headers.entries()));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
}
