import { AppError } from "@/lib/errors";
import type { SessionSort } from "./list-sessions-query";

/**
 * Opaque keyset cursor: the sort it belongs to and the last row's sort key plus its uuid (the tie-breaker). Times
 * are kept as Postgres text with microseconds, so a page boundary never falls between two rows JavaScript Dates
 * would round together.
 */
export interface SessionCursor {
  sort: SessionSort;
  dir: "asc" | "desc";
  keys: Array<string | number>;
  uuid: string;
}

export function encodeCursor(cursor: SessionCursor): string {
  return Buffer.from(JSON.stringify({ v: 1, s: cursor.sort, d: cursor.dir, k: cursor.keys, u: cursor.uuid })).toString("base64url");
}

export function decodeCursor(value: string, expected: { sort: SessionSort; dir: "asc" | "desc" }): SessionCursor {
  let parsed: { v?: unknown; s?: unknown; d?: unknown; k?: unknown; u?: unknown };
  try {
    parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    throw invalidCursor();
  }
  const keysValid =
    Array.isArray(parsed.k) &&
    parsed.k.length === (expected.sort === "status" ? 2 : 1) &&
    parsed.k.every((key) => (typeof key === "string" && key.length < 64) || (typeof key === "number" && Number.isInteger(key)));
  if (parsed.v !== 1 || typeof parsed.u !== "string" || parsed.u.length > 100 || !keysValid) throw invalidCursor();
  if (parsed.s !== expected.sort || parsed.d !== expected.dir) {
    throw new AppError("bad_request", "This page link belongs to a different sort order; start again from the first page.");
  }
  return { sort: expected.sort, dir: expected.dir, keys: parsed.k as Array<string | number>, uuid: parsed.u };
}

function invalidCursor() {
  return new AppError("bad_request", "This page link is not valid; start again from the first page.");
}
