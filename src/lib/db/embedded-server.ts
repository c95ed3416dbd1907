import fs from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { PGLiteSocketServer } from "@electric-sql/pglite-socket";

/**
 * Embedded PostgreSQL for the default set-up: one PGlite instance served over the Postgres wire protocol on
 * loopback, so the web app, the worker, migrations and tests all talk to it with the same `pg` driver they use for
 * a real PostgreSQL. PGlite is single-process: only the process that calls this may open the data directory.
 */
export interface EmbeddedDatabase {
  url: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedDatabaseOptions {
  /** Directory for the data files; `undefined` keeps everything in memory (tests). */
  dataDir?: string;
  port?: number;
  host?: string;
  maxConnections?: number;
}

// Messages of the extended query protocol that PostgreSQL only completes at the next Sync.
const EXTENDED_PROTOCOL_MESSAGES = new Set([0x50 /* Parse */, 0x42 /* Bind */, 0x44 /* Describe */, 0x45 /* Execute */, 0x43 /* Close */, 0x48 /* Flush */]);
const PROTOCOL_V3 = 196608;

interface QueryQueue {
  enqueue(handlerId: number, message: Uint8Array, onData: (data: Uint8Array) => void): Promise<number>;
}

/**
 * pglite-socket multiplexes connections message by message, so another connection's Parse can land between this
 * connection's Parse and Bind and corrupt both. Hold each connection's extended-protocol messages until its Sync and
 * hand them to PGlite as one unit (transactions are already kept to one connection by pglite-socket).
 */
function batchUntilSync(server: PGLiteSocketServer) {
  const queue = (server as unknown as { queryQueue: QueryQueue }).queryQueue;
  const enqueue = queue.enqueue.bind(queue);
  const pending = new Map<number, Uint8Array[]>();
  queue.enqueue = (handlerId, message, onData) => {
    const isStartup =
      message.length >= 8 && new DataView(message.buffer, message.byteOffset, message.length).getInt32(4) === PROTOCOL_V3;
    const held = pending.get(handlerId) ?? [];
    if (!isStartup && EXTENDED_PROTOCOL_MESSAGES.has(message[0])) {
      held.push(message);
      pending.set(handlerId, held);
      return Promise.resolve(0);
    }
    pending.delete(handlerId);
    return enqueue(handlerId, held.length ? new Uint8Array(Buffer.concat([...held, message])) : message, onData);
  };
}

export async function startEmbeddedDatabase(options: EmbeddedDatabaseOptions = {}): Promise<EmbeddedDatabase> {
  if (options.dataDir) fs.mkdirSync(path.dirname(path.resolve(options.dataDir)), { recursive: true });
  // Extensions the migrations create must be loaded when PGlite starts: pg_trgm backs the session search.
  const db = await PGlite.create({ ...(options.dataDir ? { dataDir: options.dataDir } : {}), extensions: { pg_trgm } });
  const host = options.host ?? "127.0.0.1";
  const server = new PGLiteSocketServer({ db, host, port: options.port ?? 0, maxConnections: options.maxConnections ?? 40 });
  batchUntilSync(server);
  await server.start();
  const port = (server as unknown as { port: number }).port;
  return {
    url: `postgres://postgres:postgres@${host}:${port}/postgres`,
    port,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
