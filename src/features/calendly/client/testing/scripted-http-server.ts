// A real node:http server on an ephemeral port whose answers a test scripts, recording every request it receives.
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface RecordedRequest {
  method: string;
  /** Path and query, as received. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

export interface ScriptedResponse {
  status: number;
  headers?: Record<string, string>;
  /** Objects are sent as JSON; strings as they are. */
  body?: unknown;
  /** Wait this long before answering (to provoke client timeouts). */
  delayMs?: number;
}

export type ScriptedHandler = (request: RecordedRequest, index: number) => ScriptedResponse | Promise<ScriptedResponse>;

export interface ScriptedServer {
  url: string;
  requests: RecordedRequest[];
  setHandler(handler: ScriptedHandler): void;
  close(): Promise<void>;
}

export async function startScriptedServer(handler: ScriptedHandler = () => ({ status: 404, body: {} })): Promise<ScriptedServer> {
  let current = handler;
  const requests: RecordedRequest[] = [];
  const server: Server = createServer((req, res) => {
    // Recorded as soon as the headers arrive, so a request the client abandons is still counted.
    const recorded: RecordedRequest = { method: req.method ?? "GET", url: req.url ?? "/", headers: req.headers, body: "" };
    const index = requests.push(recorded) - 1;
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", async () => {
      recorded.body = Buffer.concat(chunks).toString("utf8");
      const answer = await current(recorded, index);
      if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
      if (res.destroyed) return;
      const isText = typeof answer.body === "string";
      res.writeHead(answer.status, {
        ...(answer.body !== undefined ? { "Content-Type": isText ? "text/plain" : "application/json" } : {}),
        ...answer.headers,
      });
      res.end(answer.body === undefined ? undefined : isText ? (answer.body as string) : JSON.stringify(answer.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    setHandler(next) {
      current = next;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
