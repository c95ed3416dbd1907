import { AppError } from "@/lib/errors";
import type { InviteeSort } from "./invitee-list-query";

/**
 * Opaque keyset cursors: the sort, its direction, the row's sort key exactly as Postgres printed it (microsecond
 * timestamps survive the round trip) and its uuid as the tie-breaker.
 */
export interface InviteeCursor {
  sort: InviteeSort;
  dir: "asc" | "desc";
  key: string;
  uuid: string;
}

export function encodeInviteeCursor(cursor: InviteeCursor): string {
  return Buffer.from(JSON.stringify([cursor.sort, cursor.dir, cursor.key, cursor.uuid])).toString("base64url");
}

export function decodeInviteeCursor(value: string, expected: { sort: InviteeSort; dir: "asc" | "desc" }): InviteeCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(value, "base64url").toString("utf8"));
  } catch {
    parsed = null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 4 || !parsed.every((part) => typeof part === "string")) {
    throw new AppError("validation_failed", "This page link is no longer valid; start from the first page.", { fields: { cursor: ["is invalid"] } });
  }
  const [sort, dir, key, uuid] = parsed as [InviteeSort, "asc" | "desc", string, string];
  if (sort !== expected.sort || dir !== expected.dir) {
    throw new AppError("validation_failed", "The sort changed since this page was loaded; start from the first page.", { fields: { cursor: ["does not match the sort"] } });
  }
  return { sort, dir, key, uuid };
}
